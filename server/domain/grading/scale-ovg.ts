// The O/V/G scale: onvoldoende (insufficient), voldoende (sufficient), goed (good).
//
// O when the scoring rule failed the work; otherwise G when fraction ≥ goodFrom, else V.
// The O/V boundary is the rule's verdict rather than a cut-off of its own, so O/V/G can never
// disagree with pass/fail; the configurable cut-off is where "good" starts.
// AGS pair: O = 0, V = 1, G = 2 of a maximum of 2 (an ordinal, so the LMS column sorts right).

import { GradingError } from './errors';
import { atLeast, isFraction } from './precision';
import { assertValidGradeInput, type GradeInput, type ScaleGrade } from './grade-input';

export interface OvgScale {
  kind: 'ovg';
  /** Fraction from which passed work counts as good, e.g. 0.8. */
  goodFrom: number;
}

export function gradeOnOvgScale(scale: OvgScale, input: GradeInput): ScaleGrade {
  assertValidGradeInput(input);
  if (!isFraction(scale.goodFrom)) {
    throw new GradingError('invalid_configuration', 'goodFrom must be a number from 0 to 1.');
  }
  const step = !input.passed ? 0 : atLeast(input.fraction, scale.goodFrom) ? 2 : 1;
  const codes = ['O', 'V', 'G'] as const;
  const keys = ['grade.ovg.insufficient', 'grade.ovg.sufficient', 'grade.ovg.good'] as const;
  return {
    display: codes[step],
    labelKey: keys[step],
    scoreGiven: step,
    scoreMaximum: 2,
    passed: input.passed,
    explanation: { kind: 'ovg', fraction: input.fraction, goodFrom: scale.goodFrom, passed: input.passed },
  };
}
