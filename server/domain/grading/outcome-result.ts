// From a judged rubric to the result of one attempt on a learning outcome, with the explanation.
//
// The calculation, as a teacher can read it:
// 1. Per criterion: points = points of the chosen level × criterion weight;
//    maximum = points of the criterion's best-paid level × criterion weight.
// 2. Outcome: points = sum of criterion points; maximum = sum of criterion maxima;
//    fraction = points / maximum (0..1). A lowest level worth 0 points makes the scale start
//    at 0; a lowest level worth 1 of 4 means the weakest work still scores 0.25.
// 3. A criterion meets its pass level when the chosen level is that level or one listed after
//    it (levels are ordered lowest to highest; the order decides, not the points).
// 4. Pass or fail follows the scoring rule (see scoring-rule.ts). Thresholds are compared
//    after rounding to 9 decimals, so exactly-on-the-threshold passes (see precision.ts).

import type { Rubric, RubricCriterion } from '../rubric';
import { assertValidAssessment, type Assessment } from './assessment';
import { assertUsableRubric, criterionMaximum } from './rubric-check';
import { assertValidScoringRule, type ScoringRule } from './scoring-rule';
import { atLeast, COMPARE_DECIMALS, roundTo } from './precision';

/** One line of the explanation: what a criterion got and what it was worth. */
export interface CriterionScore {
  criterionId: string;
  title: string;
  levelId: string;
  levelLabel: string;
  levelPoints: number;
  weight: number;
  points: number;
  maxPoints: number;
  passLevelId?: string;
  passLevelLabel?: string;
  /** null when the criterion has no pass level. */
  metPassLevel: boolean | null;
  comment?: string;
}

/** One test the rule applied; `decisive` says whether it could fail the outcome under this rule. */
export type PassCheck =
  | { kind: 'criterion-pass-level'; criterionId: string; met: boolean; decisive: boolean }
  | { kind: 'pass-fraction'; fraction: number; passFraction: number; met: boolean; decisive: true };

/** Everything the UI needs to show how the result came about, without recomputing anything. */
export interface OutcomeExplanation {
  rule: ScoringRule;
  criteria: CriterionScore[];
  checks: PassCheck[];
}

export interface OutcomeResult {
  points: number;
  maxPoints: number;
  fraction: number;
  passed: boolean;
  /** Criteria below their pass level, in rubric order; reported under either rule. */
  shortfalls: string[];
  comment?: string;
  explanation: OutcomeExplanation;
}

export interface ScoreAssessmentProps {
  rubric: Rubric;
  assessment: Assessment;
  rule: ScoringRule;
}

/** Scores a complete assessment; throws GradingError when rubric, assessment or rule is unusable. */
export function scoreAssessment({ rubric, assessment, rule }: ScoreAssessmentProps): OutcomeResult {
  assertValidScoringRule(rule);
  assertUsableRubric({ rubric, requirePassLevels: rule.kind === 'non-compensatory' });
  assertValidAssessment({ rubric, assessment });

  const criteria = rubric.criteria.map((criterion) => scoreCriterion(criterion, assessment));
  // Rounded to 6 decimals for display; the fraction is taken from the unrounded sums.
  const rawPoints = criteria.reduce((sum, c) => sum + c.points, 0);
  const rawMax = criteria.reduce((sum, c) => sum + c.maxPoints, 0);
  const fraction = roundTo(rawPoints / rawMax, COMPARE_DECIMALS);

  const checks: PassCheck[] = criteria
    .filter((c) => c.metPassLevel !== null)
    .map((c) => ({
      kind: 'criterion-pass-level',
      criterionId: c.criterionId,
      met: c.metPassLevel === true,
      decisive: rule.kind === 'non-compensatory',
    }));
  if (rule.passFraction !== undefined) {
    const met = atLeast(fraction, rule.passFraction);
    checks.push({ kind: 'pass-fraction', fraction, passFraction: rule.passFraction, met, decisive: true });
  }

  const result: OutcomeResult = {
    points: roundTo(rawPoints, 6),
    maxPoints: roundTo(rawMax, 6),
    fraction,
    passed: checks.every((check) => check.met || !check.decisive),
    shortfalls: criteria.filter((c) => c.metPassLevel === false).map((c) => c.criterionId),
    explanation: { rule, criteria, checks },
  };
  if (assessment.comment !== undefined) result.comment = assessment.comment;
  return result;
}

function scoreCriterion(criterion: RubricCriterion, assessment: Assessment): CriterionScore {
  // Validation above guarantees exactly one judgement with a level of this criterion.
  const judgement = assessment.judgements.find((j) => j.criterionId === criterion.id);
  const levelIndex = criterion.levels.findIndex((level) => level.id === judgement?.levelId);
  const level = criterion.levels[levelIndex];
  if (!judgement || !level) throw new Error(`unreachable: criterion ${criterion.id} not judged`);

  const passIndex = criterion.levels.findIndex((l) => l.id === criterion.passLevelId);
  const passLevel = criterion.levels[passIndex];
  const score: CriterionScore = {
    criterionId: criterion.id,
    title: criterion.title,
    levelId: level.id,
    levelLabel: level.label,
    levelPoints: level.points,
    weight: criterion.weight,
    points: level.points * criterion.weight,
    maxPoints: criterionMaximum(criterion.levels) * criterion.weight,
    metPassLevel: passLevel ? levelIndex >= passIndex : null,
  };
  if (passLevel) {
    score.passLevelId = passLevel.id;
    score.passLevelLabel = passLevel.label;
  }
  if (judgement.comment !== undefined) score.comment = judgement.comment;
  return score;
}
