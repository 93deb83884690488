// The intake's request bodies and parameters, checked at the edge; 400 names the first bad field.
import { z } from 'zod';

const id = z.string().trim().min(1).max(200);
const text = (max: number) => z.string().trim().max(max);
const version = z.number().int().min(0);

export const designSchema = z.object({
  version,
  outcomes: z
    .array(
      z.object({
        outcomeId: id,
        indicatorIds: z.array(id).max(50).default([]),
        diagnosticTask: z.object({ prompt: text(2000).min(1) }).optional(),
      }),
    )
    .max(50),
});
export type DesignBody = z.infer<typeof designSchema>;

export const intakeSchema = z.object({
  version,
  placements: z.array(z.object({ outcomeId: id, indicatorId: id.optional(), rank: z.number().int().min(1).max(20) })).max(500).default([]),
  diagnostics: z.array(z.object({ outcomeId: id, answer: text(10_000) })).max(50).default([]),
  profile: z
    .object({
      priorEducation: text(2000).optional(),
      workExperience: text(2000).optional(),
      hoursPerWeek: z.number().min(0).max(80).optional(),
      when: text(500).optional(),
      expectations: text(2000).optional(),
      why: text(2000).optional(),
    })
    .strict()
    .default({}),
});
export type IntakeBody = z.infer<typeof intakeSchema>;

export const versionSchema = z.object({ version: version.min(1) });
export type VersionBody = z.infer<typeof versionSchema>;

export const studentParamsSchema = z.object({ studentId: id });
export const reviewParamsSchema = z.object({ studentId: id, outcomeId: id });

export const reviewSchema = z.object({ version: version.min(1), comment: text(4000).default(''), rank: z.number().int().min(1).max(20).optional() });
export type ReviewBody = z.infer<typeof reviewSchema>;

export const reopenSchema = z.object({ version: version.min(1), reason: text(1000).optional() });
export type ReopenBody = z.infer<typeof reopenSchema>;
