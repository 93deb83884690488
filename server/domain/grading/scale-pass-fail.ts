// The pass/fail scale: only the verdict, sent to the LMS as 1 or 0 out of 1.

import { assertValidGradeInput, type GradeInput, type ScaleGrade } from './grade-input';

export interface PassFailScale {
  kind: 'pass-fail';
}

export function gradeOnPassFailScale(_scale: PassFailScale, input: GradeInput): ScaleGrade {
  assertValidGradeInput(input);
  return {
    display: input.passed ? 'pass' : 'fail',
    labelKey: input.passed ? 'grade.pass' : 'grade.fail',
    scoreGiven: input.passed ? 1 : 0,
    scoreMaximum: 1,
    passed: input.passed,
    explanation: { kind: 'pass-fail', passed: input.passed },
  };
}
