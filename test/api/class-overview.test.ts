// Stories of the teacher's class overview: every student on the roster, who is where, who stalled, who never started, and the class on the 3-3-5 grid.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoute } from '../../server/domain/route-compose';
import { daysAfter } from '../../server/domain/test-factories';
import { createRouteRepository } from '../../server/features/learning-routes/data/route-repository';
import { seedPlaybook, WORKSHOP } from '../support/playbook-seed';
import { startLtiHarness, type LtiHarness } from '../support/lti-harness';

interface Overview {
  playbook: { id: string; status: string };
  scope: string;
  stalledDays: number;
  students: {
    id: string;
    hasLaunched: boolean;
    routeStatus: string | null;
    progress: { done: number; total: number; studyLoadTotalHours: number } | null;
    perType: Record<string, number> | null;
    stalled: boolean;
    neverStarted: boolean;
  }[];
  stalled: string[];
  neverStarted: string[];
  grid: { count: number; cells: { environment: string; form: string; count: number }[] };
  popularity: { activityId: string; chosenBy: number; done: number }[];
  neverChosen: string[];
}

let h: LtiHarness;
const [daan, fleur, priya, oliver, noor] = ['u-student-daan', 'u-student-fleur', 'u-student-priya', 'u-student-oliver', 'u-student-noor'];

beforeAll(async () => {
  h = await startLtiHarness();
});
afterAll(async () => {
  await h.close();
});

async function launchAs(user: string, placement: string): Promise<string> {
  const outcome = await h.browser().launch({ user, placement });
  if (!outcome.sessionToken) throw new Error(`launch of ${user} ended with ${outcome.status}`);
  return outcome.sessionToken;
}

async function overview(token: string, query = ''): Promise<Overview> {
  const res = await h.api(token, `/api/class/overview${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Overview;
}

async function markProgress(token: string, activityId: string, status: string): Promise<void> {
  const { route } = (await (await h.api(token, '/api/route')).json()) as { route: { version: number } };
  const res = await h.api(token, `/api/route/progress/${activityId}`, { method: 'PUT', body: JSON.stringify({ version: route.version, status }) });
  expect(res.status).toBe(200);
}

/**
 * The harness runs on the real clock, so time passing is seeded through the repository:
 * the student's last status change is moved `days` back, as if they had not touched the route since.
 */
async function ageProgress(playbookId: string, studentId: string, days: number): Promise<void> {
  const routes = createRouteRepository(h.database.connection);
  const route = await routes.getForStudent(playbookId, studentId);
  if (!route) throw new Error(`no route for ${studentId}`);
  const then = daysAfter(new Date(), -days);
  const entries = route.entries.map((e) => (e.statusChangedAt ? { ...e, statusChangedAt: then } : e));
  await routes.save({ ...route, entries, version: route.version + 1 }, route.version);
}

describe('the class overview', () => {
  it('shows every student of the roster: who never launched, who never started, who stalled, and how the class fills the grid', async () => {
    const { playbook, placement } = await seedPlaybook(h);
    const daanToken = await launchAs(daan, placement);
    await markProgress(daanToken, 'lecture', 'done');
    await markProgress(await launchAs(fleur, placement), 'activate', 'in_progress');
    await ageProgress(playbook.id, fleur, 10);
    // Priya chose her route twelve days ago and never began.
    await createRouteRepository(h.database.connection).create(
      createRoute({ playbook, student: { id: priya, role: 'student' }, routeId: randomUUID(), now: daysAfter(new Date(), -12) }),
    );
    await launchAs(priya, placement);

    const teacher = await launchAs(h.lms.member('teacher').userId, placement);
    const view = await overview(teacher);
    expect(view).toMatchObject({ playbook: { id: playbook.id, status: 'published' }, scope: 'course', stalledDays: 7 });
    expect(view.students.map((s) => s.id).sort()).toEqual([daan, fleur, noor, oliver, priya]);
    const row = (id: string) => view.students.find((s) => s.id === id);
    expect(row(daan)).toMatchObject({ hasLaunched: true, routeStatus: 'draft', progress: { done: 1, total: 6, studyLoadTotalHours: 21 }, stalled: false, neverStarted: false });
    expect(row(daan)?.perType).toEqual({ activation: 1, instruction: 1, application: 2, feedback: 1, reflection: 1 });
    expect(row(fleur)).toMatchObject({ routeStatus: 'draft', stalled: true, neverStarted: false });
    expect(row(priya)).toMatchObject({ hasLaunched: true, routeStatus: 'draft', stalled: true, neverStarted: true });
    for (const id of [oliver, noor]) expect(row(id)).toMatchObject({ hasLaunched: false, routeStatus: null, progress: null, stalled: false, neverStarted: true });
    expect(view.stalled.sort()).toEqual([fleur, priya]);
    expect(view.neverStarted.sort()).toEqual([noor, oliver, priya]);

    expect(view.grid.count).toBe(18);
    expect(view.grid.cells).toHaveLength(9);
    expect(view.grid.cells.find((c) => c.environment === 'campus' && c.form === 'collaborative')?.count).toBe(6);
    expect(view.popularity.find((p) => p.activityId === WORKSHOP)).toMatchObject({ chosenBy: 3, done: 0 });
    expect(view.popularity.find((p) => p.activityId === 'lecture')).toMatchObject({ chosenBy: 3, done: 1 });
    expect(view.neverChosen.sort()).toEqual(['clip', 'coach-talk', 'simulation']);

    expect((await overview(teacher, '?stalledDays=30')).stalled).toEqual([]);
    expect((await overview(teacher, '?stalledDays=11')).stalled).toEqual([priya]);
  });

  it('refuses a stall period that is not a whole number of days from 1 to 365, naming the field', async () => {
    const { placement } = await seedPlaybook(h);
    const teacher = await launchAs(h.lms.member('teacher').userId, placement);
    for (const value of ['abc', '0', '2.5', '1000']) {
      const res = await h.api(teacher, `/api/class/overview?stalledDays=${value}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^stalledDays: /);
    }
  });

  it("a mentor's overview holds only their mentees", async () => {
    const { placement } = await seedPlaybook(h);
    const coach = await launchAs(h.lms.member('coach').userId, placement);
    const teacher = await launchAs(h.lms.member('teacher').userId, placement);
    // Asked at the same moment, each still gets their own scope: a teacher's answer is never handed to a mentor.
    const [view, teachers] = await Promise.all([overview(coach), overview(teacher)]);
    expect(view.scope).toBe('mentees');
    expect(view.students.map((s) => s.id).sort()).toEqual([daan, priya]);
    expect(teachers.scope).toBe('course');
    expect(teachers.students.length).toBeGreaterThan(2);
  });

  it('a teacher may look while the playbook is still a draft; a link without a playbook has no overview', async () => {
    const { placement } = await seedPlaybook(h, { status: 'draft' });
    const teacher = await launchAs(h.lms.member('teacher').userId, placement);
    const view = await overview(teacher);
    expect(view.playbook.status).toBe('draft');
    expect(view.students.every((s) => s.routeStatus === null)).toBe(true);
    const bare = h.lms.addPlacement({ title: 'Not set up' });
    const res = await h.api(await launchAs(h.lms.member('teacher').userId, bare.resourceLinkId), '/api/class/overview');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'no_playbook' } });
  });

  it('the overview travels gzipped to a browser that accepts it (a class of a thousand is some 400 kB of JSON), and plain to one that does not', async () => {
    const { placement } = await seedPlaybook(h);
    const teacher = await launchAs(h.lms.member('teacher').userId, placement);

    const zipped = await h.api(teacher, '/api/class/overview', { headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toMatch(/accept-encoding/i);
    const onTheWire = Number(zipped.headers.get('content-length'));
    const view = (await zipped.json()) as Overview;
    expect(view.students.length).toBeGreaterThan(0);
    expect(onTheWire).toBeLessThan(JSON.stringify(view).length / 3);

    const plain = await h.api(teacher, '/api/class/overview', { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.json()).toEqual(view);
  });

  it('a student who saves progress shows it in the very next overview, also when teachers keep asking meanwhile', async () => {
    const { placement } = await seedPlaybook(h);
    const student = await launchAs(daan, placement);
    const teacher = await launchAs(h.lms.member('teacher').userId, placement);
    const before = (await overview(teacher)).students.find((s) => s.id === daan);
    expect(before).toMatchObject({ routeStatus: null, progress: null });

    await markProgress(student, 'lecture', 'in_progress');
    const started = (await overview(teacher)).students.find((s) => s.id === daan);
    expect(started).toMatchObject({ routeStatus: 'draft', progress: { done: 0, inProgress: 1 }, neverStarted: false });

    // Teachers asking at the same moment as a save share an answer; the request made after the save still sees it.
    const asking = Array.from({ length: 5 }, () => overview(teacher));
    await markProgress(student, 'lecture', 'done');
    await Promise.all(asking);
    expect((await overview(teacher)).students.find((s) => s.id === daan)?.progress).toMatchObject({ done: 1, inProgress: 0 });
  });

  it('a student may not see the class overview', async () => {
    const { placement } = await seedPlaybook(h);
    const res = await h.api(await launchAs(daan, placement), '/api/class/overview');
    expect(res.status).toBe(403);
  });
});
