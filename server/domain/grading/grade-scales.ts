// The grade scales a Dutch institution uses, and one entry point that applies whichever is configured.

import type { GradeInput, ScaleGrade } from './grade-input';
import { gradeOnOvgScale, type OvgScale } from './scale-ovg';
import { gradeOnPassFailScale, type PassFailScale } from './scale-pass-fail';
import { gradeOnPointsScale, type PointsScale } from './scale-points';
import { gradeOnTenPointScale, type TenPointScale } from './scale-ten-point';

export type GradeScale = TenPointScale | OvgScale | PassFailScale | PointsScale;

export interface ApplyGradeScaleProps {
  scale: GradeScale;
  result: GradeInput;
}

/** Maps a result (outcome, mastery or final grade) onto the configured scale. */
export function applyGradeScale({ scale, result }: ApplyGradeScaleProps): ScaleGrade {
  switch (scale.kind) {
    case 'ten-point':
      return gradeOnTenPointScale(scale, result);
    case 'ovg':
      return gradeOnOvgScale(scale, result);
    case 'pass-fail':
      return gradeOnPassFailScale(scale, result);
    case 'points':
      return gradeOnPointsScale(scale, result);
  }
}
