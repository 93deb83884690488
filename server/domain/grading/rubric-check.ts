// Checks that a rubric can be scored at all before any student is graded against it.

import type { Rubric } from '../rubric';
import { GradingError, type GradingIssue } from './errors';

export interface CheckRubricProps {
  rubric: Rubric;
  /** Non-compensatory scoring needs a pass level on every criterion. */
  requirePassLevels: boolean;
}

/** Lists every problem; an empty list means the rubric is usable. */
export function rubricIssues({ rubric, requirePassLevels }: CheckRubricProps): GradingIssue[] {
  const issues: GradingIssue[] = [];
  if (rubric.criteria.length === 0) issues.push({ code: 'no_criteria' });
  const seenCriteria = new Set<string>();
  let maximum = 0;
  for (const criterion of rubric.criteria) {
    const criterionId = criterion.id;
    if (seenCriteria.has(criterionId)) issues.push({ code: 'duplicate_criterion', criterionId });
    seenCriteria.add(criterionId);
    // Weight 0 is allowed: a criterion may act only as a gate (must pass) without adding points.
    if (!Number.isFinite(criterion.weight) || criterion.weight < 0) {
      issues.push({ code: 'invalid_weight', criterionId });
    }
    if (criterion.levels.length === 0) issues.push({ code: 'no_levels', criterionId });
    const seenLevels = new Set<string>();
    for (const level of criterion.levels) {
      if (seenLevels.has(level.id)) issues.push({ code: 'duplicate_level', criterionId, levelId: level.id });
      seenLevels.add(level.id);
      if (!Number.isFinite(level.points) || level.points < 0) {
        issues.push({ code: 'negative_points', criterionId, levelId: level.id });
      }
    }
    if (criterion.passLevelId !== undefined && !seenLevels.has(criterion.passLevelId)) {
      issues.push({ code: 'unknown_pass_level', criterionId, levelId: criterion.passLevelId });
    }
    if (requirePassLevels && criterion.passLevelId === undefined) {
      issues.push({ code: 'missing_pass_level', criterionId });
    }
    maximum += criterionMaximum(criterion.levels) * (criterion.weight > 0 ? criterion.weight : 0);
  }
  if (rubric.criteria.length > 0 && !(maximum > 0)) issues.push({ code: 'zero_maximum' });
  return issues;
}

export function assertUsableRubric(props: CheckRubricProps): void {
  const issues = rubricIssues(props);
  if (issues.length > 0) {
    throw new GradingError('invalid_rubric', 'The rubric cannot be scored as it stands.', issues);
  }
}

/** The most a criterion can earn before weighting: its best-paid level, not necessarily its last. */
export function criterionMaximum(levels: ReadonlyArray<{ points: number }>): number {
  return levels.reduce((best, level) => Math.max(best, level.points), 0);
}
