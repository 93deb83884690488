// How a judged rubric becomes pass or fail: the teacher picks one rule per learning outcome.
//
// - non-compensatory: every criterion must reach its pass level (`passLevelId`); one criterion
//   below it fails the outcome, however good the rest is. Optionally the weighted score must
//   also reach `passFraction` of the maximum (criteria at pass level can still add up too low
//   when pass levels are set low).
// - compensatory: only the weighted total counts; the outcome passes when
//   points / maximum >= passFraction, so strength on one criterion makes up for weakness on
//   another. Pass levels, when set, are still reported as shortfalls but do not decide.

import { GradingError } from './errors';
import { isFraction } from './precision';

export type ScoringRule =
  | { kind: 'non-compensatory'; passFraction?: number }
  | { kind: 'compensatory'; passFraction: number };

export function assertValidScoringRule(rule: ScoringRule): void {
  if (rule.passFraction !== undefined && !isFraction(rule.passFraction)) {
    throw new GradingError('invalid_configuration', 'passFraction must be a number from 0 to 1.');
  }
}
