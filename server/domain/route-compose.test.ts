import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import { createRoute, saveRoute } from './route-compose';
import { buildPlaybook, buildRoute, coach, daysAfter, otherStudent, student, T0 } from './test-factories';

const later = daysAfter(T0, 1);

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a domain error';
  }
  return undefined;
}

describe('creating a route', () => {
  it('when a student first opens a published playbook, their route starts as the recommended route', () => {
    const route = createRoute({ playbook: buildPlaybook(), student, routeId: 'r1', now: T0 });
    expect(route.entries.map((e) => e.activityId)).toEqual(buildPlaybook().recommendedRoute);
    expect(route).toMatchObject({ status: 'draft', version: 1, studentId: student.id });
    expect(route.history).toEqual([
      { at: T0, actorId: student.id, actorRole: 'student', version: 1, change: { kind: 'created', activityIds: buildPlaybook().recommendedRoute } },
    ]);
  });

  it('when the playbook is still a draft, no route can be made', () => {
    expect(codeOf(() => createRoute({ playbook: buildPlaybook({ status: 'draft' }), student, routeId: 'r1', now: T0 }))).toBe(
      'playbook_not_published',
    );
  });
});

describe('saving a composed route', () => {
  const playbook = buildPlaybook();

  it('when a level-2 student swaps an activity, the route keeps earlier progress and records what changed', () => {
    const route = buildRoute({ entries: [{ activityId: 'activate', status: 'done', completedAt: T0 }, { activityId: 'lecture', status: 'planned' }] });
    const saved = saveRoute({ playbook, route, actor: student, entries: [{ activityId: 'clip' }, { activityId: 'activate' }], now: later });
    expect(saved.entries).toEqual([
      { activityId: 'clip', status: 'planned' },
      { activityId: 'activate', status: 'done', completedAt: T0 },
    ]);
    expect(saved.version).toBe(2);
    expect(saved.updatedAt).toBe(later);
    expect(saved.history.at(-1)).toEqual({
      at: later,
      actorId: student.id,
      actorRole: 'student',
      version: 2,
      change: { kind: 'entries_saved', added: ['clip'], removed: ['lecture'], reordered: false },
    });
    expect(route.version).toBe(1);
  });

  it('a draft that breaks the rules can still be saved: the rules are enforced on submit', () => {
    const saved = saveRoute({ playbook, route: buildRoute(), actor: student, entries: [{ activityId: 'clip' }], now: later });
    expect(saved.entries).toHaveLength(1);
  });

  it('when a level-1 student tries to compose a route, it is refused', () => {
    const guided = buildPlaybook({ selfDirectionLevel: 1 });
    expect(codeOf(() => saveRoute({ playbook: guided, route: buildRoute(), actor: student, entries: [], now: later }))).toBe('level_forbids');
  });

  it('when a coach raised a level-1 student to level 2, that student may compose', () => {
    const guided = buildPlaybook({ selfDirectionLevel: 1 });
    const saved = saveRoute({ playbook: guided, route: buildRoute({ levelOverride: 2 }), actor: student, entries: [], now: later });
    expect(saved.entries).toEqual([]);
  });

  it('when someone else saved in between, the older save is refused', () => {
    const route = buildRoute({ version: 3 });
    expect(codeOf(() => saveRoute({ playbook, route, actor: student, entries: [], now: later, expectedVersion: 2 }))).toBe('version_conflict');
  });

  it('only the student whose route it is may compose it', () => {
    expect(codeOf(() => saveRoute({ playbook, route: buildRoute(), actor: otherStudent, entries: [], now: later }))).toBe('not_authorised');
    expect(codeOf(() => saveRoute({ playbook, route: buildRoute(), actor: coach, entries: [], now: later }))).toBe('not_authorised');
  });

  it('unknown and repeated activities are refused', () => {
    const route = buildRoute();
    expect(codeOf(() => saveRoute({ playbook, route, actor: student, entries: [{ activityId: 'ghost' }], now: later }))).toBe('unknown_activity');
    const twice = [{ activityId: 'clip' }, { activityId: 'clip' }];
    expect(codeOf(() => saveRoute({ playbook, route, actor: student, entries: twice, now: later }))).toBe('duplicate_activity');
  });

  it('while the coach is looking at a submitted route, the student cannot change it', () => {
    const route = buildRoute({ status: 'submitted' });
    expect(codeOf(() => saveRoute({ playbook, route, actor: student, entries: [], now: later }))).toBe('route_not_editable');
  });

  it('when a student changes an approved route, it goes back to draft and needs a new approval', () => {
    const route = buildRoute({ status: 'approved', approvedActivityIds: ['activate'] });
    const saved = saveRoute({ playbook, route, actor: student, entries: [{ activityId: 'activate' }, { activityId: 'clip' }], now: later });
    expect(saved.status).toBe('draft');
    expect(saved.approvedActivityIds).toEqual(['activate']);
    expect(saved.history.map((h) => h.change.kind)).toEqual(['status_changed', 'entries_saved']);
    expect(saved.version).toBe(2);
  });

  it('saving the same route again changes nothing, not even the version', () => {
    const route = buildRoute({ status: 'approved' });
    const same = route.entries.map(({ activityId }) => ({ activityId }));
    expect(saveRoute({ playbook, route, actor: student, entries: same, now: later })).toBe(route);
  });

  it('a planned date is kept with the entry and a reorder is recorded as such', () => {
    const route = buildRoute({ entries: [{ activityId: 'activate', status: 'planned' }, { activityId: 'clip', status: 'planned' }] });
    const saved = saveRoute({ playbook, route, actor: student, entries: [{ activityId: 'clip', plannedFor: later }, { activityId: 'activate' }], now: later });
    expect(saved.entries[0]).toEqual({ activityId: 'clip', status: 'planned', plannedFor: later });
    expect(saved.history.at(-1)?.change).toEqual({ kind: 'entries_saved', added: [], removed: [], reordered: true });
  });
});
