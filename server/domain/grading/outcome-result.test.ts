import { describe, expect, it } from 'vitest';
import { GradingError } from './errors';
import { scoreAssessment } from './outcome-result';
import { buildAssessment, buildCriterion, buildLevel, buildRubric } from './test-factories';

const nonCompensatory = { kind: 'non-compensatory' } as const;

describe('from a judged rubric to the result of an attempt', () => {
  it('when every criterion is exactly at its pass level, the outcome passes with points out of the maximum', () => {
    const rubric = buildRubric();
    const result = scoreAssessment({ rubric, assessment: buildAssessment(rubric), rule: nonCompensatory });
    expect(result).toMatchObject({ points: 6, maxPoints: 9, passed: true, shortfalls: [] });
    expect(result.fraction).toBeCloseTo(6 / 9, 9);
  });

  it('when one criterion is below its pass level, the outcome fails even with full marks elsewhere', () => {
    const rubric = buildRubric();
    const assessment = buildAssessment(rubric, { levelId: 'good', levels: { reflection: 'developing' } });
    const result = scoreAssessment({ rubric, assessment, rule: nonCompensatory });
    expect(result).toMatchObject({ points: 7, maxPoints: 9, passed: false, shortfalls: ['reflection'] });
    expect(result.explanation.checks).toContainEqual({ kind: 'criterion-pass-level', criterionId: 'reflection', met: false, decisive: true });
  });

  it('when scoring is compensatory, strength elsewhere makes up for the weak criterion, which is still reported', () => {
    const rubric = buildRubric();
    const assessment = buildAssessment(rubric, { levelId: 'good', levels: { reflection: 'developing' } });
    const result = scoreAssessment({ rubric, assessment, rule: { kind: 'compensatory', passFraction: 0.55 } });
    expect(result.passed).toBe(true);
    expect(result.shortfalls).toEqual(['reflection']);
    expect(result.explanation.checks).toContainEqual({ kind: 'criterion-pass-level', criterionId: 'reflection', met: false, decisive: false });
  });

  it('when compensatory work is just below the threshold, it fails; exactly on it, it passes', () => {
    const rubric = buildRubric({ criteria: [buildCriterion({ levels: zeroToTen(), passLevelId: undefined })] });
    const rule = { kind: 'compensatory', passFraction: 0.6 } as const;
    expect(scoreAssessment({ rubric, assessment: buildAssessment(rubric, { levelId: 'p6' }), rule }).passed).toBe(true);
    expect(scoreAssessment({ rubric, assessment: buildAssessment(rubric, { levelId: 'p5' }), rule }).passed).toBe(false);
    expect(scoreAssessment({ rubric, assessment: buildAssessment(rubric, { levelId: 'p0' }), rule }).fraction).toBe(0);
    expect(scoreAssessment({ rubric, assessment: buildAssessment(rubric, { levelId: 'p10' }), rule }).fraction).toBe(1);
  });

  it('when weights add up with binary noise (0.7 + 0.1 = 0.7999…), a score exactly on the threshold still passes', () => {
    const twoLevels = [buildLevel({ id: 'no', points: 0 }), buildLevel({ id: 'yes', points: 1 })];
    const rubric = buildRubric({
      criteria: [
        buildCriterion({ id: 'a', weight: 0.7, levels: twoLevels, passLevelId: undefined }),
        buildCriterion({ id: 'b', weight: 0.1, levels: twoLevels, passLevelId: undefined }),
        buildCriterion({ id: 'c', weight: 0.2, levels: twoLevels, passLevelId: undefined }),
      ],
    });
    const assessment = buildAssessment(rubric, { levels: { a: 'yes', b: 'yes', c: 'no' } });
    expect(0.7 + 0.1).not.toBe(0.8); // the noise this story is about
    const result = scoreAssessment({ rubric, assessment, rule: { kind: 'compensatory', passFraction: 0.8 } });
    expect(result).toMatchObject({ points: 0.8, maxPoints: 1, fraction: 0.8, passed: true });
  });

  it('a criterion with weight 2 counts twice as much as one with weight 1', () => {
    const rubric = buildRubric({ criteria: [buildCriterion({ id: 'heavy', weight: 2 }), buildCriterion({ id: 'light' })] });
    const assessment = buildAssessment(rubric, { levels: { heavy: 'good', light: 'insufficient' } });
    const result = scoreAssessment({ rubric, assessment, rule: { kind: 'compensatory', passFraction: 0.5 } });
    expect(result).toMatchObject({ points: 6, maxPoints: 9 });
  });

  it('the maximum is the best-paid level, and the pass level is judged by order, not by points', () => {
    const levels = [buildLevel({ id: 'low', points: 1 }), buildLevel({ id: 'mid', points: 5 }), buildLevel({ id: 'top', points: 4 })];
    const rubric = buildRubric({ criteria: [buildCriterion({ levels, passLevelId: 'top' })] });
    const result = scoreAssessment({ rubric, assessment: buildAssessment(rubric, { levelId: 'mid' }), rule: nonCompensatory });
    expect(result).toMatchObject({ points: 5, maxPoints: 5, fraction: 1, passed: false, shortfalls: ['analysis'] });
  });

  it('when pass levels are met but an overall threshold is also set and not reached, the outcome fails', () => {
    const rubric = buildRubric();
    const result = scoreAssessment({ rubric, assessment: buildAssessment(rubric), rule: { kind: 'non-compensatory', passFraction: 0.7 } });
    expect(result.passed).toBe(false);
    expect(result.explanation.checks.at(-1)).toMatchObject({ kind: 'pass-fraction', passFraction: 0.7, met: false });
  });

  it('the explanation shows each criterion with its level, points and feedback, in rubric order', () => {
    const rubric = buildRubric();
    const assessment = buildAssessment(rubric, { levels: { design: 'good' }, comment: 'Solid work' });
    assessment.judgements.reverse();
    const first = assessment.judgements[0];
    if (first) first.comment = 'Deep reflection';
    const result = scoreAssessment({ rubric, assessment, rule: nonCompensatory });
    expect(result.comment).toBe('Solid work');
    expect(result.explanation.criteria.map((c) => c.criterionId)).toEqual(['analysis', 'design', 'reflection']);
    expect(result.explanation.criteria[1]).toMatchObject({
      title: 'Design', levelLabel: 'Good', levelPoints: 3, weight: 1, points: 3, maxPoints: 3, passLevelLabel: 'Sufficient', metPassLevel: true,
    });
    expect(result.explanation.criteria[2]?.comment).toBe('Deep reflection');
  });

  it('an incomplete assessment is refused rather than scored as zero', () => {
    const rubric = buildRubric();
    const assessment = { judgements: [{ criterionId: 'analysis', levelId: 'good' }] };
    expect(() => scoreAssessment({ rubric, assessment, rule: nonCompensatory })).toThrow(GradingError);
  });

  it('non-compensatory scoring refuses a rubric where a criterion has no pass level', () => {
    const rubric = buildRubric({ criteria: [buildCriterion({ passLevelId: undefined })] });
    expect(() => scoreAssessment({ rubric, assessment: buildAssessment(rubric), rule: nonCompensatory })).toThrow(
      expect.objectContaining({ code: 'invalid_rubric' }),
    );
  });

  it('a pass fraction outside 0..1 is a configuration error', () => {
    const rubric = buildRubric();
    expect(() => scoreAssessment({ rubric, assessment: buildAssessment(rubric), rule: { kind: 'compensatory', passFraction: 55 } })).toThrow(
      expect.objectContaining({ code: 'invalid_configuration' }),
    );
  });
});

function zeroToTen() {
  return Array.from({ length: 11 }, (_, points) => buildLevel({ id: `p${points}`, label: `${points}`, points }));
}
