// What every grade scale reads: a fraction of the maximum and the pass verdict of the scoring rule.
//
// An OutcomeResult, a MasteryResult and a final grade all fit this shape. The verdict comes
// from the scoring rule and is authoritative: no scale may show a passing grade for a failed
// result or a failing grade for a passed one, so the 1–10, O/V/G, pass/fail and points views
// of the same result always agree.

import { GradingError } from './errors';
import { isFraction } from './precision';

export interface GradeInput {
  fraction: number;
  passed: boolean;
  /** Raw rubric points, used by the points scale when it has no maximum of its own. */
  points?: number;
  maxPoints?: number;
}

export function assertValidGradeInput(input: GradeInput): void {
  if (!isFraction(input.fraction)) {
    throw new GradingError('invalid_input', `fraction must be from 0 to 1, got ${input.fraction}.`);
  }
}

/** What a scale produces: a display value, the AGS score pair, and the verdict. */
export interface ScaleGrade {
  /** Language-neutral text: "7.4", "V", "pass", "34/40"; the UI may format `scoreGiven` itself. */
  display: string;
  /** i18n key for the grade's name, e.g. "grade.ovg.good". */
  labelKey: string;
  scoreGiven: number;
  scoreMaximum: number;
  passed: boolean;
  explanation: ScaleExplanation;
}

export type TenPointAdjustment = 'none' | 'raised-to-pass-mark' | 'capped-below-pass-mark';

export type ScaleExplanation =
  | {
      kind: 'ten-point';
      mapping: 'linear' | 'cut-off';
      fraction: number;
      raw: number;
      rounded: number;
      adjustment: TenPointAdjustment;
      passMark: number;
    }
  | { kind: 'ovg'; fraction: number; goodFrom: number; passed: boolean }
  | { kind: 'pass-fail'; passed: boolean }
  | { kind: 'points'; fraction: number; maximum: number };
