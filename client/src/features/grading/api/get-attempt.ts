// GET /api/assessment/attempts/:id: an attempt's evidence beside the outcome's rubric, the self-assessment, history and standing.
import { useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { evidenceItemSchema, judgementSchema } from '../../../lib/api-schemas';
import { rubricCriterionSchema } from '../../../lib/rubric-schema';
import { attemptStatusSchema } from './get-queue';

export type { RubricCriterion, RubricLevel } from '../../../lib/domain';

const assessorDecisionSchema = z.object({ assessorId: z.string(), verdict: z.enum(['pass', 'fail']), decidedAt: z.string(), comment: z.optional(z.string()) });

export const attemptSchema = z.object({
  id: z.string(),
  outcomeId: z.string(),
  studentId: z.string(),
  number: z.number(),
  status: attemptStatusSchema,
  items: z.array(evidenceItemSchema),
  selfAssessment: z.optional(z.object({ judgements: z.array(judgementSchema), comment: z.optional(z.string()), at: z.string() })),
  submittedAt: z.optional(z.string()),
  assessment: z.optional(
    z.object({
      judgements: z.array(judgementSchema),
      comment: z.optional(z.string()),
      assessorId: z.string(),
      assessedAt: z.string(),
      result: z.object({ points: z.number(), maxPoints: z.number(), fraction: z.number(), passed: z.boolean() }),
    }),
  ),
  fourEyes: z.optional(z.object({ required: z.boolean(), decisions: z.array(assessorDecisionSchema) })),
  passed: z.optional(z.boolean()),
  version: z.number(),
});

const criterionComparisonSchema = z.object({
  criterionId: z.string(),
  title: z.string(),
  studentLevelId: z.optional(z.string()),
  teacherLevelId: z.optional(z.string()),
  difference: z.nullable(z.number()),
  agreement: z.enum(['same', 'student-higher', 'student-lower', 'incomplete']),
});

const fourEyesStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('waiting-for-first-assessor') }),
  z.object({ state: z.literal('waiting-for-second-assessor'), assessorIds: z.array(z.string()) }),
  z.object({ state: z.literal('disputed'), assessorIds: z.array(z.string()) }),
  z.object({ state: z.literal('final'), verdict: z.enum(['pass', 'fail']), assessorIds: z.array(z.string()) }),
]);

const attemptDetailSchema = z.object({
  attempt: attemptSchema,
  outcome: z.optional(z.object({ id: z.string(), title: z.string(), rubric: z.object({ criteria: z.array(rubricCriterionSchema) }) })),
  selfAssessment: z.array(criterionComparisonSchema),
  fourEyes: z.optional(fourEyesStatusSchema),
  history: z.array(attemptSchema),
  standing: z.object({
    outcomeId: z.string(),
    grade: z.optional(z.object({ display: z.string(), scoreGiven: z.number(), scoreMaximum: z.number(), passed: z.boolean() })),
  }),
});

export type Judgement = z.infer<typeof judgementSchema>;
export type EvidenceItem = z.infer<typeof evidenceItemSchema>;
export type AssessorDecision = z.infer<typeof assessorDecisionSchema>;
export type Attempt = z.infer<typeof attemptSchema>;
export type CriterionComparison = z.infer<typeof criterionComparisonSchema>;
export type FourEyesStatus = z.infer<typeof fourEyesStatusSchema>;
export type AttemptDetail = z.infer<typeof attemptDetailSchema>;

export const attemptKey = (attemptId: string) => ['grading', 'attempt', attemptId] as const;

export const getAttempt = (attemptId: string) => apiRequest(`/api/assessment/attempts/${encodeURIComponent(attemptId)}`, attemptDetailSchema);

export function useAttemptQuery(attemptId: string) {
  return useQuery({ queryKey: attemptKey(attemptId), queryFn: () => getAttempt(attemptId) });
}
