// Stories about storing students' routes: one per student per playbook, and no save lost to an older tab.
import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Route } from '../../../server/domain/route';
import { saveRoute } from '../../../server/domain/route-compose';
import { buildPlaybook, buildRoute, coach, daysAfter, entriesOf, student, T0 } from '../../../server/domain/test-factories';
import { ConcurrencyConflictError } from '../../../server/store/store-errors';
import { newId } from '../../../server/store/ids';
import { createRouteRepository, type RouteRepository } from '../../../server/features/learning-routes/data/route-repository';
import { connectTestDatabase } from '../../support/database';

let connection: Connection;
let drop: () => Promise<void>;
let routes: RouteRepository;

beforeAll(async () => {
  ({ connection, drop } = await connectTestDatabase('routes'));
  routes = createRouteRepository(connection);
});

afterAll(async () => {
  await drop();
});

/** A route with a fresh id and playbook, so tests never meet each other's data. */
function buildStoredRoute(overrides: Partial<Route> = {}): Route {
  return buildRoute({
    id: newId(),
    playbookId: randomUUID(),
    history: [{ at: T0, actorId: student.id, actorRole: 'student', version: 1, change: { kind: 'created', activityIds: ['activate', 'lecture'] } }],
    ...overrides,
  });
}

describe('a student’s route', () => {
  it('when a route with progress, a proposal, a review and a study plan is stored, then it reads back exactly as written', async () => {
    const route = buildStoredRoute({
      status: 'approved',
      entries: [
        { activityId: 'activate', status: 'done', startedAt: T0, completedAt: daysAfter(T0, 2), statusChangedAt: daysAfter(T0, 2) },
        { activityId: 'lecture', status: 'in_progress', plannedFor: daysAfter(T0, 5), startedAt: daysAfter(T0, 3), statusChangedAt: daysAfter(T0, 3) },
        { activityId: 'own-1', status: 'planned' },
      ],
      ownActivities: [
        { id: 'own-1', title: 'Interview a project leader', description: 'At my internship', environment: 'workplace', form: 'expert', type: 'instruction', studyLoadHours: 3, status: 'approved', reviewComment: 'Good idea' },
      ],
      learningGoals: [{ id: 'g1', text: 'Lead a stand-up' }],
      studyPlan: { ambition: 'Distinction', demonstration: { plannedDate: daysAfter(T0, 55), evidenceForm: 'video', description: 'A recorded kick-off' }, coachId: coach.id },
      levelOverride: 4,
      lastReview: { decision: 'approved', by: coach.id, at: daysAfter(T0, 4), comment: 'Well balanced' },
      approvedActivityIds: ['activate', 'lecture', 'own-1'],
      version: 3,
      updatedAt: daysAfter(T0, 4),
    });

    const created = await routes.create(route);

    // The history is read on its own, never with the route.
    const asStored = { ...route, history: [] };
    expect(created).toStrictEqual(asStored);
    expect(await routes.get(route.id)).toStrictEqual(asStored);
    expect(await routes.getForStudent(route.playbookId, route.studentId)).toStrictEqual(asStored);
    expect(await routes.history(route.id)).toStrictEqual(route.history);
  });

  it('when a student already has a route in a playbook, then a second one is refused, but a route in another playbook is fine', async () => {
    const first = await routes.create(buildStoredRoute());

    await expect(routes.create(buildStoredRoute({ playbookId: first.playbookId }))).rejects.toMatchObject({
      name: 'AlreadyExistsError',
      code: 'already_exists',
      params: { key: { playbookId: first.playbookId, studentId: first.studentId } },
    });
    await expect(routes.create(buildStoredRoute())).resolves.toMatchObject({ studentId: first.studentId });
    expect(await routes.getForStudent(first.playbookId, 'nobody')).toBeUndefined();
  });

  it('when the teacher opens the class overview, then every route of the playbook is listed and no other', async () => {
    const playbookId = randomUUID();
    for (const studentId of ['stu-c', 'stu-a', 'stu-b']) await routes.create(buildStoredRoute({ playbookId, studentId }));
    await routes.create(buildStoredRoute({ studentId: 'stu-a' }));

    const listed = await routes.listByPlaybook(playbookId);

    expect(listed.map((r) => r.studentId)).toEqual(['stu-a', 'stu-b', 'stu-c']);
    expect(listed.every((r) => r.playbookId === playbookId)).toBe(true);
  });

  it('when the class overview reads its summaries, then each holds the owner, status, entries (with their dates), own activities and age as stored, also for a route that still carries its history inside', async () => {
    const playbookId = randomUUID();
    const route = buildStoredRoute({
      playbookId,
      studentId: 'stu-sum',
      entries: [{ activityId: 'activate', status: 'done', startedAt: T0, completedAt: daysAfter(T0, 1), statusChangedAt: daysAfter(T0, 1) }],
      ownActivities: [{ id: 'own-1', title: 'Own', description: 'Mine', environment: 'online', form: 'expert', type: 'instruction', studyLoadHours: 2, status: 'proposed' }],
      learningGoals: [{ id: 'g1', text: 'Lead a stand-up' }],
    });
    const { id, history, ...fields } = route;
    // As a route stored before the history had a collection of its own: the history inside.
    await connection.collection('routes').insertOne({ _id: id, ...fields, history } as object);

    const summaries = await routes.listSummariesByPlaybook(playbookId);

    expect(summaries).toStrictEqual([{ studentId: 'stu-sum', status: route.status, entries: route.entries, ownActivities: route.ownActivities, createdAt: route.createdAt }]);
  });
});

describe('saving from two tabs', () => {
  // Each story gets a playbook of its own: the same student may have one route per playbook.
  const buildOwnPlaybook = () => buildPlaybook({ id: randomUUID() });

  it('when a student saves a route from two tabs, then the older save is refused and the stored route is the newer one', async () => {
    const playbook = buildOwnPlaybook();
    const stored = await routes.create(buildStoredRoute({ playbookId: playbook.id }));
    const tabOne = (await routes.get(stored.id)) as Route;
    const tabTwo = (await routes.get(stored.id)) as Route;

    const newer = saveRoute({ playbook, route: tabOne, actor: student, entries: entriesOf('activate', 'lecture', 'practice'), now: daysAfter(T0, 1), expectedVersion: 1 });
    const saved = await routes.save(newer, tabOne.version);
    const older = saveRoute({ playbook, route: tabTwo, actor: student, entries: entriesOf('activate', 'clip'), now: daysAfter(T0, 2), expectedVersion: 1 });

    const refused = routes.save(older, tabTwo.version);
    await expect(refused).rejects.toBeInstanceOf(ConcurrencyConflictError);
    await expect(refused).rejects.toMatchObject({ code: 'version_conflict', params: { expected: 1, actual: 2 } });
    expect(saved).toStrictEqual({ ...newer, history: [] });
    expect(await routes.get(stored.id)).toStrictEqual({ ...newer, history: [] });
    expect((await routes.history(stored.id)).map((h) => h.version)).toEqual([1, 2]);
  });

  it('when saves follow each other, then each appends its history and the route carries the latest version', async () => {
    const playbook = buildOwnPlaybook();
    const stored = await routes.create(buildStoredRoute({ playbookId: playbook.id }));
    const second = saveRoute({ playbook, route: stored, actor: student, entries: entriesOf('activate'), now: daysAfter(T0, 1), expectedVersion: 1 });
    await routes.save(second, 1);
    const third = saveRoute({ playbook, route: second, actor: student, entries: entriesOf('activate', 'logbook'), now: daysAfter(T0, 2), expectedVersion: 2 });
    await routes.save(third, 2);

    const reread = await routes.get(stored.id);
    expect(reread?.version).toBe(3);
    expect((await routes.history(stored.id)).map((h) => h.version)).toEqual([1, 2, 3]);
    expect(reread).toStrictEqual({ ...third, history: [] });
  });

  it('when a student has saved many times, then reading the route carries none of that history, and the history reads whole and in order', async () => {
    const playbook = buildOwnPlaybook();
    let route = await routes.create(buildStoredRoute({ playbookId: playbook.id }));
    for (let n = 1; n <= 60; n += 1) {
      const next = saveRoute({ playbook, route, actor: student, entries: entriesOf('activate', n % 2 ? 'logbook' : 'lecture'), now: daysAfter(T0, n), expectedVersion: route.version });
      route = await routes.save(next, route.version);
    }

    const [reread] = await connection.collection('routes').find({ _id: route.id } as object).toArray();
    expect(reread).not.toHaveProperty('history');
    expect((await routes.get(route.id))?.history).toEqual([]);
    expect((await routes.listByPlaybook(playbook.id))[0]?.history).toEqual([]);
    const history = await routes.history(route.id);
    expect(history.map((h) => h.version)).toEqual(Array.from({ length: 61 }, (_, i) => i + 1));
    expect(history.at(-1)).toMatchObject({ actorId: student.id, change: { kind: 'entries_saved' } });
  });

  it('when a route was stored with its history inside (as before it had a collection of its own), then its history still reads whole, also after new saves', async () => {
    const playbook = buildOwnPlaybook();
    const old = buildStoredRoute({ playbookId: playbook.id });
    const { id, history, ...fields } = old;
    await connection.collection('routes').insertOne({ _id: id, ...fields, history } as object);
    const opened = (await routes.get(id)) as Route;
    const changed = saveRoute({ playbook, route: opened, actor: student, entries: entriesOf('activate', 'logbook'), now: daysAfter(T0, 1), expectedVersion: 1 });
    await routes.save(changed, 1);

    expect((await routes.history(id)).map((h) => `${h.version}:${h.change.kind}`)).toEqual(['1:created', '2:entries_saved']);
    // Moved out on that first read, so it reads the same the next time and the route no longer carries it.
    expect((await routes.history(id)).map((h) => `${h.version}:${h.change.kind}`)).toEqual(['1:created', '2:entries_saved']);
    const [stored] = await connection.collection('routes').find({ _id: id } as object).toArray();
    expect(stored).not.toHaveProperty('history');
  });

  it('when a class saves at once, with one stale tab among them, then every other save’s history holds its own entry and the stale one adds none', async () => {
    // The same student in thirty playbooks: thirty routes, each saved by its owner.
    const playbooks = Array.from({ length: 30 }, buildOwnPlaybook);
    const created = await Promise.all(playbooks.map((playbook) => routes.create(buildStoredRoute({ playbookId: playbook.id }))));
    const saves = created.map((route, n) => saveRoute({ playbook: playbooks[n]!, route, actor: student, entries: entriesOf('activate', n % 2 ? 'logbook' : 'lecture'), now: daysAfter(T0, n + 1), expectedVersion: 1 }));
    const first = created[0] as Route;
    await routes.save({ ...first, version: 2, updatedAt: daysAfter(T0, 1) }, 1);

    const answers = await Promise.allSettled(saves.map((next) => routes.save(next, 1)));

    expect(answers[0]).toMatchObject({ status: 'rejected', reason: { code: 'version_conflict' } });
    expect(answers.slice(1).every((answer) => answer.status === 'fulfilled')).toBe(true);
    expect(await routes.history(first.id)).toHaveLength(1);
    for (const [n, route] of created.entries()) {
      if (n === 0) continue;
      const history = await routes.history(route.id);
      expect(history.map((h) => `${h.version}:${h.change.kind}`)).toEqual(['1:created', '2:entries_saved']);
      expect(history[1]?.at).toEqual(daysAfter(T0, n + 1));
    }
  });

  it('when a coach clears a student’s level override, then it is gone from the stored route', async () => {
    const stored = await routes.create(buildStoredRoute({ levelOverride: 3 }));
    const { levelOverride: _cleared, ...withoutOverride } = stored;

    await routes.save({ ...withoutOverride, version: 2, updatedAt: daysAfter(T0, 1) }, 1);

    expect(await routes.get(stored.id)).not.toHaveProperty('levelOverride');
  });

  it('when a save carries everything a route can hold, with optional parts left undefined, then it reads back exactly as saved and the store holds no null for them', async () => {
    const stored = await routes.create(buildStoredRoute());
    const saved: Route = {
      ...stored,
      status: 'returned',
      // Optional fields present but undefined, as a domain use case may leave them.
      entries: [
        { activityId: 'activate', status: 'done', plannedFor: undefined, startedAt: T0, completedAt: daysAfter(T0, 1), statusChangedAt: daysAfter(T0, 1) },
        { activityId: 'own-1', status: 'planned', plannedFor: daysAfter(T0, 9) },
      ],
      ownActivities: [{ id: 'own-1', title: 'Interview', description: '', environment: 'workplace', form: 'expert', type: 'instruction', studyLoadHours: 2, status: 'proposed', reviewComment: undefined }],
      learningGoals: [{ id: 'g1', text: 'Lead a stand-up' }],
      studyPlan: { ambition: 'Pass', demonstration: { plannedDate: daysAfter(T0, 30), evidenceForm: undefined, description: '' }, coachId: undefined },
      lastReview: { decision: 'returned', by: coach.id, at: daysAfter(T0, 2), comment: 'More practice' },
      version: 2,
      updatedAt: daysAfter(T0, 2),
      history: [],
    };

    await routes.save(saved, 1);

    const [raw] = await connection.collection('routes').find({ _id: stored.id } as object).toArray();
    expect(raw?.entries[0]).not.toHaveProperty('plannedFor');
    expect(raw?.ownActivities[0]).not.toHaveProperty('reviewComment');
    expect(raw?.studyPlan).not.toHaveProperty('coachId');
    expect(raw?.studyPlan.demonstration).not.toHaveProperty('evidenceForm');
    const withoutUndefined = JSON.parse(JSON.stringify(saved), (key, value: unknown) => (typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value) ? new Date(value) : value)) as Route;
    expect(await routes.get(stored.id)).toStrictEqual(withoutUndefined);
  });
});
