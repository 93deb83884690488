import { describe, expect, it } from 'vitest';
import { rubricIssues } from './rubric-check';
import { buildCriterion, buildLevel, buildRubric } from './test-factories';

const codes = (rubric: Parameters<typeof rubricIssues>[0]['rubric'], requirePassLevels = false) =>
  rubricIssues({ rubric, requirePassLevels }).map((issue) => issue.code);

describe('checking that a rubric can be scored', () => {
  it('a rubric with criteria, levels and pass levels is usable under either rule', () => {
    expect(codes(buildRubric(), true)).toEqual([]);
  });

  it('a rubric without criteria cannot be scored', () => {
    expect(codes({ criteria: [] })).toEqual(['no_criteria']);
  });

  it('a criterion without levels, or with a level listed twice, is reported', () => {
    const rubric = buildRubric({
      criteria: [
        buildCriterion({ id: 'empty', levels: [], passLevelId: undefined }),
        buildCriterion({ id: 'twice', levels: [buildLevel({ id: 'x' }), buildLevel({ id: 'x' })], passLevelId: 'x' }),
      ],
    });
    expect(codes(rubric)).toEqual(['no_levels', 'duplicate_level']);
  });

  it('negative points, a negative weight and a pass level that is not a level are reported', () => {
    const rubric = buildRubric({
      criteria: [
        buildCriterion({ id: 'a', weight: -1 }),
        buildCriterion({ id: 'b', levels: [buildLevel({ id: 'low', points: -1 }), buildLevel({ id: 'ok', points: 2 })], passLevelId: 'gone' }),
      ],
    });
    expect(codes(rubric)).toEqual(['invalid_weight', 'negative_points', 'unknown_pass_level']);
  });

  it('non-compensatory scoring needs a pass level on every criterion', () => {
    const rubric = buildRubric({ criteria: [buildCriterion({ passLevelId: undefined })] });
    expect(codes(rubric, false)).toEqual([]);
    expect(codes(rubric, true)).toEqual(['missing_pass_level']);
  });

  it('a weight of 0 is allowed (a gate only) but not when nothing is left to earn', () => {
    const gateAndPoints = buildRubric({ criteria: [buildCriterion({ id: 'gate', weight: 0 }), buildCriterion({ id: 'scored' })] });
    expect(codes(gateAndPoints)).toEqual([]);
    expect(codes(buildRubric({ criteria: [buildCriterion({ weight: 0 })] }))).toEqual(['zero_maximum']);
  });

  it('the same criterion id twice is reported', () => {
    expect(codes(buildRubric({ criteria: [buildCriterion(), buildCriterion()] }))).toEqual(['duplicate_criterion']);
  });
});
