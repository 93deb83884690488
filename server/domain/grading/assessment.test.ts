import { describe, expect, it } from 'vitest';
import { assertValidAssessment, assessmentIssues } from './assessment';
import { GradingError } from './errors';
import { buildAssessment, buildCriterion, buildLevel, buildRubric } from './test-factories';

describe('validating a teacher judgement against the rubric', () => {
  it('when every criterion is judged once with one of its own levels, there is nothing to report', () => {
    const rubric = buildRubric();
    expect(assessmentIssues({ rubric, assessment: buildAssessment(rubric) })).toEqual([]);
  });

  it('when a criterion is left out, the issue names it', () => {
    const rubric = buildRubric();
    const assessment = buildAssessment(rubric);
    assessment.judgements = assessment.judgements.filter((j) => j.criterionId !== 'design');
    expect(assessmentIssues({ rubric, assessment })).toEqual([{ code: 'criterion_not_judged', criterionId: 'design' }]);
  });

  it('when a criterion is judged twice, that is refused even if both levels agree', () => {
    const rubric = buildRubric();
    const assessment = buildAssessment(rubric);
    assessment.judgements.push({ criterionId: 'analysis', levelId: 'sufficient' });
    expect(assessmentIssues({ rubric, assessment })).toEqual([{ code: 'criterion_judged_twice', criterionId: 'analysis' }]);
  });

  it("when a level belongs to another criterion, it is refused for this one", () => {
    const rubric = buildRubric({
      criteria: [
        buildCriterion({ id: 'a', levels: [buildLevel({ id: 'a-low', points: 0 }), buildLevel({ id: 'a-high', points: 1 })], passLevelId: 'a-high' }),
        buildCriterion({ id: 'b', levels: [buildLevel({ id: 'b-low', points: 0 }), buildLevel({ id: 'b-high', points: 1 })], passLevelId: 'b-high' }),
      ],
    });
    const assessment = buildAssessment(rubric, { levels: { a: 'b-high', b: 'b-low' } });
    expect(assessmentIssues({ rubric, assessment })).toEqual([{ code: 'unknown_level', criterionId: 'a', levelId: 'b-high' }]);
  });

  it('when a judgement names a criterion the rubric does not have, it is reported', () => {
    const rubric = buildRubric();
    const assessment = buildAssessment(rubric);
    assessment.judgements.push({ criterionId: 'ghost', levelId: 'good' });
    expect(assessmentIssues({ rubric, assessment })).toEqual([{ code: 'unknown_criterion', criterionId: 'ghost' }]);
  });

  it('when several things are wrong, all are reported in one error with a stable code', () => {
    const rubric = buildRubric();
    const assessment = { judgements: [{ criterionId: 'analysis', levelId: 'excellent' }] };
    let caught: unknown;
    try {
      assertValidAssessment({ rubric, assessment });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GradingError);
    const error = caught as GradingError;
    expect(error.code).toBe('invalid_assessment');
    expect(error.issues.map((i) => i.code)).toEqual(['unknown_level', 'criterion_not_judged', 'criterion_not_judged']);
  });
});
