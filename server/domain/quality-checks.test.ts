import { describe, expect, it } from 'vitest';
import { checkRouteRules } from './route-rules';
import { constructValidRoute, findTwoDistinctRoutes, topologicalOrder } from './route-search';
import { runQualityChecks } from './quality-checks';
import { buildActivity, buildOutcome, buildPlaybook, daysAfter, entriesOf, T0 } from './test-factories';

function keysOf(results: ReturnType<typeof runQualityChecks>): string[] {
  return results.map((r) => r.message.key);
}

describe('quality checks for path-independent assessment', () => {
  it('when everything is in order, every check passes', () => {
    const results = runQualityChecks({ playbook: buildPlaybook(), outcomes: [buildOutcome()] });
    expect(results.every((r) => r.ok)).toBe(true);
    expect(keysOf(results)).toEqual([
      'quality.criteria_published_before_start.ok',
      'quality.one_integrated_assessment.ok',
      'quality.prior_learning_validation.ok',
      'quality.multiple_routes.ok',
      'quality.every_activity_type_offered.ok',
      'quality.recommended_route_valid.ok',
    ]);
  });

  it('when the criteria are published after the course started, the teacher is told when', () => {
    const late = buildOutcome({ publishedAt: daysAfter(T0, 3) });
    const [first] = runQualityChecks({ playbook: buildPlaybook(), outcomes: [late] });
    expect(first).toEqual({
      check: 'criteria_published_before_start',
      ok: false,
      outcomeId: 'lo-1',
      message: { key: 'quality.criteria_published_before_start.published_late', params: { courseStart: T0.toISOString(), publishedAt: daysAfter(T0, 3).toISOString() } },
    });
  });

  it('unpublished criteria, no criteria and no start date each fail with their own reason', () => {
    const keyFor = (outcome = buildOutcome(), playbook = buildPlaybook()) => runQualityChecks({ playbook, outcomes: [outcome] })[0]?.message.key;
    expect(keyFor(buildOutcome({ status: 'draft', publishedAt: undefined }))).toBe('quality.criteria_published_before_start.not_published');
    expect(keyFor(buildOutcome({ rubric: { criteria: [] } }))).toBe('quality.criteria_published_before_start.no_criteria');
    expect(keyFor(buildOutcome(), buildPlaybook({ courseStartDate: undefined }))).toBe('quality.criteria_published_before_start.no_start_date');
  });

  it('asks for exactly one integrated assessment per outcome', () => {
    const keyFor = (assessments: ReturnType<typeof buildOutcome>['assessments']) =>
      runQualityChecks({ playbook: buildPlaybook(), outcomes: [buildOutcome({ assessments })] })[1]?.message;
    const exam = { id: 'x', title: 'Exam', description: '', integrated: true };
    expect(keyFor([])?.key).toBe('quality.one_integrated_assessment.none');
    expect(keyFor([exam, { ...exam, id: 'y' }])).toEqual({ key: 'quality.one_integrated_assessment.several', params: { count: 2 } });
    expect(keyFor([{ ...exam, integrated: false }])?.key).toBe('quality.one_integrated_assessment.not_integrated');
  });

  it('when an activity type is offered nowhere, it names the type', () => {
    const playbook = buildPlaybook({ activities: buildPlaybook().activities.filter((a) => a.type !== 'feedback') });
    const result = runQualityChecks({ playbook, outcomes: [] }).find((r) => r.check === 'every_activity_type_offered');
    expect(result?.message.params).toEqual({ missing: ['feedback'] });
  });

  it('when only one set of activities satisfies the rules, the outcome has a single route', () => {
    const playbook = buildPlaybook({
      rules: { ...buildPlaybook().rules, requiredActivityIds: ['activate', 'lecture', 'practice', 'peer-review', 'logbook'], maxStudyLoadHours: 18 },
    });
    const result = runQualityChecks({ playbook, outcomes: [] }).find((r) => r.check === 'multiple_routes');
    expect(result?.message).toEqual({ key: 'quality.multiple_routes.only_one', params: { route: playbook.recommendedRoute } });
  });

  it('when no route can satisfy the rules, it says there is none', () => {
    const playbook = buildPlaybook({ rules: { ...buildPlaybook().rules, minStudyLoadHours: 100 } });
    const keys = keysOf(runQualityChecks({ playbook, outcomes: [] }));
    expect(keys).toContain('quality.multiple_routes.none');
    expect(keys).toContain('quality.recommended_route_valid.violations');
  });
});

describe('constructing valid routes', () => {
  const playbook = buildPlaybook();

  it('two routes found are both valid and differ in at least one activity', () => {
    const [a, b] = findTwoDistinctRoutes(playbook);
    expect(a && b).toBeTruthy();
    for (const route of [a, b]) expect(checkRouteRules(playbook, { entries: entriesOf(...(route ?? [])) }).ok).toBe(true);
    expect(new Set(a)).not.toEqual(new Set(b));
  });

  it('pulls in prerequisites and puts them first', () => {
    const route = constructValidRoute(playbook, { include: ['practice'], exclude: ['clip'] });
    expect(route?.indexOf('lecture')).toBeLessThan(route?.indexOf('practice') ?? -1);
  });

  it('gives up when a required activity depends on an excluded one', () => {
    expect(constructValidRoute(playbook, { include: ['practice'], exclude: ['lecture'] })).toBeUndefined();
  });

  it('a prerequisite cycle has no order', () => {
    const a = buildActivity({ id: 'a', prerequisiteIds: ['b'] });
    const b = buildActivity({ id: 'b', prerequisiteIds: ['a'] });
    expect(topologicalOrder([a, b])).toBeUndefined();
  });
});
