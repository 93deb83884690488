// Request bodies and queries of the student's evidence endpoints.
import { z } from 'zod';

const httpUrl = z
  .string()
  .trim()
  .max(2000, 'must be at most 2000 characters')
  .refine((value) => URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol), 'must be an http or https address');

export const newEvidenceSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('link'), url: httpUrl, title: z.string().trim().max(200).optional() }),
    z.object({ kind: z.literal('text'), text: z.string().trim().min(1, 'must not be empty').max(50_000, 'must be at most 50000 characters') }),
    z.object({
      kind: z.literal('prior-learning'),
      claim: z.enum(['prior_learning', 'work_experience']),
      description: z.string().trim().min(1, 'must not be empty').max(10_000, 'must be at most 10000 characters'),
    }),
  ],
  { message: 'must be link, text or prior-learning (files are sent with PUT …/file)' },
);

export const assessmentSchema = z.object({
  judgements: z
    .array(z.object({ criterionId: z.string().min(1), levelId: z.string().min(1), comment: z.string().trim().max(5000).optional() }))
    .min(1, 'judge at least one criterion'),
  comment: z.string().trim().max(10_000).optional(),
});

/** The file name travels in the query: the body is the file itself. */
export const fileQuerySchema = z.object({
  filename: z
    .string()
    .trim()
    .min(1, 'must name the file')
    .max(255, 'must be at most 255 characters')
    .refine((name) => !/[/\\\0]/.test(name), 'must be a file name, not a path'),
});

export const attemptListQuerySchema = z.object({ outcomeId: z.string().min(1).optional() });

export type NewEvidenceBody = z.infer<typeof newEvidenceSchema>;
export type AssessmentBody = z.infer<typeof assessmentSchema>;
export type FileQuery = z.infer<typeof fileQuerySchema>;
export type AttemptListQuery = z.infer<typeof attemptListQuerySchema>;
