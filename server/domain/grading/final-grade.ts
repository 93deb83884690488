// The final grade of a placement, combined from the results of its learning outcomes.
//
// Each listed outcome has a weight (default 1); w_i and f_i are its weight and fraction.
// The combined fraction is always the weighted mean Σ w_i·f_i / Σ w_i. The rules differ in
// the verdict:
// - all-must-pass: passed only when every outcome passed. The number still shows the overall
//   quality; a grade scale keeps a failed placement below the pass mark (grade-input.ts).
// - weighted:      passed when the combined fraction ≥ passFraction, and, if requireAllPass,
//                  every outcome passed too.
// A listed outcome without a result means "not graded yet": the final grade is `incomplete`
// with the missing outcomes named, never a silent zero. Results for outcomes not listed in
// the rule are ignored.

import { GradingError } from './errors';
import type { GradeInput } from './grade-input';
import { atLeast, COMPARE_DECIMALS, isFraction, roundTo } from './precision';

export interface OutcomeWeight {
  outcomeId: string;
  weight?: number;
}

export type FinalGradeRule =
  | { kind: 'all-must-pass'; outcomes: OutcomeWeight[] }
  | { kind: 'weighted'; outcomes: OutcomeWeight[]; passFraction: number; requireAllPass: boolean };

export interface OutcomeContribution {
  outcomeId: string;
  weight: number;
  fraction: number;
  passed: boolean;
}

export type FinalGrade =
  | { status: 'incomplete'; missingOutcomeIds: string[]; failedOutcomeIds: string[] }
  | {
      status: 'graded';
      fraction: number;
      passed: boolean;
      failedOutcomeIds: string[];
      contributions: OutcomeContribution[];
    };

export interface CombineOutcomesProps {
  rule: FinalGradeRule;
  /** Result per outcome id; undefined or absent means not graded yet. */
  results: Readonly<Record<string, GradeInput | undefined>>;
}

export function combineOutcomes({ rule, results }: CombineOutcomesProps): FinalGrade {
  assertValidRule(rule);
  const missingOutcomeIds: string[] = [];
  const contributions: OutcomeContribution[] = [];
  for (const { outcomeId, weight = 1 } of rule.outcomes) {
    const result = results[outcomeId];
    if (!result) {
      missingOutcomeIds.push(outcomeId);
      continue;
    }
    if (!isFraction(result.fraction)) {
      throw new GradingError('invalid_input', `Outcome ${outcomeId} has a fraction outside 0..1.`);
    }
    contributions.push({ outcomeId, weight, fraction: result.fraction, passed: result.passed });
  }
  const failedOutcomeIds = contributions.filter((c) => !c.passed).map((c) => c.outcomeId);
  if (missingOutcomeIds.length > 0) return { status: 'incomplete', missingOutcomeIds, failedOutcomeIds };

  const totalWeight = contributions.reduce((sum, c) => sum + c.weight, 0);
  const fraction = roundTo(contributions.reduce((sum, c) => sum + c.weight * c.fraction, 0) / totalWeight, COMPARE_DECIMALS);
  const allPassed = failedOutcomeIds.length === 0;
  const passed =
    rule.kind === 'all-must-pass' ? allPassed : atLeast(fraction, rule.passFraction) && (allPassed || !rule.requireAllPass);
  return { status: 'graded', fraction, passed, failedOutcomeIds, contributions };
}

function assertValidRule(rule: FinalGradeRule): void {
  const ids = rule.outcomes.map((o) => o.outcomeId);
  const weights = rule.outcomes.map((o) => o.weight ?? 1);
  const problems = [
    ids.length === 0 && 'the rule lists no outcomes',
    new Set(ids).size !== ids.length && 'an outcome is listed twice',
    weights.some((w) => !Number.isFinite(w) || w < 0) && 'weights must be 0 or more',
    !(weights.reduce((a, b) => a + b, 0) > 0) && 'the weights add up to 0',
    rule.kind === 'weighted' && !isFraction(rule.passFraction) && 'passFraction must be from 0 to 1',
  ].filter((p): p is string => typeof p === 'string');
  if (problems.length > 0) throw new GradingError('invalid_configuration', `Final grade rule: ${problems.join('; ')}.`);
}
