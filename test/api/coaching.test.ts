// Coaching as Playroute's own relation, with the roles real LMSs send: Moodle's Instructor/Learner only, Canvas's TA.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPlaybook } from '../support/playbook-seed';
import { startLtiHarness, type LtiHarness } from '../support/lti-harness';

interface RouteAnswer {
  route: { id: string; status: string; version: number; lastReview?: { decision: string; by: string; comment?: string } };
}
interface StudentsAnswer {
  scope: 'mentees' | 'course';
  students: { id: string; route: { status: string; version: number } | null }[];
}
interface CoachingAnswer {
  staff: { id: string; roles: string[] }[];
  students: { id: string }[];
  assignments: { coachId: string; studentId: string }[];
}
interface OverviewAnswer {
  students: { id: string; routeStatus: string | null }[];
}

const daan = 'u-student-daan';
const priya = 'u-student-priya';
const fleur = 'u-student-fleur';
const sound = ['activate', 'lecture', 'practice', 'peer-review', 'logbook'].map((activityId) => ({ activityId }));

function client(h: LtiHarness) {
  const launchAs = async (user: string, placement: string): Promise<string> => {
    const outcome = await h.browser().launch({ user, placement });
    if (!outcome.sessionToken) throw new Error(`launch of ${user} ended with ${outcome.status}`);
    return outcome.sessionToken;
  };
  const send = (token: string, method: string, path: string, body?: unknown) =>
    h.api(token, path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const ok = async <T>(res: Response, status = 200): Promise<T> => {
    expect(res.status, await res.clone().text()).toBe(status);
    return (await res.json()) as T;
  };
  const codeOf = async (res: Response, status: number): Promise<string> => {
    expect(res.status, await res.clone().text()).toBe(status);
    return ((await res.json()) as { error: { code: string } }).error.code;
  };
  /** The student opens their route, composes a sound one and submits it for approval. */
  const submittedRoute = async (token: string): Promise<RouteAnswer['route']> => {
    const { route } = await ok<RouteAnswer>(await h.api(token, '/api/route'));
    const saved = await ok<RouteAnswer>(await send(token, 'PUT', '/api/route', { version: route.version, entries: sound }));
    return (await ok<RouteAnswer>(await send(token, 'POST', '/api/route/submit', { version: saved.route.version }))).route;
  };
  return { launchAs, send, ok, codeOf, submittedRoute };
}

describe('in Moodle, where every staff member is an Instructor and nobody a coach', () => {
  let h: LtiHarness;
  let c: ReturnType<typeof client>;
  beforeAll(async () => {
    h = await startLtiHarness({ quirks: 'moodle' });
    c = client(h);
  });
  afterAll(async () => {
    await h.close();
  });

  it('a teacher assigns a colleague as coach of two students at once; the colleague sees only those two and approves one', async () => {
    const { placement } = await seedPlaybook(h);
    const submitted = await c.submittedRoute(await c.launchAs(daan, placement));
    const teacher = await c.launchAs(h.lms.member('teacher').userId, placement);
    const colleague = h.lms.member('coach').userId;

    const choices = await c.ok<CoachingAnswer>(await h.api(teacher, '/api/coach/assignments'));
    expect(choices.staff.map((s) => s.id)).toContain(colleague);
    const assigned = await c.ok<CoachingAnswer>(await c.send(teacher, 'POST', '/api/coach/assignments', { coachId: colleague, studentIds: [daan, priya] }));
    expect(assigned.assignments.filter((a) => a.coachId === colleague).map((a) => a.studentId).sort()).toEqual([daan, priya]);

    const coach = await c.launchAs(colleague, placement);
    const mine = await c.ok<StudentsAnswer>(await h.api(coach, '/api/coach/students'));
    expect(mine.scope).toBe('mentees');
    expect(mine.students.map((s) => s.id).sort()).toEqual([daan, priya]);
    const approved = await c.ok<RouteAnswer>(await c.send(coach, 'POST', `/api/coach/routes/${daan}/approve`, { version: submitted.version }));
    expect(approved.route).toMatchObject({ status: 'approved', lastReview: { decision: 'approved', by: colleague } });
    const seen = await c.ok<RouteAnswer>(await h.api(await c.launchAs(daan, placement), '/api/route'));
    expect(seen.route.status).toBe('approved');
  });

  it('a teacher approves a route from the class view, also of a student nobody coaches, and returns another with a comment', async () => {
    const { placement } = await seedPlaybook(h);
    const fleurs = await c.submittedRoute(await c.launchAs(fleur, placement));
    const priyas = await c.submittedRoute(await c.launchAs(priya, placement));
    const teacher = await c.launchAs(h.lms.member('teacher').userId, placement);
    const before = await c.ok<OverviewAnswer>(await h.api(teacher, '/api/class/overview'));
    expect(before.students.find((s) => s.id === fleur)?.routeStatus).toBe('submitted');

    await c.ok<RouteAnswer>(await c.send(teacher, 'POST', `/api/coach/routes/${fleur}/approve`, { version: fleurs.version }));
    const returned = await c.ok<RouteAnswer>(await c.send(teacher, 'POST', `/api/coach/routes/${priya}/return`, { version: priyas.version, comment: 'Plan a workplace visit.' }));
    expect(returned.route.lastReview).toMatchObject({ decision: 'returned', comment: 'Plan a workplace visit.' });
    const after = await c.ok<OverviewAnswer>(await h.api(teacher, '/api/class/overview'));
    expect(after.students.find((s) => s.id === fleur)?.routeStatus).toBe('approved');
    expect(after.students.find((s) => s.id === priya)?.routeStatus).toBe('returned');
  });

  it('once unassigned, a student leaves the colleague\'s coach view; as a Moodle Instructor the colleague still acts from the class view', async () => {
    const { placement } = await seedPlaybook(h);
    const submitted = await c.submittedRoute(await c.launchAs(fleur, placement));
    const teacher = await c.launchAs(h.lms.member('teacher').userId, placement);
    const assistant = h.lms.member('assistant').userId;
    await c.ok(await c.send(teacher, 'POST', '/api/coach/assignments', { coachId: assistant, studentIds: [fleur, daan] }));
    const left = await c.ok<CoachingAnswer>(await c.send(teacher, 'POST', '/api/coach/assignments/remove', { coachId: assistant, studentIds: [fleur] }));
    expect(left.assignments.filter((a) => a.coachId === assistant).map((a) => a.studentId)).toEqual([daan]);
    // In Moodle the non-editing teacher is an Instructor too: a teacher, who may always act from the class view.
    const token = await c.launchAs(assistant, placement);
    const mine = await c.ok<StudentsAnswer>(await h.api(token, '/api/coach/students'));
    expect(mine.students.map((s) => s.id)).toEqual([daan]);
    expect((await c.ok<RouteAnswer>(await c.send(token, 'POST', `/api/coach/routes/${fleur}/approve`, { version: submitted.version }))).route.status).toBe('approved');
  });

  it('only a teacher assigns, only staff of the class list can be chosen, and only students of the course get a coach', async () => {
    const { placement } = await seedPlaybook(h);
    const teacher = await c.launchAs(h.lms.member('teacher').userId, placement);
    const student = await c.launchAs(daan, placement);
    const body = { coachId: h.lms.member('coach').userId, studentIds: [daan] };
    expect(await c.codeOf(await c.send(student, 'POST', '/api/coach/assignments', body), 403)).toBe('not_authorised');
    expect(await c.codeOf(await h.api(student, '/api/coach/assignments'), 403)).toBe('not_authorised');
    expect(await c.codeOf(await c.send(teacher, 'POST', '/api/coach/assignments', { coachId: fleur, studentIds: [daan] }), 422)).toBe('unknown_coach');
    expect(await c.codeOf(await c.send(teacher, 'POST', '/api/coach/assignments', { coachId: 'u-nobody', studentIds: [daan] }), 422)).toBe('unknown_coach');
    expect(await c.codeOf(await c.send(teacher, 'POST', '/api/coach/assignments', { ...body, studentIds: [daan, 'u-nobody'] }), 404)).toBe('student_not_found');
    expect(await c.codeOf(await c.send(teacher, 'POST', '/api/coach/assignments', { ...body, studentIds: [] }), 400)).toBe('validation_failed');
    const list = await c.ok<CoachingAnswer>(await h.api(teacher, '/api/coach/assignments'));
    expect(list.assignments.filter((a) => a.studentId === 'u-nobody')).toEqual([]);
    // Assigning a pair again (a second tab, overlapping groups) keeps one assignment.
    const twice = await Promise.all([1, 2].map(() => c.send(teacher, 'POST', '/api/coach/assignments', { ...body, studentIds: [daan, fleur] })));
    for (const res of twice) expect(res.status, `${res.status}`).toBe(200);
    const after = await c.ok<CoachingAnswer>(await h.api(teacher, '/api/coach/assignments'));
    expect(after.assignments.filter((a) => a.coachId === body.coachId && [daan, fleur].includes(a.studentId))).toHaveLength(2);
  });
});

describe('in Canvas, a teaching assistant grades and coaches but does not design', () => {
  let h: LtiHarness;
  let c: ReturnType<typeof client>;
  beforeAll(async () => {
    h = await startLtiHarness({ quirks: 'canvas' });
    c = client(h);
  });
  afterAll(async () => {
    await h.close();
  });

  it('an unassigned TA sees no student in the coach view or the class overview, and reaches no route', async () => {
    const { placement } = await seedPlaybook(h);
    await c.submittedRoute(await c.launchAs(daan, placement));
    const ta = await c.launchAs(h.lms.member('assistant').userId, placement);
    expect((await c.ok<StudentsAnswer>(await h.api(ta, '/api/coach/students'))).students).toEqual([]);
    expect((await c.ok<OverviewAnswer>(await h.api(ta, '/api/class/overview'))).students).toEqual([]);
    expect(await c.codeOf(await h.api(ta, `/api/coach/routes/${daan}`), 404)).toBe('student_not_found');
  });

  it('an assigned TA approves their student, may open the grading queue, and gets 403 on every design endpoint', async () => {
    const { placement } = await seedPlaybook(h);
    const submitted = await c.submittedRoute(await c.launchAs(daan, placement));
    const teacher = await c.launchAs(h.lms.member('teacher').userId, placement);
    const taId = h.lms.member('assistant').userId;
    const coaching = await c.ok<CoachingAnswer>(await c.send(teacher, 'POST', '/api/coach/assignments', { coachId: taId, studentIds: [daan] }));
    expect(coaching.staff.find((s) => s.id === taId)?.roles).toEqual(['assistant']);

    const ta = await c.launchAs(taId, placement);
    expect((await c.ok<StudentsAnswer>(await h.api(ta, '/api/coach/students'))).students.map((s) => s.id)).toEqual([daan]);
    expect((await c.ok<OverviewAnswer>(await h.api(ta, '/api/class/overview'))).students.map((s) => s.id)).toEqual([daan]);
    expect((await c.ok<RouteAnswer>(await c.send(ta, 'POST', `/api/coach/routes/${daan}/approve`, { version: submitted.version }))).route.status).toBe('approved');
    expect((await h.api(ta, '/api/assessment/queue')).status).toBe(200);

    const design: [string, string][] = [
      ['GET', '/api/playbook'],
      ['PATCH', '/api/playbook'],
      ['PUT', '/api/playbook/rules'],
      ['POST', '/api/playbook/publish'],
      ['POST', '/api/playbook/activities'],
      ['POST', '/api/playbook/outcomes'],
      ['GET', '/api/playbook/export'],
      ['POST', '/api/playbook/import'],
      ['GET', '/api/deep-linking/options'],
      ['POST', '/api/placement/playbook'],
      ['PUT', '/api/assessment/settings/final'],
      ['GET', '/api/coach/assignments'],
      ['POST', '/api/coach/assignments'],
    ];
    for (const [method, path] of design) {
      expect(await c.codeOf(await c.send(ta, method, path, method === 'GET' ? undefined : {}), 403), `${method} ${path}`).toBe('not_authorised');
    }
  });
});
