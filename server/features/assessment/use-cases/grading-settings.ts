// How a placement grades: per outcome the scoring rule, grade scale, mastery method and four-eyes on prior learning; and the final grade.
//
// Stored per playbook in `grading_settings` (see store/grading-settings-model.ts), one document per
// outcome and one for the final grade; whatever the teacher never set falls back to the defaults:
// non-compensatory scoring, the Dutch 1–10 scale with pass mark 5.5 (linear: 5.5 at half the points),
// the most recent attempt counts, one assessor suffices; the final grade needs every outcome passed.
import type { FinalGradeRule, GradeScale, MasteryMethod, ScoringRule } from '../../../domain/grading/index';

export interface OutcomeGradingSettings {
  scoringRule: ScoringRule;
  scale: GradeScale;
  mastery: MasteryMethod;
  /** Prior-learning and work-experience claims need two agreeing assessors. */
  priorLearningFourEyes: boolean;
}

export type FinalRuleKind = { kind: 'all-must-pass' } | { kind: 'weighted'; passFraction: number; requireAllPass: boolean };

export interface FinalGradeSettings {
  rule: FinalRuleKind;
  /** Weight per outcome id; an outcome not listed weighs 1. */
  weights: Record<string, number>;
  scale: GradeScale;
}

const TEN_POINT: GradeScale = { kind: 'ten-point', mapping: { kind: 'linear' }, passMark: 5.5 };

export const DEFAULT_OUTCOME_SETTINGS: OutcomeGradingSettings = {
  scoringRule: { kind: 'non-compensatory' },
  scale: TEN_POINT,
  mastery: { kind: 'most-recent' },
  priorLearningFourEyes: false,
};

export const DEFAULT_FINAL_SETTINGS: FinalGradeSettings = { rule: { kind: 'all-must-pass' }, weights: {}, scale: TEN_POINT };

/** Settings as stored for one playbook; either part may be absent. */
export interface GradingSettings {
  outcomes: Record<string, OutcomeGradingSettings>;
  final?: FinalGradeSettings;
}

export function outcomeSettings(settings: GradingSettings, outcomeId: string): OutcomeGradingSettings {
  return settings.outcomes[outcomeId] ?? DEFAULT_OUTCOME_SETTINGS;
}

/** The final grade over the given (published) outcomes: every one counts, with its weight. */
export function finalGradeRule(settings: GradingSettings, outcomeIds: string[]): { rule: FinalGradeRule; scale: GradeScale } {
  const final = settings.final ?? DEFAULT_FINAL_SETTINGS;
  const outcomes = outcomeIds.map((outcomeId) => ({ outcomeId, weight: final.weights[outcomeId] ?? 1 }));
  return { rule: { ...final.rule, outcomes }, scale: final.scale };
}
