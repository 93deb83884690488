// A student's self-assessment against the rubric, set side by side with the teacher's judgement.
//
// Self-assessment has the same shape as the teacher's Assessment and is validated the same
// way (assessmentIssues). The comparison works on level positions (lowest = 0), so it means
// the same whatever points the levels carry.

import type { Rubric } from '../rubric';
import type { Assessment } from './assessment';

export type SelfAssessment = Assessment;

export type LevelAgreement = 'same' | 'student-higher' | 'student-lower' | 'incomplete';

export interface CriterionComparison {
  criterionId: string;
  title: string;
  studentLevelId?: string;
  teacherLevelId?: string;
  /** Student's level position minus the teacher's; null when either is missing. */
  difference: number | null;
  agreement: LevelAgreement;
}

export interface CompareSelfAssessmentProps {
  rubric: Rubric;
  self?: SelfAssessment;
  /** Absent before the teacher grades: the student's side is shown alone. */
  teacher?: Assessment;
}

export function compareSelfAssessment({ rubric, self, teacher }: CompareSelfAssessmentProps): CriterionComparison[] {
  return rubric.criteria.map((criterion) => {
    const position = (assessment?: Assessment) => {
      const levelId = assessment?.judgements.find((j) => j.criterionId === criterion.id)?.levelId;
      const index = criterion.levels.findIndex((level) => level.id === levelId);
      return index >= 0 ? { levelId, index } : undefined;
    };
    const student = position(self);
    const teacherLevel = position(teacher);
    const comparison: CriterionComparison = {
      criterionId: criterion.id,
      title: criterion.title,
      difference: null,
      agreement: 'incomplete',
    };
    if (student) comparison.studentLevelId = student.levelId;
    if (teacherLevel) comparison.teacherLevelId = teacherLevel.levelId;
    if (student && teacherLevel) {
      const difference = student.index - teacherLevel.index;
      comparison.difference = difference;
      comparison.agreement = difference === 0 ? 'same' : difference > 0 ? 'student-higher' : 'student-lower';
    }
    return comparison;
  });
}

/** Self-assessment belongs to self-responsible (3) and autonomous (4) learning; pass the student's effective level. */
export function maySelfAssess(selfDirectionLevel: number): boolean {
  return selfDirectionLevel >= 3;
}
