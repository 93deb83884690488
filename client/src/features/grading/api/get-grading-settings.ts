// GET /api/assessment/settings: per learning outcome how it is graded (scale, scoring rule, mastery, four eyes), and the final grade.
import { useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';

const fraction = z.number();

/** One shape for every scale kind, each kind using its own fields, so a scale the form does not edit survives a save. */
const scaleSchema = z.object({
  kind: z.enum(['ten-point', 'ovg', 'pass-fail', 'points']),
  mapping: z.optional(z.object({ kind: z.enum(['linear', 'cut-off']), passFraction: z.optional(fraction) })),
  passMark: z.optional(z.number()),
  goodFrom: z.optional(fraction),
  maximum: z.optional(z.number()),
  decimals: z.optional(z.number()),
});

const scoringRuleSchema = z.object({ kind: z.enum(['non-compensatory', 'compensatory']), passFraction: z.optional(fraction) });

const masterySchema = z.object({
  kind: z.enum(['most-recent', 'highest', 'decaying-average', 'n-times']),
  latestWeight: z.optional(fraction),
  masteryFraction: z.optional(fraction),
  n: z.optional(z.number()),
});

export const outcomeSettingsSchema = z.object({
  outcomeId: z.string(),
  title: z.string(),
  scoringRule: scoringRuleSchema,
  scale: scaleSchema,
  mastery: masterySchema,
  priorLearningFourEyes: z.boolean(),
});

export const gradingSettingsSchema = z.object({ outcomes: z.array(outcomeSettingsSchema) });

export type OutcomeSettings = z.infer<typeof outcomeSettingsSchema>;
export type GradeScaleSetting = z.infer<typeof scaleSchema>;
export type ScoringRuleSetting = z.infer<typeof scoringRuleSchema>;
export type MasterySetting = z.infer<typeof masterySchema>;

export const gradingSettingsKey = ['grading', 'settings'] as const;

export const getGradingSettings = () => apiRequest('/api/assessment/settings', gradingSettingsSchema);

export function useGradingSettingsQuery(enabled: boolean) {
  return useQuery({ queryKey: gradingSettingsKey, queryFn: getGradingSettings, enabled });
}
