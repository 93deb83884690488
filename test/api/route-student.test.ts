// Stories of a student and their own route, through real launches from the simulated LMS: compose, check, submit, progress, goals, proposals, plan, sessions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPlaybook, LARGE_SESSION, SMALL_SESSION, WORKSHOP } from '../support/playbook-seed';
import { startLtiHarness, type LtiHarness } from '../support/lti-harness';

interface RouteAnswer {
  playbook: { id: string; title: string };
  route: {
    id: string;
    status: string;
    version: number;
    studentId: string;
    entries: { activityId: string; status: string }[];
    learningGoals: { id: string; text: string }[];
    ownActivities: { id: string; title: string; status: string }[];
    studyPlan: { ambition: string; coachId?: string; demonstration: { plannedDate?: string; description: string } };
  };
  level: { effective: number; may: { composeRoute: boolean; setLearningGoals: boolean; proposeActivities: boolean } };
  progress: { done: number; total: number; studyLoadTotalHours: number };
}

interface ErrorAnswer {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

let h: LtiHarness;
const student = 'u-student-daan';

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

function send(token: string, method: string, path: string, body?: unknown): Promise<Response> {
  return h.api(token, path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

async function myRoute(token: string): Promise<RouteAnswer> {
  const res = await h.api(token, '/api/route');
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as RouteAnswer;
}

async function errorOf(res: Response, status: number): Promise<ErrorAnswer['error']> {
  expect(res.status, await res.clone().text()).toBe(status);
  return ((await res.json()) as ErrorAnswer).error;
}

describe('a student and their own route', () => {
  it("a student's first visit gives them the recommended route as a draft, and the next visit the same route", async () => {
    const { playbook, placement } = await seedPlaybook(h);
    const token = await launchAs(student, placement);
    const first = await myRoute(token);
    expect(first.route).toMatchObject({ status: 'draft', version: 1, studentId: student });
    expect(first.route.entries.map((e) => e.activityId)).toEqual(playbook.recommendedRoute);
    expect(first.level).toMatchObject({ effective: 2, may: { composeRoute: true, setLearningGoals: false, proposeActivities: false } });
    expect(first.progress).toMatchObject({ done: 0, total: 6, studyLoadTotalHours: 21 });
    expect((await myRoute(token)).route.id).toBe(first.route.id);
  });

  it('a student composes their route; the change is in the history with who and when', async () => {
    const { placement } = await seedPlaybook(h);
    const token = await launchAs(student, placement);
    const { route } = await myRoute(token);
    const entries = ['activate', 'clip', 'simulation', 'peer-review', 'logbook'].map((activityId) => ({ activityId }));
    const res = await send(token, 'PUT', '/api/route', { version: route.version, entries });
    expect(res.status, await res.clone().text()).toBe(200);
    const saved = (await res.json()) as RouteAnswer;
    expect(saved.route.version).toBe(2);
    expect(saved.route.entries.map((e) => e.activityId)).toEqual(entries.map((e) => e.activityId));

    const history = (await (await h.api(token, '/api/route/history')).json()) as { history: { actorId: string; actorRole: string; at: string; change: { kind: string } }[] };
    expect(history.history.map((e) => e.change.kind)).toEqual(['created', 'entries_saved']);
    expect(history.history[1]).toMatchObject({
      actorId: student,
      actorRole: 'student',
      change: { kind: 'entries_saved', added: ['clip', 'simulation'], removed: ['lecture', 'practice', WORKSHOP] },
    });
    expect(Date.parse(history.history[1]?.at ?? '')).toBeGreaterThan(Date.now() - 60_000);
  });

  it('the check names every broken rule with its message key and params, and shows the route on the 3-3-5 grid', async () => {
    const { placement } = await seedPlaybook(h);
    const token = await launchAs(student, placement);
    const { route } = await myRoute(token);
    await send(token, 'PUT', '/api/route', { version: route.version, entries: [{ activityId: 'activate' }, { activityId: 'clip' }] });
    const res = await h.api(token, '/api/route/check');
    expect(res.status).toBe(200);
    const check = (await res.json()) as {
      ok: boolean;
      violations: { key: string; params: Record<string, unknown> }[];
      coverage: { count: number; cells: { environment: string; form: string; count: number }[]; types: { type: string; count: number }[] };
    };
    expect(check.ok).toBe(false);
    expect(check.violations).toEqual(
      expect.arrayContaining([
        { key: 'route.rule.missing_required_activity', params: { activityId: 'peer-review', title: 'Peer review' } },
        { key: 'route.rule.missing_activity_type', params: { type: 'reflection', required: 1, actual: 0 } },
        { key: 'route.rule.missing_environment', params: { environment: 'workplace' } },
        { key: 'route.rule.study_load_below_minimum', params: { minimum: 15, actual: 5 } },
      ]),
    );
    expect(check.coverage.count).toBe(2);
    expect(check.coverage.cells).toHaveLength(9);
    expect(check.coverage.cells.find((c) => c.environment === 'online' && c.form === 'expert')?.count).toBe(1);
    expect(check.coverage.types.find((t) => t.type === 'activation')?.count).toBe(1);
  });

  it('a route that breaks the rules cannot be submitted; a sound one can, is frozen while submitted, and can be withdrawn', async () => {
    const { placement } = await seedPlaybook(h);
    const token = await launchAs(student, placement);
    let { route } = await myRoute(token);
    route = ((await (await send(token, 'PUT', '/api/route', { version: route.version, entries: [{ activityId: 'activate' }] })).json()) as RouteAnswer).route;
    const refused = await errorOf(await send(token, 'POST', '/api/route/submit', { version: route.version }), 422);
    expect(refused.code).toBe('route_rules_violated');
    expect((refused.details?.violations as unknown[]).length).toBeGreaterThan(0);

    const sound = ['activate', 'lecture', 'practice', 'peer-review', 'logbook'].map((activityId) => ({ activityId }));
    route = ((await (await send(token, 'PUT', '/api/route', { version: route.version, entries: sound })).json()) as RouteAnswer).route;
    const submitted = await send(token, 'POST', '/api/route/submit', { version: route.version });
    expect(submitted.status).toBe(200);
    route = ((await submitted.json()) as RouteAnswer).route;
    expect(route.status).toBe('submitted');
    expect((await errorOf(await send(token, 'PUT', '/api/route', { version: route.version, entries: sound.slice(1) }), 409)).code).toBe('route_not_editable');

    const withdrawn = await send(token, 'POST', '/api/route/withdraw', { version: route.version });
    expect(withdrawn.status).toBe(200);
    expect(((await withdrawn.json()) as RouteAnswer).route.status).toBe('draft');
  });

  it('a student marks progress on the activities of their route, and only on those', async () => {
    const { placement } = await seedPlaybook(h);
    const token = await launchAs(student, placement);
    const { route } = await myRoute(token);
    const res = await send(token, 'PUT', '/api/route/progress/lecture', { version: route.version, status: 'done' });
    expect(res.status, await res.clone().text()).toBe(200);
    const after = (await res.json()) as RouteAnswer;
    expect(after.route.entries.find((e) => e.activityId === 'lecture')?.status).toBe('done');
    expect(after.progress.done).toBe(1);

    expect((await errorOf(await send(token, 'PUT', '/api/route/progress/clip', { version: after.route.version, status: 'done' }), 422)).code).toBe('unknown_activity');
    const bad = await errorOf(await send(token, 'PUT', '/api/route/progress/lecture', { version: after.route.version, status: 'finished' }), 400);
    expect(bad.message).toMatch(/^status: must be one of planned, in_progress, done, skipped/);
    expect((await myRoute(token)).route.version).toBe(after.route.version);

    // Following the route needs no version: a second tab marking another activity is not refused.
    const unversioned = await send(token, 'PUT', '/api/route/progress/activate', { status: 'in_progress' });
    expect(unversioned.status).toBe(200);
    expect(((await unversioned.json()) as RouteAnswer).progress).toMatchObject({ done: 1 });
  });

  it('bad input is refused with 400 naming the field, and nothing is written', async () => {
    const { placement } = await seedPlaybook(h);
    const token = await launchAs(student, placement);
    const { route } = await myRoute(token);
    const cases: [string, string, unknown, RegExp][] = [
      ['PUT', '/api/route', { entries: [] }, /^version: /],
      ['PUT', '/api/route', { version: 'one', entries: [] }, /^version: /],
      ['PUT', '/api/route', { version: route.version, entries: 'activate' }, /^entries: /],
      ['PUT', '/api/route', { version: route.version, entries: [{ activityId: '' }] }, /^entries\.0\.activityId: must not be empty/],
      ['PUT', '/api/route', { version: route.version, entries: [{ activityId: 'clip', plannedFor: 'next week' }] }, /^entries\.0\.plannedFor: must be a date/],
      ['POST', '/api/route/submit', {}, /^version: /],
      ['POST', '/api/route/goals', { version: route.version, text: '  ' }, /^text: must not be empty/],
      ['POST', '/api/route/proposals', { version: route.version, title: 'Internship', environment: 'moon', form: 'expert', type: 'application', studyLoadHours: 4 }, /^environment: /],
      ['PUT', '/api/route/study-plan', { version: route.version, ambition: 'x', demonstration: { description: 'x', plannedDate: 'soon' } }, /^demonstration\.plannedDate: /],
    ];
    for (const [method, path, body, message] of cases) {
      const error = await errorOf(await send(token, method, path, body), 400);
      expect(error.code).toBe('validation_failed');
      expect(error.message).toMatch(message);
    }
    expect((await errorOf(await send(token, 'DELETE', '/api/route/goals/g1?version=abc'), 400)).message).toMatch(/^version: /);
    expect((await myRoute(token)).route.version).toBe(route.version);
  });

  it('personal learning goals need level 3, own activities level 4', async () => {
    const level2 = await launchAs(student, (await seedPlaybook(h)).placement);
    const r2 = (await myRoute(level2)).route;
    expect((await errorOf(await send(level2, 'POST', '/api/route/goals', { version: r2.version, text: 'Lead a meeting' }), 403)).code).toBe('level_forbids');

    const level3 = await launchAs(student, (await seedPlaybook(h, { selfDirectionLevel: 3 })).placement);
    const r3 = (await myRoute(level3)).route;
    const added = await send(level3, 'POST', '/api/route/goals', { version: r3.version, text: 'Lead a meeting' });
    expect(added.status).toBe(201);
    const withGoal = ((await added.json()) as RouteAnswer).route;
    expect(withGoal.learningGoals.map((g) => g.text)).toEqual(['Lead a meeting']);
    const proposal = { version: withGoal.version, title: 'Plan at my job', environment: 'workplace', form: 'self-study', type: 'application', studyLoadHours: 6 };
    expect((await errorOf(await send(level3, 'POST', '/api/route/proposals', proposal), 403)).code).toBe('level_forbids');
    const removed = await send(level3, 'DELETE', `/api/route/goals/${withGoal.learningGoals[0]?.id}?version=${withGoal.version}`);
    expect(removed.status).toBe(200);
    expect(((await removed.json()) as RouteAnswer).route.learningGoals).toEqual([]);

    const level4 = await launchAs(student, (await seedPlaybook(h, { selfDirectionLevel: 4 })).placement);
    const r4 = (await myRoute(level4)).route;
    const proposed = await send(level4, 'POST', '/api/route/proposals', { ...proposal, version: r4.version });
    expect(proposed.status, await proposed.clone().text()).toBe(201);
    const withOwn = ((await proposed.json()) as RouteAnswer).route;
    expect(withOwn.ownActivities).toEqual([expect.objectContaining({ title: 'Plan at my job', status: 'proposed' })]);
    expect(withOwn.entries.at(-1)?.activityId).toBe(withOwn.ownActivities[0]?.id);
  });

  it('a study plan records ambition, demonstration and a coach of this course', async () => {
    const { placement } = await seedPlaybook(h);
    const token = await launchAs(student, placement);
    const { route } = await myRoute(token);
    const coach = h.lms.member('coach').userId;
    const plan = { ambition: 'Excellent', demonstration: { plannedDate: '2030-01-15T10:00:00Z', evidenceForm: 'report', description: 'A plan for my employer' } };
    const res = await send(token, 'PUT', '/api/route/study-plan', { version: route.version, ...plan, coachId: coach });
    expect(res.status, await res.clone().text()).toBe(200);
    const saved = ((await res.json()) as RouteAnswer).route;
    expect(saved.studyPlan).toMatchObject({ ambition: 'Excellent', coachId: coach, demonstration: { plannedDate: '2030-01-15T10:00:00.000Z', description: 'A plan for my employer' } });

    const notACoach = await send(token, 'PUT', '/api/route/study-plan', { version: saved.version, ...plan, coachId: 'u-student-fleur' });
    expect((await errorOf(notACoach, 422)).code).toBe('unknown_coach');
  });

  it('a student signs up for a session of an activity in their route, once, and may cancel', async () => {
    const { placement } = await seedPlaybook(h);
    const token = await launchAs(student, placement);
    const signUp = (session: string) => send(token, 'POST', `/api/route/sessions/${WORKSHOP}/${session}`);
    const seated = await signUp(SMALL_SESSION);
    expect(seated.status, await seated.clone().text()).toBe(201);
    expect(await seated.json()).toEqual({ status: 'signed_up', activityId: WORKSHOP, sessionId: SMALL_SESSION, capacity: 5, taken: 1, seatsLeft: 4 });
    expect(await (await signUp(SMALL_SESSION)).json()).toMatchObject({ status: 'already_signed_up', taken: 1 });
    expect((await errorOf(await signUp(LARGE_SESSION), 409)).code).toBe('signed_up_elsewhere');
    expect((await errorOf(await signUp('nope'), 404)).code).toBe('unknown_session');
    expect((await errorOf(await send(token, 'POST', '/api/route/sessions/lecture/any'), 404)).code).toBe('unknown_session');

    const offers = (await (await h.api(token, '/api/route/sessions')).json()) as { sessions: { sessionId: string; signedUp: boolean; seatsLeft: number }[] };
    expect(offers.sessions).toEqual([
      expect.objectContaining({ sessionId: SMALL_SESSION, signedUp: true, seatsLeft: 4 }),
      expect.objectContaining({ sessionId: LARGE_SESSION, signedUp: false, seatsLeft: 30 }),
    ]);
    const cancelled = await send(token, 'DELETE', `/api/route/sessions/${WORKSHOP}/${SMALL_SESSION}`);
    expect(await cancelled.json()).toMatchObject({ status: 'cancelled', seatsLeft: 5 });
    expect((await signUp(LARGE_SESSION)).status).toBe(201);
  });

  it('a student cannot sign up for an activity that is not in their route', async () => {
    const { placement } = await seedPlaybook(h, { recommendedRoute: ['activate', 'lecture', 'practice', 'peer-review', 'logbook'] });
    const token = await launchAs(student, placement);
    const res = await send(token, 'POST', `/api/route/sessions/${WORKSHOP}/${SMALL_SESSION}`);
    expect((await errorOf(res, 409)).code).toBe('activity_not_in_route');
  });

  it('a student meets no playbook while the teacher is still designing it, nor on a link without one', async () => {
    const draft = await seedPlaybook(h, { status: 'draft' });
    const token = await launchAs(student, draft.placement);
    expect((await errorOf(await h.api(token, '/api/route'), 404)).code).toBe('no_playbook');
    expect((await errorOf(await send(token, 'POST', `/api/route/sessions/${WORKSHOP}/${SMALL_SESSION}`), 404)).code).toBe('no_playbook');
    const bare = h.lms.addPlacement({ title: 'Not set up' });
    expect((await errorOf(await h.api(await launchAs(student, bare.resourceLinkId), '/api/route'), 404)).code).toBe('no_playbook');
  });

  it('only students have a route of their own', async () => {
    const { placement } = await seedPlaybook(h);
    const teacher = await launchAs(h.lms.member('teacher').userId, placement);
    expect((await errorOf(await h.api(teacher, '/api/route'), 403)).code).toBe('not_authorised');
    expect((await h.api('not-a-token', '/api/route')).status).toBe(401);
  });
});
