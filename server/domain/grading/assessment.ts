// The teacher's judgement of one attempt against the rubric, and the check that it is complete.

import type { Rubric } from '../rubric';
import { GradingError, type GradingIssue } from './errors';

/** The level chosen for one criterion, with optional feedback on that criterion. */
export interface CriterionJudgement {
  criterionId: string;
  levelId: string;
  comment?: string;
}

/** A judgement of one attempt: one level per criterion and optional overall feedback. */
export interface Assessment {
  judgements: CriterionJudgement[];
  comment?: string;
}

/** Lists every problem: criteria not judged or judged twice, unknown criteria, foreign levels. */
export function assessmentIssues({ rubric, assessment }: { rubric: Rubric; assessment: Assessment }): GradingIssue[] {
  const issues: GradingIssue[] = [];
  const counts = new Map<string, number>();
  for (const judgement of assessment.judgements) {
    const { criterionId, levelId } = judgement;
    const criterion = rubric.criteria.find((c) => c.id === criterionId);
    if (!criterion) {
      issues.push({ code: 'unknown_criterion', criterionId });
      continue;
    }
    counts.set(criterionId, (counts.get(criterionId) ?? 0) + 1);
    if (!criterion.levels.some((level) => level.id === levelId)) {
      issues.push({ code: 'unknown_level', criterionId, levelId });
    }
  }
  for (const criterion of rubric.criteria) {
    const count = counts.get(criterion.id) ?? 0;
    if (count === 0) issues.push({ code: 'criterion_not_judged', criterionId: criterion.id });
    if (count > 1) issues.push({ code: 'criterion_judged_twice', criterionId: criterion.id });
  }
  return issues;
}

export function assertValidAssessment(props: { rubric: Rubric; assessment: Assessment }): void {
  const issues = assessmentIssues(props);
  if (issues.length > 0) {
    throw new GradingError('invalid_assessment', 'The assessment does not match the rubric.', issues);
  }
}
