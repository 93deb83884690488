import { describe, expect, it } from 'vitest';
import { checkRouteRules } from './route-rules';
import { buildActivity, buildCatalogue, buildPlaybook, entriesOf } from './test-factories';

describe('checking a route against the playbook rules', () => {
  const playbook = buildPlaybook();

  it('when a route follows the recommended route, it satisfies every rule', () => {
    expect(checkRouteRules(playbook, { entries: entriesOf(...playbook.recommendedRoute) })).toEqual({ ok: true, violations: [] });
  });

  it('when a route has no reflection activity, it says which type is missing and how many', () => {
    const check = checkRouteRules(playbook, { entries: entriesOf('activate', 'lecture', 'practice', 'peer-review', 'simulation') });
    expect(check.ok).toBe(false);
    expect(check.violations).toContainEqual({
      key: 'route.rule.missing_activity_type',
      params: { type: 'reflection', required: 1, actual: 0 },
    });
  });

  it('when a type must appear twice, one is not enough', () => {
    const strict = buildPlaybook({ rules: { ...playbook.rules, minPerType: { application: 2 } } });
    const check = checkRouteRules(strict, { entries: entriesOf(...playbook.recommendedRoute) });
    expect(check.violations).toEqual([{ key: 'route.rule.missing_activity_type', params: { type: 'application', required: 2, actual: 1 } }]);
  });

  it('reports every violation at once, not just the first', () => {
    const check = checkRouteRules(playbook, { entries: entriesOf('activate', 'nope', 'activate', 'coach-talk') });
    expect(check.violations.map((v) => v.key)).toEqual([
      'route.rule.unknown_activity',
      'route.rule.duplicate_activity',
      'route.rule.missing_required_activity',
      'route.rule.missing_activity_type',
      'route.rule.missing_activity_type',
      'route.rule.missing_activity_type',
      'route.rule.missing_environment',
      'route.rule.study_load_below_minimum',
    ]);
    expect(check.violations[0]?.params).toEqual({ activityId: 'nope' });
    expect(check.violations[1]?.params).toEqual({ activityId: 'activate', count: 2 });
    expect(check.violations[2]?.params).toEqual({ activityId: 'peer-review', title: 'Peer review' });
    expect(check.violations[6]?.params).toEqual({ environment: 'workplace' });
    expect(check.violations[7]?.params).toEqual({ minimum: 15, actual: 5 });
  });

  it('when a route is heavier than the maximum study load, it says so', () => {
    const heavy = buildPlaybook({ rules: { ...playbook.rules, maxStudyLoadHours: 20 } });
    const check = checkRouteRules(heavy, { entries: entriesOf(...playbook.recommendedRoute, 'simulation') });
    expect(check.violations).toEqual([{ key: 'route.rule.study_load_above_maximum', params: { maximum: 20, actual: 24 } }]);
  });

  it('when a prerequisite comes after the activity that needs it, or is missing, it says so', () => {
    const late = checkRouteRules(playbook, { entries: entriesOf('activate', 'practice', 'lecture', 'peer-review', 'logbook') });
    expect(late.violations).toEqual([
      { key: 'route.rule.prerequisite_after_dependant', params: { activityId: 'practice', prerequisiteId: 'lecture' } },
    ]);
    const missing = checkRouteRules(playbook, { entries: entriesOf('activate', 'clip', 'practice', 'peer-review', 'logbook') });
    expect(missing.violations).toEqual([
      { key: 'route.rule.missing_prerequisite', params: { activityId: 'practice', prerequisiteId: 'lecture' } },
    ]);
  });

  it('a skipped activity no longer counts towards the rules', () => {
    const entries = entriesOf(...playbook.recommendedRoute).map((e) =>
      e.activityId === 'logbook' ? { ...e, status: 'skipped' as const } : e,
    );
    expect(checkRouteRules(playbook, { entries }).violations.map((v) => v.key)).toContain('route.rule.missing_activity_type');
  });

  it('an approved own activity counts, a rejected one is reported', () => {
    const own = { ...buildActivity({ id: 'own-1', type: 'reflection', environment: 'workplace' }), status: 'approved' as const };
    const withOwn = entriesOf('activate', 'lecture', 'practice', 'peer-review', 'own-1');
    expect(checkRouteRules(playbook, { entries: withOwn, ownActivities: [own] }).ok).toBe(true);
    const rejected = checkRouteRules(playbook, { entries: withOwn, ownActivities: [{ ...own, status: 'rejected' }] });
    expect(rejected.violations[0]).toEqual({ key: 'route.rule.own_activity_rejected', params: { activityId: 'own-1' } });
  });

  it('a playbook without rules accepts any known, unique activities', () => {
    const free = buildPlaybook({ activities: buildCatalogue(), rules: { minPerType: {}, requiredActivityIds: [], requiredEnvironments: [] } });
    expect(checkRouteRules(free, { entries: entriesOf('clip') }).ok).toBe(true);
  });
});
