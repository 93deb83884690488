// Request bodies and queries of the teacher's assessment endpoints.
import { z } from 'zod';
export { assessmentSchema, type AssessmentBody } from '../evidence/index';

const fraction = z.number().min(0, 'must be from 0 to 1').max(1, 'must be from 0 to 1');

export const queueQuerySchema = z.object({
  outcomeId: z
    .union([z.string().min(1), z.array(z.string().min(1))])
    .optional()
    .transform((value) => (value === undefined ? undefined : [value].flat())),
});

export const decisionSchema = z.object({ verdict: z.enum(['pass', 'fail']), comment: z.string().trim().max(10_000).optional() });

const scoringRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('non-compensatory'), passFraction: fraction.optional() }),
  z.object({ kind: z.literal('compensatory'), passFraction: fraction }),
]);

const scale = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ten-point'),
    mapping: z.discriminatedUnion('kind', [z.object({ kind: z.literal('linear') }), z.object({ kind: z.literal('cut-off'), passFraction: fraction })]),
    passMark: z.number().min(1).max(10).optional(),
  }),
  z.object({ kind: z.literal('ovg'), goodFrom: fraction }),
  z.object({ kind: z.literal('pass-fail') }),
  z.object({ kind: z.literal('points'), maximum: z.number().positive().optional(), decimals: z.number().int().min(0).max(3).optional() }),
]);

const mastery = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('most-recent') }),
  z.object({ kind: z.literal('highest') }),
  z.object({ kind: z.literal('decaying-average'), latestWeight: z.number().gt(0).max(1), masteryFraction: fraction }),
  z.object({ kind: z.literal('n-times'), n: z.number().int().min(1) }),
]);

export const outcomeSettingsSchema = z.object({ scoringRule, scale, mastery, priorLearningFourEyes: z.boolean() });

export const finalSettingsSchema = z.object({
  rule: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('all-must-pass') }),
    z.object({ kind: z.literal('weighted'), passFraction: fraction, requireAllPass: z.boolean() }),
  ]),
  weights: z.record(z.string(), z.number().min(0)).default({}),
  scale,
});

export type QueueQuery = z.infer<typeof queueQuerySchema>;
export type DecisionBody = z.infer<typeof decisionSchema>;
export type OutcomeSettingsBody = z.infer<typeof outcomeSettingsSchema>;
export type FinalSettingsBody = z.infer<typeof finalSettingsSchema>;
