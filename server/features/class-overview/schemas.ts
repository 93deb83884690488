// The query of the class overview.
import { z } from 'zod';

export const overviewQuerySchema = z.object({
  stalledDays: z.coerce
    .number({ message: 'must be a number of days' })
    .int('must be a whole number of days')
    .min(1, 'must be at least 1')
    .max(365, 'must be at most 365')
    .default(7),
});

export type OverviewQuery = z.infer<typeof overviewQuerySchema>;
