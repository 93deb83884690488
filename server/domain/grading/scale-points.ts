// The points scale: the score as points out of a maximum.
//
// With a `maximum` of its own (e.g. 100 for a percentage column) the score is
// fraction × maximum, rounded half up to `decimals` (default 2). Without one it uses the
// rubric's own points and maximum from the input. Points show the verdict only through
// `passed`: the number itself is never adjusted.

import { GradingError } from './errors';
import { roundTo } from './precision';
import { assertValidGradeInput, type GradeInput, type ScaleGrade } from './grade-input';

export interface PointsScale {
  kind: 'points';
  maximum?: number;
  decimals?: number;
}

export function gradeOnPointsScale(scale: PointsScale, input: GradeInput): ScaleGrade {
  assertValidGradeInput(input);
  const maximum = scale.maximum ?? input.maxPoints;
  if (maximum === undefined || !Number.isFinite(maximum) || maximum <= 0) {
    throw new GradingError('invalid_configuration', 'The points scale needs a positive maximum.');
  }
  const decimals = scale.decimals ?? 2;
  const given =
    scale.maximum === undefined && input.points !== undefined
      ? roundTo(input.points, decimals)
      : roundTo(input.fraction * maximum, decimals);
  return {
    display: `${given}/${maximum}`,
    labelKey: 'grade.points',
    scoreGiven: given,
    scoreMaximum: maximum,
    passed: input.passed,
    explanation: { kind: 'points', fraction: input.fraction, maximum },
  };
}
