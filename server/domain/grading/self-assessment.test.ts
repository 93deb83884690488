import { describe, expect, it } from 'vitest';
import { compareSelfAssessment, maySelfAssess } from './self-assessment';
import { buildAssessment, buildRubric } from './test-factories';

describe('self-assessment next to the teacher judgement', () => {
  const rubric = buildRubric();

  it('per criterion, shows whether the student rated themselves the same, higher or lower, by how many levels', () => {
    const self = buildAssessment(rubric, { levels: { analysis: 'good', design: 'sufficient', reflection: 'insufficient' } });
    const teacher = buildAssessment(rubric, { levels: { analysis: 'developing', design: 'sufficient', reflection: 'good' } });
    expect(compareSelfAssessment({ rubric, self, teacher })).toEqual([
      { criterionId: 'analysis', title: 'Analysis', studentLevelId: 'good', teacherLevelId: 'developing', difference: 2, agreement: 'student-higher' },
      { criterionId: 'design', title: 'Design', studentLevelId: 'sufficient', teacherLevelId: 'sufficient', difference: 0, agreement: 'same' },
      { criterionId: 'reflection', title: 'Reflection', studentLevelId: 'insufficient', teacherLevelId: 'good', difference: -3, agreement: 'student-lower' },
    ]);
  });

  it('before the teacher grades, the student side is shown alone', () => {
    const self = buildAssessment(rubric, { levelId: 'good' });
    const [first] = compareSelfAssessment({ rubric, self });
    expect(first).toEqual({ criterionId: 'analysis', title: 'Analysis', studentLevelId: 'good', difference: null, agreement: 'incomplete' });
  });

  it('self-assessment is for self-responsible (3) and autonomous (4) learners', () => {
    expect([1, 2, 3, 4].map(maySelfAssess)).toEqual([false, false, true, true]);
  });
});
