import { describe, expect, it } from 'vitest';
import { applyGradeScale, buildAgsScore, computeMastery, scoreAssessment, type ScoringRule } from './index';
import { buildAssessment, buildRubric } from './test-factories';

describe('from judgement to gradebook', () => {
  const rubric = buildRubric();
  const rule: ScoringRule = { kind: 'non-compensatory', passFraction: 0.55 };
  const scale = { kind: 'ten-point', mapping: { kind: 'cut-off', passFraction: 0.55 } } as const;

  it('a student with one weak criterion gets a 5.4 in the LMS, with the weak criterion named in the comment', () => {
    const result = scoreAssessment({ rubric, assessment: buildAssessment(rubric, { levelId: 'good', levels: { design: 'developing' } }), rule });
    const grade = applyGradeScale({ scale, result });
    const score = buildAgsScore({ routeState: 'graded', grade, feedback: { criteria: result.explanation.criteria } });
    expect(score).toMatchObject({ scoreGiven: 5.4, scoreMaximum: 10, gradingProgress: 'FullyGraded' });
    expect(score.comment).toContain('Design: Developing');
  });

  it('after a second, passing attempt the most recent result counts', () => {
    const first = scoreAssessment({ rubric, assessment: buildAssessment(rubric, { levelId: 'developing' }), rule });
    const second = scoreAssessment({ rubric, assessment: buildAssessment(rubric), rule });
    const mastery = computeMastery({
      method: { kind: 'most-recent' },
      attempts: [
        { attemptId: '2', assessedAt: '2025-04-01T09:00:00Z', fraction: second.fraction, passed: second.passed },
        { attemptId: '1', assessedAt: '2025-03-01T09:00:00Z', fraction: first.fraction, passed: first.passed },
      ],
    });
    if (mastery.status !== 'assessed') throw new Error('expected mastery');
    // 6 of 9 points = 0.667, above the 0.55 cut-off: 5.5 + 4.5 · (0.667 − 0.55) / 0.45 = 6.67
    expect(applyGradeScale({ scale, result: mastery })).toMatchObject({ scoreGiven: 6.7, passed: true });
  });
});
