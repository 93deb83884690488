// The Dutch 1–10 grade with one decimal and a pass mark (default 5.5).
//
// Mapping from fraction f (0..1) to a raw grade, chosen per scale:
// - linear:  grade = 1 + 9·f. The pass mark 5.5 sits at f = 0.5.
// - cut-off: the pass threshold fraction c maps to exactly the pass mark p, linear on each side:
//            f < c:  grade = 1 + (p − 1)·f / c
//            f ≥ c:  grade = p + (10 − p)·(f − c) / (1 − c)
//            Use c = the scoring rule's passFraction so the curve and the verdict coincide.
// Then: round half up to one decimal, and reconcile with the verdict (see grade-input.ts):
// - failed but rounded ≥ p  → p − 0.1 (5.4). This is the 5.45 trap: 5.45 rounds to 5.5, a
//   pass mark, for work that did not pass. It also covers a non-compensatory fail with high
//   points elsewhere: such work gets at most 5.4, never a passing number.
// - passed but rounded < p  → p (with a linear mapping and a rule stricter or looser than
//   f = 0.5 the two can disagree; the verdict wins).

import { GradingError } from './errors';
import { atLeast, COMPARE_DECIMALS, isFraction, roundTo } from './precision';
import { assertValidGradeInput, type GradeInput, type ScaleGrade, type TenPointAdjustment } from './grade-input';

export type TenPointMapping = { kind: 'linear' } | { kind: 'cut-off'; passFraction: number };

export interface TenPointScale {
  kind: 'ten-point';
  mapping: TenPointMapping;
  /** Lowest passing grade, one decimal, above 1; default 5.5. */
  passMark?: number;
}

export const DEFAULT_PASS_MARK = 5.5;

export function gradeOnTenPointScale(scale: TenPointScale, input: GradeInput): ScaleGrade {
  assertValidGradeInput(input);
  const passMark = scale.passMark ?? DEFAULT_PASS_MARK;
  assertValidTenPointScale(scale.mapping, passMark);
  // Noise stripped so the explanation reads 3.7, not 3.6999999999999997.
  const raw = roundTo(rawTenPointGrade(scale.mapping, passMark, input.fraction), COMPARE_DECIMALS);
  const rounded = roundTo(raw, 1);
  let grade = rounded;
  let adjustment: TenPointAdjustment = 'none';
  if (!input.passed && atLeast(rounded, passMark)) {
    grade = Math.max(1, roundTo(passMark - 0.1, 1));
    adjustment = 'capped-below-pass-mark';
  } else if (input.passed && !atLeast(rounded, passMark)) {
    grade = passMark;
    adjustment = 'raised-to-pass-mark';
  }
  return {
    display: grade.toFixed(1),
    labelKey: 'grade.ten-point',
    scoreGiven: grade,
    scoreMaximum: 10,
    passed: input.passed,
    explanation: { kind: 'ten-point', mapping: scale.mapping.kind, fraction: input.fraction, raw, rounded, adjustment, passMark },
  };
}

function rawTenPointGrade(mapping: TenPointMapping, passMark: number, fraction: number): number {
  if (mapping.kind === 'linear') return 1 + 9 * fraction;
  const c = mapping.passFraction;
  if (!atLeast(fraction, c)) return 1 + ((passMark - 1) * fraction) / c;
  return passMark + ((10 - passMark) * (fraction - c)) / (1 - c);
}

function assertValidTenPointScale(mapping: TenPointMapping, passMark: number): void {
  const oneDecimal = roundTo(passMark, 1) === passMark;
  if (!(passMark > 1 && passMark <= 10 && oneDecimal)) {
    throw new GradingError('invalid_configuration', 'passMark must be above 1 and at most 10, with one decimal.');
  }
  // A cut-off at 0 or 1 would divide by zero on one side of the curve.
  if (mapping.kind === 'cut-off' && !(isFraction(mapping.passFraction) && mapping.passFraction > 0 && mapping.passFraction < 1)) {
    throw new GradingError('invalid_configuration', 'A cut-off passFraction must lie strictly between 0 and 1.');
  }
}
