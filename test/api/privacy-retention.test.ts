// Retention: a course whose last activity is longer ago than the retention period loses its personal data, purged by
// the background job exactly once even with two runners (two connections, as two processes) on the same database;
// a course still in use is untouched; the playbooks stay; teachers see when removal comes; orphaned evidence files
// (an upload no attempt refers to, older than an hour) are removed.
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/lti/claims';
import { runRetention } from '../../server/features/privacy/index';
import { testMongoUri } from '../support/database';
import { launchInOtherCourse } from '../support/lti-harness';
import { enrol, handInText, judgement, seedOtherCourse, seedPlacement, startGradingHarness, type GradingHarness, type SeededPlacement } from '../support/grading-seed';

const DAY = 86_400_000;

describe('the retention job', () => {
  let g: GradingHarness;
  let seeded: SeededPlacement;
  let teacherA: string;
  let teacherB: string;
  let studentB: string;
  let second: Connection;
  const db = () => {
    const d = g.h.database.connection.db;
    if (!d) throw new Error('no database');
    return d;
  };

  beforeAll(async () => {
    g = await startGradingHarness();
    enrol(g, 'u-student-old-course', 'student');
    seeded = await seedPlacement(g);
    teacherA = await seeded.launch(g.h.lms.member('teacher').userId);
    const studentA = await seeded.launch('u-student-old-course');
    await g.api(studentA, '/api/route');
    const upload = await g.api(studentA, '/api/evidence/outcomes/lo-plan/file?filename=plan.txt', { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: 'my plan' });
    expect(upload.status).toBe(201);
    const attemptId = await handInText(g, studentA, 'old course plan');
    expect((await g.api(teacherA, `/api/assessment/attempts/${attemptId}/grade`, { method: 'POST', body: JSON.stringify(judgement('good')) })).status).toBe(200);
    ({ teacher: teacherB } = await seedOtherCourse(g, 'course-still-running'));
    studentB = await launchInOtherCourse(g.h, 'course-still-running', [Role.learner], 'u-student-current');
    expect((await g.api(studentB, '/api/route')).status).toBe(200);
    // The demo course ended 400 days ago: nobody has launched since.
    await db().collection('lti_memberships').updateMany({ contextId: seeded.placement.contextId }, { $set: { lastLaunchAt: new Date(Date.now() - 400 * DAY) } });
    second = mongoose.createConnection(testMongoUri(), { dbName: g.h.database.connection.name });
    await second.asPromise();
  });
  afterAll(async () => {
    await second.close();
    await g.close();
  });

  it('warns the teacher of a course when its personal data will be removed', async () => {
    const a = (await (await g.api(teacherA, '/api/privacy/retention')).json()) as { removeOn: string; lastActivity: string; warning: boolean; retentionDays: number };
    expect(a.retentionDays).toBe(365);
    expect(new Date(a.removeOn).getTime() - new Date(a.lastActivity).getTime()).toBe(365 * DAY);
    expect(a.warning).toBe(true);
    const b = (await (await g.api(teacherB, '/api/privacy/retention')).json()) as { removeOn: string; warning: boolean };
    expect(b.warning).toBe(false);
    expect(new Date(b.removeOn).getTime()).toBeGreaterThan(Date.now() + 300 * DAY);
    expect((await g.api(studentB, '/api/privacy/retention')).status).toBe(403);
  });

  it('two runners at once purge the ended course exactly once, leave the running course and the playbooks, and remove an orphaned upload', async () => {
    const { contextId } = seeded.placement;
    // An upload that never reached an attempt (the process died between file and attempt).
    const bucket = new mongoose.mongo.GridFSBucket(db(), { bucketName: 'evidence' });
    await new Promise<void>((resolve, reject) => bucket.openUploadStream('half.txt', { metadata: { contextId: 'course-still-running' } }).on('finish', () => resolve()).on('error', reject).end('half'));
    const playbooksBefore = await db().collection('playbooks').countDocuments();
    const bBefore = { routes: await db().collection('routes').countDocuments({ studentId: 'u-student-current' }), members: await db().collection('lti_memberships').countDocuments({ contextId: 'course-still-running' }) };
    expect(bBefore.routes).toBe(1);

    const later = () => new Date(Date.now() + 2 * 60 * 60_000);
    const [one, two] = await Promise.all([
      runRetention({ connection: g.h.database.connection, now: later, runnerId: 'runner-1' }),
      runRetention({ connection: second, now: later, runnerId: 'runner-2' }),
    ]);
    const purged = [...one.purged, ...two.purged];
    expect(purged.map((p) => p.course.contextId)).toEqual([contextId]);
    expect(purged[0]?.files).toBe(1);
    expect(one.orphanedFiles + two.orphanedFiles).toBeGreaterThanOrEqual(1);

    expect(await db().collection('evidence_attempts').countDocuments({ studentId: 'u-student-old-course' })).toBe(0);
    expect(await db().collection('routes').countDocuments({ studentId: 'u-student-old-course' })).toBe(0);
    expect(await db().collection('lti_memberships').countDocuments({ contextId })).toBe(0);
    expect(await db().collection('lti_people').countDocuments({ sub: 'u-student-old-course' })).toBe(0);
    expect(await db().collection('audit_trail').countDocuments({ contextId })).toBe(0);
    expect(await db().collection('evidence.files').countDocuments()).toBe(0);
    expect(await db().collection('evidence.chunks').countDocuments()).toBe(0);
    // Untouched: the course still running, and every playbook (the course design stays, with its export).
    expect(await db().collection('routes').countDocuments({ studentId: 'u-student-current' })).toBe(bBefore.routes);
    expect(await db().collection('lti_memberships').countDocuments({ contextId: 'course-still-running' })).toBe(bBefore.members);
    expect(await db().collection('playbooks').countDocuments()).toBe(playbooksBefore);

    const again = await runRetention({ connection: second, now: later, runnerId: 'runner-2' });
    expect(again.purged).toEqual([]);
    expect(await db().collection('privacy_retention_runs').countDocuments({ state: 'done' })).toBe(1);
  });
});
