// The school sets how long personal data is kept: RETENTION_DAYS for every course, and the operator sets one course
// apart through the privacy admin API. Through real launches in two courses: the course's own period moves the removal
// date its teacher sees, and decides which course the retention job purges.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/lti/claims';
import { runRetention } from '../../server/features/privacy/index';
import { launchInOtherCourse, startLtiHarness } from '../support/lti-harness';
import { recordingPublisher, seedOtherCourse, seedPlacement, type GradingHarness, type SeededPlacement } from '../support/grading-seed';

const DAY = 86_400_000;
const TOKEN = 'privacy-admin-token-for-retention-0123456789';
const SCHOOL_DAYS = 200;

interface CourseRow {
  courseId: string;
  contextId: string;
  title?: string;
  lastActivity: string;
  removeOn: string;
  retentionDays: number;
  setBy: 'course' | 'school';
}

describe('retention period set by the school, per course', () => {
  let g: GradingHarness;
  let seeded: SeededPlacement;
  let teacherA: string;
  let teacherB: string;
  const db = () => {
    const d = g.h.database.connection.db;
    if (!d) throw new Error('no database');
    return d;
  };
  const admin = (path: string, init: RequestInit = {}, token = TOKEN) =>
    fetch(`${g.h.toolBase}/admin/privacy/retention${path}`, { ...init, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } });
  const courses = async () => ((await (await admin('')).json()) as { schoolRetentionDays: number; courses: CourseRow[] });
  const notice = async (token: string) => (await (await g.api(token, '/api/privacy/retention')).json()) as { removeOn: string; lastActivity: string; retentionDays: number; warning: boolean };

  beforeAll(async () => {
    const h = await startLtiHarness({ gradePublisher: recordingPublisher(), env: { PRIVACY_ADMIN_TOKEN: TOKEN, RETENTION_DAYS: String(SCHOOL_DAYS) } });
    g = { h, publisher: recordingPublisher(), api: h.api, json: async (t, p, i) => { const r = await h.api(t, p, i); return { status: r.status, body: await r.json() }; }, close: () => h.close() };
    seeded = await seedPlacement(g);
    teacherA = await seeded.launch(g.h.lms.member('teacher').userId);
    const studentA = await seeded.launch(g.h.lms.member('student').userId);
    expect((await g.api(studentA, '/api/route')).status).toBe(200);
    ({ teacher: teacherB } = await seedOtherCourse(g, 'course-b'));
    const studentB = await launchInOtherCourse(g.h, 'course-b', [Role.learner], 'u-student-course-b');
    expect((await g.api(studentB, '/api/route')).status).toBe(200);
    // Both courses were last opened 250 days ago: past the school's 200 days.
    await db().collection('lti_memberships').updateMany({}, { $set: { lastLaunchAt: new Date(Date.now() - 250 * DAY) } });
  });
  afterAll(async () => {
    await g.close();
  });

  it('the school period (RETENTION_DAYS) is what the teacher is told and what the operator sees for every course', async () => {
    const a = await notice(teacherA);
    expect(a.retentionDays).toBe(SCHOOL_DAYS);
    expect(new Date(a.removeOn).getTime() - new Date(a.lastActivity).getTime()).toBe(SCHOOL_DAYS * DAY);
    const listed = await courses();
    expect(listed.schoolRetentionDays).toBe(SCHOOL_DAYS);
    expect(listed.courses.map((c) => c.contextId).sort()).toEqual([seeded.placement.contextId, 'course-b'].sort());
    for (const row of listed.courses) {
      expect(row).toMatchObject({ retentionDays: SCHOOL_DAYS, setBy: 'school' });
      expect(new Date(row.removeOn).getTime() - new Date(row.lastActivity).getTime()).toBe(SCHOOL_DAYS * DAY);
    }
    expect(listed.courses.find((c) => c.contextId === 'course-b')?.title).toBe('Course course-b');
  });

  it('refuses without the token, a period outside 30–3650 days, and a course it does not know', async () => {
    expect((await fetch(`${g.h.toolBase}/admin/privacy/retention`)).status).toBe(401);
    expect((await admin('', {}, 'x'.repeat(40))).status).toBe(403);
    const { courses: rows } = await courses();
    const b = rows.find((c) => c.contextId === 'course-b');
    if (!b) throw new Error('course-b not listed');
    expect((await admin(`/${b.courseId}`, { method: 'PUT', body: JSON.stringify({ days: 29 }) })).status).toBe(400);
    expect((await admin(`/${b.courseId}`, { method: 'PUT', body: JSON.stringify({ days: 3651 }) })).status).toBe(400);
    const unknown = Buffer.from(JSON.stringify([g.h.platform.id, 'deployment-1', 'no-such-course'])).toString('base64url');
    expect((await admin(`/${unknown}`, { method: 'PUT', body: JSON.stringify({ days: 100 }) })).status).toBe(404);
    expect((await admin('/not-a-course-id', { method: 'PUT', body: JSON.stringify({ days: 100 }) })).status).toBe(404);
    expect((await notice(teacherB)).retentionDays).toBe(SCHOOL_DAYS);
  });

  it('when the operator gives course B 400 days, its teacher sees the later date and the job purges course A only', async () => {
    const { courses: rows } = await courses();
    const b = rows.find((c) => c.contextId === 'course-b');
    if (!b) throw new Error('course-b not listed');
    const set = await admin(`/${b.courseId}`, { method: 'PUT', body: JSON.stringify({ days: 400 }) });
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({ contextId: 'course-b', retentionDays: 400, setBy: 'course' });

    const seenByB = await notice(teacherB);
    expect(seenByB.retentionDays).toBe(400);
    expect(new Date(seenByB.removeOn).getTime() - new Date(seenByB.lastActivity).getTime()).toBe(400 * DAY);
    expect(seenByB.warning).toBe(false);
    const seenByA = await notice(teacherA);
    expect(seenByA.retentionDays).toBe(SCHOOL_DAYS);
    expect(seenByA.warning).toBe(true);

    // The job as server/main.ts starts it: with the school's period from the config.
    const result = await runRetention({ connection: g.h.database.connection, retentionDays: g.h.config.retentionDays, runnerId: 'retention-settings' });
    expect(result.purged.map((p) => p.course.contextId)).toEqual([seeded.placement.contextId]);
    expect(await db().collection('routes').countDocuments({ studentId: 'u-student-course-b' })).toBe(1);
    expect(await db().collection('routes').countDocuments({ studentId: g.h.lms.member('student').userId })).toBe(0);
  });

  it('when the operator returns course B to the school period (days: null), the job purges it', async () => {
    const { courses: rows } = await courses();
    const b = rows.find((c) => c.contextId === 'course-b');
    if (!b) throw new Error('course-b not listed');
    // Back to the school's period (null): 200 days, also past.
    const reset = await admin(`/${b.courseId}`, { method: 'PUT', body: JSON.stringify({ days: null }) });
    expect(await reset.json()).toMatchObject({ retentionDays: SCHOOL_DAYS, setBy: 'school' });
    expect((await notice(teacherB)).retentionDays).toBe(SCHOOL_DAYS);
    const result = await runRetention({ connection: g.h.database.connection, retentionDays: g.h.config.retentionDays, runnerId: 'retention-settings' });
    expect(result.purged.map((p) => p.course.contextId)).toEqual(['course-b']);
    expect(await db().collection('routes').countDocuments({ studentId: 'u-student-course-b' })).toBe(0);
  });
});
