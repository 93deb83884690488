// Publishing a learning outcome: the moment its criteria become known to students, which LOT wants before the start.

import { DomainError } from './errors';
import type { LearningOutcome } from './outcome';
import { composeOutcomeStatement } from './outcome-statement';

/** What stops an outcome from being published, as keys the designer can show next to the fields. */
export function outcomePublishProblems(outcome: LearningOutcome): string[] {
  const problems = composeOutcomeStatement(outcome.tuning).missing.map((part) => `outcome.missing_${part}`);
  if (outcome.rubric.criteria.length === 0) problems.push('outcome.missing_criteria');
  if (outcome.rubric.criteria.some((c) => c.levels.length === 0)) problems.push('outcome.criterion_without_levels');
  return problems;
}

/** Publishes once; publishing again keeps the first date, because that is when students could first read the criteria. */
export function publishOutcome({ outcome, now }: { outcome: LearningOutcome; now: Date }): LearningOutcome {
  if (outcome.status === 'published') return outcome;
  const problems = outcomePublishProblems(outcome);
  if (problems.length > 0) {
    throw new DomainError('outcome_incomplete', 'the outcome is not complete', { problems });
  }
  return { ...outcome, status: 'published', publishedAt: now };
}
