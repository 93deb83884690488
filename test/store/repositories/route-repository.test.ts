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

    expect(created).toStrictEqual(route);
    expect(await routes.get(route.id)).toStrictEqual(route);
    expect(await routes.getForStudent(route.playbookId, route.studentId)).toStrictEqual(route);
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
    expect(saved).toStrictEqual(newer);
    expect(await routes.get(stored.id)).toStrictEqual(newer);
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
    expect(reread?.history.map((h) => h.version)).toEqual([1, 2, 3]);
    expect(reread).toStrictEqual(third);
  });

  it('when a coach clears a student’s level override, then it is gone from the stored route', async () => {
    const stored = await routes.create(buildStoredRoute({ levelOverride: 3 }));
    const { levelOverride: _cleared, ...withoutOverride } = stored;

    await routes.save({ ...withoutOverride, version: 2, updatedAt: daysAfter(T0, 1) }, 1);

    expect(await routes.get(stored.id)).not.toHaveProperty('levelOverride');
  });
});
