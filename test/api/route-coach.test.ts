// Stories of study coaches (and teachers) with their students' routes: who they see, approving and returning, levels, proposals, and every refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member } from '../../server/demo-lms/index';
import { Role } from '../../server/lti/claims';
import { seedPlaybook } from '../support/playbook-seed';
import { startLtiHarness, type LtiHarness, launchInOtherCourse as launchElsewhere } from '../support/lti-harness';
import { apiCalls, codeOf, ok } from '../support/api-calls';

interface RouteAnswer {
  route: { id: string; status: string; version: number; lastReview?: { decision: string; by: string; comment?: string }; ownActivities: { id: string; status: string; reviewComment?: string }[] };
  level: { effective: number; override: number | null; may: { composeRoute: boolean } };
}

interface StudentsAnswer {
  scope: 'mentees' | 'course';
  students: { id: string; name: string | null; hasLaunched: boolean; route: { status: string; version: number } | null }[];
}

let h: LtiHarness;
const daan = 'u-student-daan';
const priya = 'u-student-priya';
const fleur = 'u-student-fleur';
const sound = ['activate', 'lecture', 'practice', 'peer-review', 'logbook'].map((activityId) => ({ activityId }));

beforeAll(async () => {
  h = await startLtiHarness();
});
afterAll(async () => {
  await h.close();
});

const { launchAs, send } = apiCalls(() => h);

/** The student opens their route, composes a sound one and submits it. */
async function submittedRoute(token: string): Promise<RouteAnswer['route']> {
  const { route } = await ok<RouteAnswer>(await h.api(token, '/api/route'));
  const saved = await ok<RouteAnswer>(await send(token, 'PUT', '/api/route', { version: route.version, entries: sound }));
  return (await ok<RouteAnswer>(await send(token, 'POST', '/api/route/submit', { version: saved.route.version }))).route;
}

/** A launch signed by the LMS for a person in another course (another context). */
const launchInOtherCourse = (sub: string, roles: string[]) => launchElsewhere(h, 'course-elsewhere', roles, sub);

describe('a coach and their students', () => {
  it('a mentor the LMS scoped sees only their mentees, also one who never launched', async () => {
    const { placement } = await seedPlaybook(h);
    await submittedRoute(await launchAs(daan, placement));
    const coach = await launchAs(h.lms.member('coach').userId, placement);
    const list = await ok<StudentsAnswer>(await h.api(coach, '/api/coach/students'));
    expect(list.scope).toBe('mentees');
    expect(list.students.map((s) => s.id).sort()).toEqual([daan, priya]);
    expect(list.students.find((s) => s.id === daan)).toMatchObject({ hasLaunched: true, route: { status: 'submitted' } });
    expect(list.students.find((s) => s.id === priya)).toMatchObject({ hasLaunched: false, route: null });
  });

  it('a teacher sees every student of the course; a mentor the LMS did not scope and no teacher assigned sees nobody', async () => {
    const { placement } = await seedPlaybook(h);
    const unscoped: Member = { userId: 'u-coach-free', givenName: 'Free', familyName: 'Coach', email: 'free@example.edu', locale: 'en-GB', role: 'coach' };
    h.lms.addMember(unscoped);
    const students = h.lms.members().filter((m) => m.role === 'student').map((m) => m.userId).sort();
    const teachers = await ok<StudentsAnswer>(await h.api(await launchAs(h.lms.member('teacher').userId, placement), '/api/coach/students'));
    expect(teachers.scope).toBe('course');
    expect(teachers.students.map((s) => s.id).sort()).toEqual(students);
    const nobody = await ok<StudentsAnswer>(await h.api(await launchAs(unscoped.userId, placement), '/api/coach/students'));
    expect(nobody).toMatchObject({ scope: 'mentees', students: [] });
  });

  it("a mentor's LMS scope follows the latest launch, and a Mentor is not staff a teacher can choose as coach", async () => {
    const { placement } = await seedPlaybook(h);
    const mentor: Member = { userId: 'u-coach-mentor', givenName: 'Mia', familyName: 'Mentor', email: 'mia@example.edu', locale: 'nl-NL', role: 'coach', mentees: [fleur] };
    h.lms.addMember(mentor);
    const teacher = await launchAs(h.lms.member('teacher').userId, placement);
    expect((await ok<StudentsAnswer>(await h.api(await launchAs(mentor.userId, placement), '/api/coach/students'))).students.map((s) => s.id)).toEqual([fleur]);
    // Assigning needs the mentor to be staff of the class list; a Mentor is not, so the teacher picks a colleague instead.
    expect(await codeOf(await send(teacher, 'POST', '/api/coach/assignments', { coachId: mentor.userId, studentIds: [daan] }), 422)).toBe('unknown_coach');
    h.lms.addMember({ ...mentor, mentees: [priya] });
    expect((await ok<StudentsAnswer>(await h.api(await launchAs(mentor.userId, placement), '/api/coach/students'))).students.map((s) => s.id)).toEqual([priya]);
    h.lms.addMember({ ...mentor, mentees: undefined });
    expect((await ok<StudentsAnswer>(await h.api(await launchAs(mentor.userId, placement), '/api/coach/students'))).students).toEqual([]);
  });

  it('a coach returns a route with a comment that reaches the student, and approves it after the change', async () => {
    const { placement } = await seedPlaybook(h);
    const student = await launchAs(daan, placement);
    const submitted = await submittedRoute(student);
    const coach = await launchAs(h.lms.member('coach').userId, placement);
    const path = `/api/coach/routes/${daan}`;
    const view = await ok<{ student: { id: string }; route: { status: string } }>(await h.api(coach, path));
    expect(view).toMatchObject({ student: { id: daan }, route: { status: 'submitted' } });

    const noComment = await send(coach, 'POST', `${path}/return`, { version: submitted.version, comment: '   ' });
    expect(noComment.status).toBe(400);
    expect(((await noComment.json()) as { error: { message: string } }).error.message).toMatch(/^comment: is required/);
    const returned = await ok<RouteAnswer>(await send(coach, 'POST', `${path}/return`, { version: submitted.version, comment: 'Add a workplace reflection.' }));
    expect(returned.route.status).toBe('returned');

    const seen = await ok<RouteAnswer>(await h.api(student, '/api/route'));
    expect(seen.route).toMatchObject({ status: 'returned', lastReview: { decision: 'returned', by: h.lms.member('coach').userId, comment: 'Add a workplace reflection.' } });
    const history = await ok<{ history: { actorRole: string; change: { kind: string; comment?: string } }[] }>(await h.api(student, '/api/route/history'));
    expect(history.history.at(-1)).toMatchObject({ actorRole: 'coach', change: { kind: 'status_changed', to: 'returned', comment: 'Add a workplace reflection.' } });

    const changed = await ok<RouteAnswer>(await send(student, 'PUT', '/api/route', { version: seen.route.version, entries: [...sound, { activityId: 'coach-talk' }] }));
    const again = await ok<RouteAnswer>(await send(student, 'POST', '/api/route/submit', { version: changed.route.version }));
    const approved = await ok<RouteAnswer>(await send(coach, 'POST', `${path}/approve`, { version: again.route.version }));
    expect(approved.route).toMatchObject({ status: 'approved', lastReview: { decision: 'approved' } });
    const coachHistory = await ok<{ history: unknown[] }>(await h.api(coach, `${path}/history`));
    expect(coachHistory.history.length).toBe(8);
  });

  it('a level-1 student cannot compose; once the coach raises them to level 2, they can', async () => {
    const { placement } = await seedPlaybook(h, { selfDirectionLevel: 1 });
    const student = await launchAs(daan, placement);
    const { route, level } = await ok<RouteAnswer>(await h.api(student, '/api/route'));
    expect(level).toMatchObject({ effective: 1, may: { composeRoute: false } });
    expect(await codeOf(await send(student, 'PUT', '/api/route', { version: route.version, entries: sound }), 403)).toBe('level_forbids');

    const coach = await launchAs(h.lms.member('coach').userId, placement);
    const badLevel = await send(coach, 'PUT', `/api/coach/routes/${daan}/level`, { version: route.version, level: 5 });
    expect(badLevel.status).toBe(400);
    expect(((await badLevel.json()) as { error: { message: string } }).error.message).toBe('level: must be 1, 2, 3, 4 or null');
    const raised = await ok<RouteAnswer>(await send(coach, 'PUT', `/api/coach/routes/${daan}/level`, { version: route.version, level: 2 }));
    expect(raised.level).toMatchObject({ effective: 2, override: 2 });

    const composed = await send(student, 'PUT', '/api/route', { version: raised.route.version, entries: sound });
    expect(composed.status, await composed.clone().text()).toBe(200);
    const reset = await ok<RouteAnswer>(await send(coach, 'PUT', `/api/coach/routes/${daan}/level`, { version: raised.route.version + 1, level: null }));
    expect(reset.level).toMatchObject({ effective: 1, override: null });
  });

  it("a coach decides on a level-4 student's own activity before approving the route", async () => {
    const { placement } = await seedPlaybook(h, { selfDirectionLevel: 4 });
    const student = await launchAs(daan, placement);
    const { route } = await ok<RouteAnswer>(await h.api(student, '/api/route'));
    const proposal = { version: route.version, title: 'Plan at my job', environment: 'workplace', form: 'expert', type: 'feedback', studyLoadHours: 2 };
    const proposed = await ok<RouteAnswer>(await send(student, 'POST', '/api/route/proposals', proposal), 201);
    const own = proposed.route.ownActivities[0]?.id ?? '';
    const submitted = await ok<RouteAnswer>(await send(student, 'POST', '/api/route/submit', { version: proposed.route.version }));

    const coach = await launchAs(h.lms.member('coach').userId, placement);
    const path = `/api/coach/routes/${daan}`;
    expect(await codeOf(await send(coach, 'POST', `${path}/approve`, { version: submitted.route.version }), 409)).toBe('proposals_pending');
    expect(await codeOf(await send(coach, 'POST', `${path}/proposals/${own}`, { version: submitted.route.version, decision: 'maybe' }), 400)).toBe('validation_failed');
    const reviewed = await ok<RouteAnswer>(await send(coach, 'POST', `${path}/proposals/${own}`, { version: submitted.route.version, decision: 'approved', comment: 'Good idea' }));
    expect(reviewed.route.ownActivities[0]).toMatchObject({ status: 'approved', reviewComment: 'Good idea' });
    expect((await ok<RouteAnswer>(await send(coach, 'POST', `${path}/approve`, { version: reviewed.route.version }))).route.status).toBe('approved');
  });

  it('a coach sees that a student has no route yet, and cannot act on it', async () => {
    const { placement } = await seedPlaybook(h);
    const coach = await launchAs(h.lms.member('coach').userId, placement);
    expect(await ok<{ route: null }>(await h.api(coach, `/api/coach/routes/${priya}`))).toMatchObject({ student: { id: priya, hasLaunched: false }, route: null });
    expect(await codeOf(await send(coach, 'PUT', `/api/coach/routes/${priya}/level`, { version: 1, level: 3 }), 404)).toBe('no_route');
  });
});

describe('what a coach, a student or someone of another course may not do', () => {
  it("a coach gets 404 for a student who is not theirs, by every path, and the student's route stays as it was", async () => {
    const { placement } = await seedPlaybook(h);
    const submitted = await submittedRoute(await launchAs(fleur, placement));
    const coach = await launchAs(h.lms.member('coach').userId, placement);
    const path = `/api/coach/routes/${fleur}`;
    const attempts: [string, string, unknown][] = [
      ['GET', path, undefined],
      ['GET', `${path}/history`, undefined],
      ['POST', `${path}/approve`, { version: submitted.version }],
      ['POST', `${path}/return`, { version: submitted.version, comment: 'No' }],
      ['PUT', `${path}/level`, { version: submitted.version, level: 4 }],
      ['POST', `${path}/proposals/own-x`, { version: submitted.version, decision: 'approved' }],
      ['GET', '/api/coach/routes/u-nobody', undefined],
    ];
    for (const [method, url, body] of attempts) expect(await codeOf(await send(coach, method, url, body), 404)).toBe('student_not_found');
    const after = await ok<RouteAnswer>(await h.api(await launchAs(fleur, placement), '/api/route'));
    expect(after.route).toMatchObject({ status: 'submitted', version: submitted.version });
  });

  it("a student cannot reach another student's route by any path, nor any coach or teacher endpoint", async () => {
    const { placement } = await seedPlaybook(h);
    const submitted = await submittedRoute(await launchAs(fleur, placement));
    const daanToken = await launchAs(daan, placement);
    const path = `/api/coach/routes/${fleur}`;
    const attempts: [string, string, unknown][] = [
      ['GET', '/api/coach/students', undefined],
      ['GET', path, undefined],
      ['GET', `${path}/history`, undefined],
      ['POST', `${path}/approve`, { version: submitted.version }],
      ['POST', `${path}/return`, { version: submitted.version, comment: 'No' }],
      ['PUT', `${path}/level`, { version: submitted.version, level: 4 }],
      ['POST', `${path}/proposals/own-x`, { version: submitted.version, decision: 'approved' }],
      ['GET', '/api/class/overview', undefined],
    ];
    for (const [method, url, body] of attempts) expect(await codeOf(await send(daanToken, method, url, body), 403)).toBe('not_authorised');
    // The student's own paths only ever act on the caller's route.
    const own = await ok<RouteAnswer>(await h.api(daanToken, '/api/route'));
    expect(own.route.id).not.toBe(submitted.id);
    const after = await ok<RouteAnswer>(await h.api(await launchAs(fleur, placement), '/api/route'));
    expect(after.route).toMatchObject({ status: 'submitted', version: submitted.version });
  });

  it("people of another course reach nothing of this course's routes, even with the same user id", async () => {
    const { placement } = await seedPlaybook(h);
    const submitted = await submittedRoute(await launchAs(daan, placement));
    const teacherElsewhere = await launchInOtherCourse(h.lms.member('teacher').userId, [Role.instructor]);
    expect(await codeOf(await h.api(teacherElsewhere, `/api/coach/routes/${daan}`), 404)).toBe('no_playbook');
    expect(await codeOf(await send(teacherElsewhere, 'POST', `/api/coach/routes/${daan}/return`, { version: submitted.version, comment: 'x' }), 404)).toBe('no_playbook');
    expect(await codeOf(await h.api(teacherElsewhere, '/api/class/overview'), 404)).toBe('no_playbook');
    const daanElsewhere = await launchInOtherCourse(daan, [Role.learner]);
    expect(await codeOf(await h.api(daanElsewhere, '/api/route'), 404)).toBe('no_playbook');
    const after = await ok<RouteAnswer>(await h.api(await launchAs(daan, placement), '/api/route'));
    expect(after.route).toMatchObject({ id: submitted.id, status: 'submitted', version: submitted.version });
  });
});
