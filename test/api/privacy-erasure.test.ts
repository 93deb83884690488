// Erasure on request: the operator erases one person (API with the operator key, or npm run privacy:erase); afterwards
// no document or evidence file in ANY collection of the database names them (every collection is scanned, so a
// feature that adds a collection without declaring it in the privacy registry fails here); the report says what was
// removed and what stays; the log says it happened without saying who.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from 'mongodb';
import { eventually } from '../support/eventually';
import { judgement, recordingPublisher, seedPlacement, enrol, type GradingHarness, type SeededPlacement } from '../support/grading-seed';
import { startLtiHarness } from '../support/lti-harness';
import { findEverywhere } from '../support/find-everywhere';

// The privacy API has a token of its own; the registration key (typed into the LMS) must not open it.
const OPERATOR_KEY = 'privacy-admin-token-0123456789-abcdefghij';
const REGISTRATION_KEY = 'registration-key-0123456789';
const ERASED = 'u-student-erase-me';
const STAYS = 'u-student-stays-here';

describe('erasure of one person', () => {
  let g: GradingHarness;
  let seeded: SeededPlacement;
  let teacher: string;
  let db: Db;
  const teacherId = () => g.h.lms.member('teacher').userId;

  beforeAll(async () => {
    const h = await startLtiHarness({ passback: true, env: { PRIVACY_ADMIN_TOKEN: OPERATOR_KEY, LTI_REGISTRATION_KEY: REGISTRATION_KEY } });
    g = { h, publisher: recordingPublisher(), api: h.api, json: async (t, p, i) => { const r = await h.api(t, p, i); return { status: r.status, body: await r.json() }; }, close: () => h.close() };
    if (!h.database.connection.db) throw new Error('no database');
    db = h.database.connection.db as unknown as Db;
    enrol(g, ERASED, 'student');
    enrol(g, STAYS, 'student');
    seeded = await seedPlacement(g);
    teacher = await seeded.launch(teacherId());
    // Both students: a route with its history, a file and a text handed in, graded, the grade sent to the LMS.
    for (const [student, marker] of [[ERASED, 'ERASED-MARKER'], [STAYS, 'STAYS-MARKER']] as const) {
      const token = await seeded.launch(student);
      const route = (await (await g.api(token, '/api/route')).json()) as { route: { version: number; entries: { activityId: string }[] } };
      const entries = route.route.entries.map((e) => ({ activityId: e.activityId }));
      await g.api(token, '/api/route', { method: 'PUT', body: JSON.stringify({ version: route.route.version, entries: entries.reverse() }) });
      const upload = await g.api(token, `/api/evidence/outcomes/lo-plan/file?filename=${marker}.txt`, { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: `${marker} ${student} file` });
      expect(upload.status, await upload.clone().text()).toBe(201);
      const added = await g.api(token, '/api/evidence/outcomes/lo-plan/items', { method: 'POST', body: JSON.stringify({ kind: 'text', text: `${marker} plan` }) });
      const { attempt } = (await added.json()) as { attempt: { id: string } };
      expect((await g.api(token, `/api/evidence/attempts/${attempt.id}/submit`, { method: 'POST' })).status).toBe(200);
      expect((await g.api(teacher, `/api/assessment/attempts/${attempt.id}/grade`, { method: 'POST', body: JSON.stringify(judgement('good', {}, `Well done ${marker}`)) })).status).toBe(200);
    }
    await eventually(async () => g.h.lms.results().filter((r) => r.userId === ERASED || r.userId === STAYS).length, (n) => n >= 2);
  });
  afterAll(async () => {
    await g.close();
  });

  const erase = (body: unknown, key = OPERATOR_KEY) =>
    fetch(`${g.h.toolBase}/admin/privacy/erasures`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify(body) });

  it('without the operator key, or with a session token, erasure is refused', async () => {
    expect((await fetch(`${g.h.toolBase}/admin/privacy/erasures`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
    expect((await erase({ platformId: g.h.platform.id, sub: ERASED }, 'not-the-operator-key-at-all')).status).toBe(403);
    expect((await erase({ platformId: g.h.platform.id, sub: ERASED }, teacher)).status).toBe(403);
    expect((await erase({ platformId: g.h.platform.id, sub: ERASED }, REGISTRATION_KEY)).status).toBe(403);
    expect(await findEverywhere(db, ERASED)).not.toEqual([]);
  });

  it('when the operator erases a student, then no collection holds their id or their files, the other student keeps everything, and the report says what stays', async () => {
    const before = await findEverywhere(db, ERASED);
    // The data really is spread out: launch, route and its history, evidence, file, grade deliveries, audit trail.
    const collections = new Set(before.map((hit) => hit.split(' ')[0]));
    for (const name of ['lti_people', 'lti_memberships', 'routes', 'route_history', 'evidence_attempts', 'evidence.files', 'grade_deliveries', 'audit_trail']) expect(collections).toContain(name);
    const staysBefore = (await findEverywhere(db, STAYS)).length;
    const chunksBefore = await db.collection('evidence.chunks').countDocuments();

    // A preview first: the school learns of the audit-trail entries while it can still export them; nothing changes.
    const preview = await erase({ platformId: g.h.platform.id, sub: ERASED, preview: true });
    expect(preview.status).toBe(200);
    const previewed = ((await preview.json()) as { report: { preview?: boolean; erasureId: string | null; auditTrail?: { courses: { contextId: string }[]; notice: string } } }).report;
    expect(previewed).toMatchObject({ preview: true, erasureId: null });
    expect(previewed.auditTrail?.courses.map((c) => c.contextId)).toEqual([seeded.placement.contextId]);
    expect(previewed.auditTrail?.notice).toMatch(/would be removed/);
    expect(await findEverywhere(db, ERASED)).toEqual(before);
    expect(g.h.logLines.filter((line) => line.includes('personal data erased'))).toEqual([]);

    const res = await erase({ platformId: g.h.platform.id, sub: ERASED });
    expect(res.status).toBe(200);
    const { report } = (await res.json()) as {
      report: { erasureId: string; personRef: string; files: number; removed: { collection: string; documents: number }[]; stays: string[]; auditTrail?: { entries: number; courses: { contextId: string }[]; notice: string } };
    };
    // The decisions about the student (grade given, grade sent) went with them: the report says so, names the course,
    // and tells the school to export the course's trail for the exam board before an erasure.
    expect(report.auditTrail?.entries).toBeGreaterThanOrEqual(1);
    expect(report.auditTrail?.courses.map((c) => c.contextId)).toEqual([seeded.placement.contextId]);
    expect(report.auditTrail?.notice).toMatch(/removed with them.*export.*audit trail.*before asking for an erasure/);
    expect(report.removed.find((r) => r.collection === 'audit_trail')?.documents).toBe(report.auditTrail?.entries);

    expect(await findEverywhere(db, ERASED)).toEqual([]);
    expect(await findEverywhere(db, 'ERASED-MARKER')).toEqual([]);
    expect(await db.collection('evidence.chunks').countDocuments()).toBeLessThan(chunksBefore);
    expect(await findEverywhere(db, STAYS)).toHaveLength(staysBefore);
    expect((await findEverywhere(db, 'STAYS-MARKER')).length).toBeGreaterThan(0);

    expect(report.files).toBe(1);
    expect(report.removed.map((r) => r.collection)).toEqual(expect.arrayContaining(['lti_people', 'routes', 'evidence_attempts', 'grade_deliveries', 'audit_trail']));
    expect(report.stays.join(' ')).toMatch(/Grades already sent to the LMS gradebook stay there/);
    // The grade in the LMS itself is untouched: Playroute cannot reach into the gradebook.
    expect(g.h.lms.results().some((r) => r.userId === ERASED)).toBe(true);

    // Logged and recorded without the person: the erasure id, a hash and counts.
    const logged = g.h.logLines.filter((line) => line.includes('personal data erased'));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain(report.erasureId);
    expect(logged[0]).not.toContain(ERASED);
    expect(await db.collection('privacy_erasures').countDocuments({ _id: report.erasureId as never, personRef: report.personRef })).toBe(1);
    // The operator's token, sent with every call above (right and wrong), is in no log line.
    expect(g.h.logLines.filter((line) => line.includes(OPERATOR_KEY))).toEqual([]);
  });

  it('when a teacher who graded is erased, then the graded work of students stays, with the assessor pseudonymised', async () => {
    // The teacher also guides a student (named as coach in the study plan) and approved that student's route.
    const student = await seeded.launch(STAYS);
    const send = async (token: string, method: string, path: string, body: unknown) => {
      const res = await g.api(token, path, { method, body: JSON.stringify(body) });
      expect(res.status, await res.clone().text()).toBe(200);
      return ((await res.json()) as { route: { version: number } }).route;
    };
    const opened = ((await (await g.api(student, '/api/route')).json()) as { route: { version: number } }).route;
    const planned = await send(student, 'PUT', '/api/route/study-plan', { version: opened.version, ambition: 'Show it at work', demonstration: { description: 'A demo at my placement' }, coachId: teacherId() });
    const submitted = await send(student, 'POST', '/api/route/submit', { version: planned.version });
    const approved = await send(teacher, 'POST', `/api/coach/routes/${STAYS}/approve`, { version: submitted.version });
    const seenByStudent = ((await (await g.api(student, '/api/route')).json()) as { route: { version: number; entries: { activityId: string }[]; lastReview?: { by: string } } }).route;
    expect(seenByStudent).toMatchObject({ version: approved.version, lastReview: { by: teacherId() } });

    const res = await erase({ platformId: g.h.platform.id, sub: teacherId() });
    expect(res.status).toBe(200);
    // The teacher had no decisions ABOUT them in the trail: no notice.
    expect(((await res.json()) as { report: { auditTrail?: unknown } }).report.auditTrail).toBeUndefined();
    expect(await findEverywhere(db, teacherId())).toEqual([]);
    const attempt = await db.collection('evidence_attempts').findOne({ studentId: STAYS });
    expect(attempt?.status).toBe('graded');
    expect(String((attempt?.assessment as { assessorId?: string } | undefined)?.assessorId)).toMatch(/^erased-[0-9a-f]{12}$/);
    const trail = await db.collection('audit_trail').find({ studentId: STAYS, kind: 'grade-given' }).toArray();
    expect(trail).toHaveLength(1);
    expect(trail[0]?.actor).toEqual({ id: (attempt?.assessment as { assessorId: string }).assessorId, role: 'teacher' });
    // The pseudonym is random, not derived from the id: whoever holds the LMS's user list cannot recompute it.
    const pseudonym = (attempt?.assessment as { assessorId: string }).assessorId;
    for (const derived of [g.h.platform.id + '\u0000' + teacherId(), teacherId()]) expect(pseudonym).not.toContain(createHash('sha256').update(derived).digest('hex').slice(0, 12));

    // The route moved on with the erasure: a save from the page the student had open before it is refused as from an
    // older tab, so it cannot write the teacher's id back (this process still knew the route at that version), nor
    // answer it: neither a change nor the same route again.
    const { version } = seenByStudent;
    const changed = ['/api/route/study-plan', { version, ambition: 'Show it at school', demonstration: { description: 'A demo in class' } }] as const;
    const same = ['/api/route', { version, entries: seenByStudent.entries }] as const;
    for (const [path, body] of [same, changed]) {
      const stale = await g.api(student, path, { method: 'PUT', body: JSON.stringify(body) });
      expect(stale.status, await stale.clone().text()).toBe(409);
      expect(await stale.text()).not.toContain(teacherId());
    }
    expect(await findEverywhere(db, teacherId())).toEqual([]);
    const route = await db.collection('routes').findOne({ studentId: STAYS });
    expect(route?.lastReview).toMatchObject({ decision: 'approved', by: expect.stringMatching(/^erased-[0-9a-f]{12}$/) });
    expect(route?.studyPlan).toMatchObject({ coachId: expect.stringMatching(/^erased-[0-9a-f]{12}$/) });
  });
});

describe('the privacy admin API without PRIVACY_ADMIN_TOKEN', () => {
  it('does not exist, even when the registration key is set and presented', async () => {
    const h = await startLtiHarness({ env: { LTI_REGISTRATION_KEY: REGISTRATION_KEY } });
    try {
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${REGISTRATION_KEY}` };
      expect((await fetch(`${h.toolBase}/admin/privacy/erasures`, { method: 'POST', headers, body: JSON.stringify({ platformId: h.platform.id, sub: 'anyone' }) })).status).toBe(404);
      expect((await fetch(`${h.toolBase}/admin/privacy/retention`, { headers })).status).toBe(404);
    } finally {
      await h.close();
    }
  });
});
