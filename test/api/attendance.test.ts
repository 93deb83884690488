// Attendance for sessions: once a session has started, a teacher (any student) or a coach (their own students) marks who of those signed up attended.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysAfter } from '../../server/domain/test-factories';
import { Role } from '../../server/lti/claims';
import { createPlaybookRepository } from '../../server/features/playbooks/data/playbook-repository';
import { DEPLOYMENT_ID, startLtiHarness, launchInOtherCourse, type LtiHarness } from '../support/lti-harness';
import { SMALL_SESSION, WORKSHOP, seedPlaybook } from '../support/playbook-seed';
import { apiCalls, codeOf, ok } from '../support/api-calls';

interface SessionsAnswer {
  sessions: {
    activityId: string;
    sessionId: string;
    title: string;
    startsAt: string;
    started: boolean;
    attendees: { studentId: string; name: string | null; attended: boolean | null; markedBy?: string; markedAt?: string }[];
  }[];
}

let h: LtiHarness;
const daan = 'u-student-daan';
const fleur = 'u-student-fleur';
const oliver = 'u-student-oliver';

beforeAll(async () => {
  h = await startLtiHarness();
});
afterAll(async () => {
  await h.close();
});

const { launchAs, send } = apiCalls(() => h);

/** A seeded course where Daan and Fleur signed up for the small workshop session (a month ahead). */
async function signedUpCourse() {
  const seeded = await seedPlaybook(h);
  for (const student of [daan, fleur]) {
    const token = await launchAs(student, seeded.placement);
    await ok(await h.api(token, '/api/route'));
    await ok(await send(token, 'POST', `/api/route/sessions/${WORKSHOP}/${SMALL_SESSION}`), 201);
  }
  return seeded;
}

/** The session took place: its start moves to yesterday, as time would have moved it. */
async function sessionHeld(seeded: Awaited<ReturnType<typeof seedPlaybook>>): Promise<void> {
  const repository = createPlaybookRepository(h.database.connection);
  const placement = { platformId: h.platform.id, deploymentId: DEPLOYMENT_ID, contextId: h.lms.course.id, resourceLinkId: seeded.placement };
  const stored = await repository.getByPlacement(placement);
  if (!stored) throw new Error('the seeded playbook is gone');
  const yesterday = daysAfter(new Date(), -1);
  const activities = stored.playbook.activities.map((a) =>
    a.id === WORKSHOP && a.schedule.kind === 'synchronous'
      ? { ...a, schedule: { kind: 'synchronous' as const, sessions: a.schedule.sessions.map((s) => (s.id === SMALL_SESSION ? { ...s, startsAt: yesterday } : s)) } }
      : a,
  );
  await repository.save({ playbook: { ...stored.playbook, activities }, outcomes: stored.outcomes }, stored.revision);
}

const mark = (studentId: string) => `/api/coach/sessions/${WORKSHOP}/${SMALL_SESSION}/attendance/${studentId}`;

describe('attendance for sessions', () => {
  it('a teacher sees who signed up, cannot mark before the session starts, and afterwards marks who attended and who did not', async () => {
    const seeded = await signedUpCourse();
    const teacher = await launchAs(h.lms.member('teacher').userId, seeded.placement);

    const before = await ok<SessionsAnswer>(await h.api(teacher, '/api/coach/sessions'));
    const small = before.sessions.find((s) => s.sessionId === SMALL_SESSION);
    expect(small).toMatchObject({ activityId: WORKSHOP, title: 'Planning workshop', started: false });
    expect(small?.attendees.map((a) => [a.studentId, a.attended])).toEqual([
      [daan, null],
      [fleur, null],
    ]);
    expect(small?.attendees[0]?.name).toBe('Daan Jansen');
    expect(await codeOf(await send(teacher, 'PUT', mark(daan), { attended: true }), 409)).toBe('session_not_started');

    await sessionHeld(seeded);
    await ok(await send(teacher, 'PUT', mark(daan), { attended: true }));
    await ok(await send(teacher, 'PUT', mark(fleur), { attended: false }));
    const after = await ok<SessionsAnswer>(await h.api(teacher, '/api/coach/sessions'));
    const held = after.sessions.find((s) => s.sessionId === SMALL_SESSION);
    expect(held?.started).toBe(true);
    expect(held?.attendees.map((a) => [a.studentId, a.attended, a.markedBy])).toEqual([
      [daan, true, h.lms.member('teacher').userId],
      [fleur, false, h.lms.member('teacher').userId],
    ]);

    // A mark can be corrected: the latest one counts.
    await ok(await send(teacher, 'PUT', mark(fleur), { attended: true }));
    const corrected = await ok<SessionsAnswer>(await h.api(teacher, '/api/coach/sessions'));
    expect(corrected.sessions.find((s) => s.sessionId === SMALL_SESSION)?.attendees.map((a) => a.attended)).toEqual([true, true]);
  });

  it('only students who signed up are marked; an unknown session or a bad body is refused', async () => {
    const seeded = await signedUpCourse();
    await sessionHeld(seeded);
    const teacher = await launchAs(h.lms.member('teacher').userId, seeded.placement);
    expect(await codeOf(await send(teacher, 'PUT', mark(oliver), { attended: true }), 409)).toBe('not_signed_up');
    expect(await codeOf(await send(teacher, 'PUT', `/api/coach/sessions/${WORKSHOP}/no-such-session/attendance/${daan}`, { attended: true }), 404)).toBe('unknown_session');
    expect(await codeOf(await send(teacher, 'PUT', mark(daan), { attended: 'yes' }), 400)).toBe('validation_failed');
  });

  it('a coach sees and marks only their own students', async () => {
    const seeded = await signedUpCourse();
    await sessionHeld(seeded);
    const coach = await launchAs(h.lms.member('coach').userId, seeded.placement);
    const list = await ok<SessionsAnswer>(await h.api(coach, '/api/coach/sessions'));
    expect(list.sessions.find((s) => s.sessionId === SMALL_SESSION)?.attendees.map((a) => a.studentId)).toEqual([daan]);
    await ok(await send(coach, 'PUT', mark(daan), { attended: false }));
    expect(await codeOf(await send(coach, 'PUT', mark(fleur), { attended: true }), 404)).toBe('student_not_found');

    const teacher = await launchAs(h.lms.member('teacher').userId, seeded.placement);
    const seen = await ok<SessionsAnswer>(await h.api(teacher, '/api/coach/sessions'));
    expect(seen.sessions.find((s) => s.sessionId === SMALL_SESSION)?.attendees.map((a) => [a.studentId, a.attended])).toEqual([
      [daan, false],
      [fleur, null],
    ]);
  });

  it('students cannot read or mark attendance, and a teacher of another course does not reach this one', async () => {
    const seeded = await signedUpCourse();
    await sessionHeld(seeded);
    const student = await launchAs(daan, seeded.placement);
    expect((await h.api(student, '/api/coach/sessions')).status).toBe(403);
    expect((await send(student, 'PUT', mark(daan), { attended: true })).status).toBe(403);
    const stranger = await launchInOtherCourse(h, 'course-elsewhere', [Role.instructor], 'teacher-elsewhere');
    expect((await send(stranger, 'PUT', mark(daan), { attended: true })).status).toBe(404);
    const teacher = await launchAs(h.lms.member('teacher').userId, seeded.placement);
    const list = await ok<SessionsAnswer>(await h.api(teacher, '/api/coach/sessions'));
    expect(list.sessions.find((s) => s.sessionId === SMALL_SESSION)?.attendees.every((a) => a.attended === null)).toBe(true);
  });
});
