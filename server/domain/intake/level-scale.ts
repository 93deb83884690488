// The level scale a student places themselves on: the rank of the outcome's rubric levels, and the rank the outcome asks for.

import type { CriterionJudgement } from '../grading/index';
import type { LearningOutcome } from '../outcome';
import type { RubricCriterion } from '../rubric';

export interface ScaleLevel {
  /** 1 is the lowest level; ranks are what intakes, grades and peers compare. */
  rank: number;
  label: string;
}

export interface OutcomeScale {
  outcomeId: string;
  levels: ScaleLevel[];
  /**
   * Where the outcome asks the student to be: the highest pass level among its criteria (scoring is
   * non-compensatory, so the outcome is reached only when every criterion is at its pass level).
   */
  targetRank: number;
}

/**
 * A rubric's criteria each list their levels lowest first and usually share one ladder (insufficient, sufficient,
 * good…). The scale takes the ladder of the criterion with the most levels, so every criterion's level has a rank.
 * Undefined when the rubric has no levels yet: such an outcome cannot be placed on.
 */
export function outcomeScale(outcome: Pick<LearningOutcome, 'id' | 'rubric'>): OutcomeScale | undefined {
  const criteria = outcome.rubric.criteria.filter((c) => c.levels.length > 0);
  if (criteria.length === 0) return undefined;
  const longest = criteria.reduce((a, b) => (b.levels.length > a.levels.length ? b : a));
  const levels = longest.levels.map((level, index) => ({ rank: index + 1, label: level.label }));
  const passRanks = criteria.flatMap((c) => (c.passLevelId ? [rankOf(c, c.passLevelId) ?? 0] : [])).filter((r) => r > 0);
  // Without a pass level the middle of the ladder is the sensible expectation (rounded up: "sufficient" on 1-2-3).
  const targetRank = passRanks.length > 0 ? Math.max(...passRanks) : Math.ceil((levels.length + 1) / 2);
  return { outcomeId: outcome.id, levels, targetRank };
}

export function rankOf(criterion: Pick<RubricCriterion, 'levels'>, levelId: string): number | undefined {
  const index = criterion.levels.findIndex((l) => l.id === levelId);
  return index < 0 ? undefined : index + 1;
}

/**
 * The rank a graded attempt shows on the outcome: the lowest rank among its judged criteria — like the pass rule,
 * a student is at a level on the outcome only when every criterion is at that level or above.
 */
export function gradedRank(outcome: Pick<LearningOutcome, 'rubric'>, judgements: readonly CriterionJudgement[]): number | undefined {
  const ranks = judgements.flatMap((j) => {
    const criterion = outcome.rubric.criteria.find((c) => c.id === j.criterionId);
    const rank = criterion ? rankOf(criterion, j.levelId) : undefined;
    return rank === undefined ? [] : [rank];
  });
  return ranks.length > 0 ? Math.min(...ranks) : undefined;
}
