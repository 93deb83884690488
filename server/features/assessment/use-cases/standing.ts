// Where a student stands: mastery and grade per outcome across their graded attempts, and the final grade of the placement.
import {
  applyGradeScale,
  combineOutcomes,
  computeMastery,
  type FinalGrade,
  type GradeInput,
  type MasteryResult,
  type ScaleGrade,
  type ScoredAttempt,
} from '../../../domain/grading/index';
import type { Attempt } from '../../evidence/index';
import { finalGradeRule, outcomeSettings, type GradingSettings } from './grading-settings';

export interface OutcomeStanding {
  outcomeId: string;
  mastery: MasteryResult;
  grade?: ScaleGrade;
}

export interface PlacementStanding {
  outcomes: OutcomeStanding[];
  final: FinalGrade;
  finalGrade?: ScaleGrade;
}

/** A graded attempt as mastery sees it; the standing verdict may be the assessors' rather than the rubric's. */
export function scoredAttempt(attempt: Attempt): ScoredAttempt | undefined {
  if (attempt.status !== 'graded' || !attempt.assessment) return undefined;
  const { result, assessedAt } = attempt.assessment;
  return { attemptId: attempt.id, assessedAt: assessedAt.toISOString(), fraction: result.fraction, passed: attempt.passed ?? result.passed };
}

export function outcomeStanding(props: { outcomeId: string; attempts: Attempt[]; settings: GradingSettings }): OutcomeStanding {
  const { outcomeId, settings } = props;
  const { mastery: method, scale } = outcomeSettings(settings, outcomeId);
  const scored = props.attempts.filter((a) => a.outcomeId === outcomeId).flatMap((a) => scoredAttempt(a) ?? []);
  const mastery = computeMastery({ method, attempts: scored });
  return mastery.status === 'assessed' ? { outcomeId, mastery, grade: applyGradeScale({ scale, result: mastery }) } : { outcomeId, mastery };
}

/** Every published outcome counts towards the final grade; an outcome without a graded attempt keeps it incomplete. */
export function placementStanding(props: { outcomeIds: string[]; attempts: Attempt[]; settings: GradingSettings }): PlacementStanding {
  const outcomes = props.outcomeIds.map((outcomeId) => outcomeStanding({ outcomeId, attempts: props.attempts, settings: props.settings }));
  const results: Record<string, GradeInput | undefined> = {};
  for (const { outcomeId, mastery } of outcomes) if (mastery.status === 'assessed') results[outcomeId] = mastery;
  if (props.outcomeIds.length === 0) return { outcomes, final: { status: 'incomplete', missingOutcomeIds: [], failedOutcomeIds: [] } };
  const { rule, scale } = finalGradeRule(props.settings, props.outcomeIds);
  const final = combineOutcomes({ rule, results });
  return final.status === 'graded' ? { outcomes, final, finalGrade: applyGradeScale({ scale, result: final }) } : { outcomes, final };
}

/** The grade of one attempt on its outcome's scale, for the student's history; undefined until the attempt is graded. */
export function attemptGrade(attempt: Attempt, settings: GradingSettings): ScaleGrade | undefined {
  const scored = scoredAttempt(attempt);
  if (!scored) return undefined;
  const { scale } = outcomeSettings(settings, attempt.outcomeId);
  return applyGradeScale({ scale, result: { fraction: scored.fraction, passed: scored.passed } });
}
