// Query and path parameters of the grade delivery endpoints.
import { z } from 'zod';

export const deliveriesQuerySchema = z.object({
  state: z
    .union([z.enum(['waiting', 'sending', 'sent', 'failed', 'superseded']), z.array(z.enum(['waiting', 'sending', 'sent', 'failed', 'superseded']))])
    .optional()
    .transform((value) => (value === undefined ? undefined : Array.isArray(value) ? value : [value])),
  student: z.string().min(1).max(255).optional(),
});

export const deliveryParamsSchema = z.object({ id: z.string().min(1).max(100) });

export const gradebookQuerySchema = z.object({ student: z.string().min(1).max(255).optional() });

export type GradebookQuery = z.infer<typeof gradebookQuerySchema>;
export type DeliveriesQuery = z.infer<typeof deliveriesQuerySchema>;
