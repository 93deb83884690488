// A student's save needs them still enrolled; the server keeps that answer a moment (server/http/membership-cache.ts),
// so these stories check that it never outlives what this process wrote, and outlives another process's write by at
// most its time to live. The cache's clock is the test's: the stories move it instead of waiting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMBERSHIP_TTL_MS } from '../../server/http/membership-cache';
import { DEPLOYMENT_ID, startLtiHarness, type LtiHarness } from '../support/lti-harness';
import { seedPlaybook } from '../support/playbook-seed';
import { launchAs } from '../support/teacher-api';

interface RouteAnswer {
  route: { version: number };
}

let h: LtiHarness;
let clock = 0;

beforeAll(async () => {
  h = await startLtiHarness({ caches: { membership: { now: () => clock } } });
});
afterAll(async () => {
  await h.close();
});

let students = 0;
/** A student of the demo course of their own, launched into a fresh link with its route opened. */
async function enrolledStudent(): Promise<{ userId: string; placement: string; token: string; save: () => Promise<Response> }> {
  students += 1;
  const userId = `u-student-cache-${students}`;
  h.lms.addMember({ userId, givenName: 'Sem', familyName: `Student ${students}`, email: `${userId}@example.edu`, locale: 'nl-NL', role: 'student' });
  const { placement } = await seedPlaybook(h, { selfDirectionLevel: 3 });
  const token = await launch(userId, placement);
  let version = ((await (await h.api(token, '/api/route')).json()) as RouteAnswer).route.version;
  const compositions = [['activate', 'lecture', 'practice', 'peer-review', 'logbook'], ['activate', 'clip', 'practice', 'peer-review', 'logbook']];
  const save = async () => {
    const entries = (compositions[version % 2] ?? []).map((activityId) => ({ activityId }));
    const res = await h.api(token, '/api/route', { method: 'PUT', body: JSON.stringify({ version, entries }) });
    if (res.ok) version = ((await res.clone().json()) as RouteAnswer).route.version;
    return res;
  };
  return { userId, placement, token, save };
}

async function launch(userId: string, placement: string): Promise<string> {
  const outcome = await h.browser().launch({ user: userId, placement });
  if (!outcome.sessionToken) throw new Error(`launch of ${userId} ended with ${outcome.status}`);
  return outcome.sessionToken;
}

async function refusal(res: Response): Promise<string> {
  expect(res.status).toBe(403);
  return ((await res.json()) as { error: { code: string } }).error.code;
}

describe('a student unenrolled while saving their route', () => {
  it('when a teacher’s class list sync in this process marks them inactive, then their very next save is refused', async () => {
    const student = await enrolledStudent();
    // Two saves: the second is answered from the kept membership, which the sync must now forget.
    expect((await student.save()).status).toBe(200);
    expect((await student.save()).status).toBe(200);

    h.lms.removeMember(student.userId);
    const teacher = await launchAs(h, 'teacher', student.placement);
    expect((await h.api(teacher, '/api/course/roster/sync', { method: 'POST' })).status).toBe(200);

    expect(await refusal(await student.save())).toBe('no_longer_enrolled');
  });

  it('when the LMS enrols them again and they launch in this process, then their next save goes through at once', async () => {
    const student = await enrolledStudent();
    h.lms.removeMember(student.userId);
    const teacher = await launchAs(h, 'teacher', student.placement);
    expect((await h.api(teacher, '/api/course/roster/sync', { method: 'POST' })).status).toBe(200);
    expect(await refusal(await student.save())).toBe('no_longer_enrolled');

    h.lms.addMember({ userId: student.userId, givenName: 'Sem', familyName: 'Terug', email: `${student.userId}@example.edu`, locale: 'nl-NL', role: 'student' });
    await launch(student.userId, student.placement);

    expect((await student.save()).status).toBe(200);
  });

  it('when another process marks them inactive, then their saves are refused once this process’s answer is older than its time to live', async () => {
    const student = await enrolledStudent();
    expect((await student.save()).status).toBe(200);

    // Another Playroute process's roster sync, as the store sees it: the student's membership inactive, listed.
    const memberships = h.database.connection.collection('lti_memberships');
    const key = { platformId: h.platform.id, deploymentId: DEPLOYMENT_ID, contextId: h.lms.course.id, sub: student.userId };
    expect((await memberships.updateOne(key, { $set: { status: 'inactive', listedAt: new Date() } })).modifiedCount).toBe(1);

    // Within the time to live this process still goes by what it read a moment ago: the bounded staleness it allows.
    clock += MEMBERSHIP_TTL_MS - 1;
    expect((await student.save()).status).toBe(200);
    clock += 1;
    expect(await refusal(await student.save())).toBe('no_longer_enrolled');
  });
});
