import { describe, expect, it } from 'vitest';
import { buildActivity, buildOutcome, buildPlaybook, buildRubric } from '../test-factories';
import { classStart, designPoints, gradedRank, intakeDesignIssues, intakeResult, outcomeScale, pointStandings, submitIssues, type IntakeDesign, type IntakeResponse } from './index';

const rubric = buildRubric({
  criteria: [
    {
      id: 'plans',
      title: 'Plans the project',
      weight: 1,
      levels: [
        { id: 'p1', label: 'insufficient', description: '', points: 0 },
        { id: 'p2', label: 'sufficient', description: '', points: 1 },
        { id: 'p3', label: 'good', description: '', points: 2 },
        { id: 'p4', label: 'excellent', description: '', points: 3 },
      ],
      passLevelId: 'p2',
    },
    {
      id: 'budget',
      title: 'Budgets',
      weight: 1,
      levels: [
        { id: 'b1', label: 'insufficient', description: '', points: 0 },
        { id: 'b2', label: 'sufficient', description: '', points: 1 },
        { id: 'b3', label: 'good', description: '', points: 2 },
      ],
      passLevelId: 'b3',
    },
  ],
});
const outcome = buildOutcome({ rubric, indicators: [{ id: 'i1', text: 'The plan has milestones' }] });
const design: IntakeDesign = { outcomes: [{ outcomeId: 'lo-1', indicatorIds: ['i1'], diagnosticTask: { prompt: 'Plan a small event' } }] };
const response = (overrides: Partial<IntakeResponse> = {}): IntakeResponse => ({
  placements: [
    { outcomeId: 'lo-1', rank: 1 },
    { outcomeId: 'lo-1', indicatorId: 'i1', rank: 4 },
  ],
  diagnostics: [],
  profile: { hoursPerWeek: 8 },
  status: 'draft',
  ...overrides,
});

describe('the level scale of an outcome', () => {
  it('takes the longest ladder of its rubric and asks for the highest pass level among the criteria', () => {
    expect(outcomeScale(outcome)).toEqual({
      outcomeId: 'lo-1',
      levels: [
        { rank: 1, label: 'insufficient' },
        { rank: 2, label: 'sufficient' },
        { rank: 3, label: 'good' },
        { rank: 4, label: 'excellent' },
      ],
      targetRank: 3,
    });
  });

  it('has no scale while the rubric has no levels, and the design check says so', () => {
    const bare = buildOutcome({ id: 'lo-2', rubric: { criteria: [] } });
    expect(outcomeScale(bare)).toBeUndefined();
    expect(intakeDesignIssues({ outcomes: [{ outcomeId: 'lo-2', indicatorIds: ['nope'] }] }, [bare])).toEqual([
      { code: 'outcome_without_levels', outcomeId: 'lo-2' },
      { code: 'unknown_indicator', outcomeId: 'lo-2', indicatorId: 'nope' },
    ]);
  });

  it('reads a graded attempt as its weakest criterion', () => {
    expect(gradedRank(outcome, [{ criterionId: 'plans', levelId: 'p4' }, { criterionId: 'budget', levelId: 'b2' }])).toBe(2);
  });
});

describe("a student's intake", () => {
  it('places on the outcome and each chosen indicator', () => {
    expect(designPoints(design)).toEqual([{ outcomeId: 'lo-1' }, { outcomeId: 'lo-1', indicatorId: 'i1' }]);
  });

  it('cannot be submitted with a point left open, a rank off the scale or no hours per week', () => {
    const issues = submitIssues(design, [outcome], response({ placements: [{ outcomeId: 'lo-1', rank: 5 }], profile: {} }));
    expect(issues).toEqual([
      { code: 'rank_out_of_scale', point: 'lo-1', rank: 5, max: 4 },
      { code: 'placement_missing', point: 'lo-1/i1' },
      { code: 'hours_missing' },
    ]);
  });

  it('shows each point next to the target; a reviewed task counts over the self-placement and a grade over both', () => {
    const reviewed = response({ diagnostics: [{ outcomeId: 'lo-1', answer: '…', review: { by: 't', at: new Date(), comment: 'good start', rank: 2 } }] });
    const [whole, indicator] = pointStandings({ design, outcomes: [outcome], response: reviewed });
    expect(whole).toMatchObject({ rank: 2, source: 'review', targetRank: 3, position: 'below' });
    expect(indicator).toMatchObject({ indicatorId: 'i1', rank: 4, source: 'self', position: 'above' });
    const graded = pointStandings({ design, outcomes: [outcome], response: reviewed, gradedRanks: new Map([['lo-1', 3]]) });
    expect(graded[0]).toMatchObject({ rank: 3, source: 'grade', position: 'at' });
  });

  it('proposes goals only from self-direction level 3, and activities for the gap that are not in the route yet', () => {
    const points = pointStandings({ design, outcomes: [outcome], response: response() });
    const playbook = buildPlaybook({
      activities: [
        buildActivity({ id: 'intro', type: 'activation' }),
        buildActivity({ id: 'lecture', type: 'instruction' }),
        buildActivity({ id: 'case', type: 'application', studyLoadHours: 6 }),
        buildActivity({ id: 'short-case', type: 'application', studyLoadHours: 2 }),
        buildActivity({ id: 'reflect', type: 'reflection' }),
      ],
      recommendedRoute: ['case'],
    });
    const guided = intakeResult({ points, level: 2, playbook, routeActivityIds: ['lecture'] });
    expect(guided.goals).toEqual({ open: false, proposed: [] });
    expect(guided.activities.map((a) => a.activityId)).toEqual(['intro', 'case', 'short-case']);
    const responsible = intakeResult({ points, level: 3, playbook });
    expect(responsible.goals).toEqual({ open: true, proposed: [{ outcomeId: 'lo-1', fromRank: 1, toRank: 3 }] });
  });

  it("counts the class's starting position per point without naming anyone", () => {
    const a = pointStandings({ design, outcomes: [outcome], response: response() });
    const b = pointStandings({ design, outcomes: [outcome], response: response({ placements: [{ outcomeId: 'lo-1', rank: 3 }] }) });
    const none = pointStandings({ design, outcomes: [outcome] });
    expect(classStart([a, b, none])).toEqual([
      { outcomeId: 'lo-1', targetRank: 3, counts: [1, 0, 1, 0], below: 1, atOrAbove: 1, unknown: 1 },
      { outcomeId: 'lo-1', indicatorId: 'i1', targetRank: 3, counts: [0, 0, 0, 1], below: 0, atOrAbove: 1, unknown: 2 },
    ]);
  });
});
