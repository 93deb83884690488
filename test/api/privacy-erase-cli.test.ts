// `npm run privacy:erase` as an operator runs it: the real command (node server/cli/run.js erase-person, what the npm
// script runs) in its own process, against the store of a running Playroute that holds a student's data from a real
// launch. It prints the report, and afterwards no collection holds the student's id.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from 'mongodb';
import { testMongoUri } from '../support/database';
import { startLtiHarness, type LtiHarness } from '../support/lti-harness';
import { handInText, recordingPublisher, seedPlacement, enrol, judgement, type GradingHarness } from '../support/grading-seed';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const STUDENT = 'u-student-cli-erase';
const OTHER = 'u-student-cli-stays';

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const base = { ...process.env };
  delete base.MONGODB_URI;
  delete base.NODE_ENV;
  delete base.VITEST;
  return new Promise((resolve) => {
    execFile(process.execPath, ['server/cli/run.js', 'erase-person', ...args], { cwd: ROOT, env: { ...base, LOG_LEVEL: 'warn', ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

/** The run's MongoDB address with the harness's database name. */
function uriFor(dbName: string): string {
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]+)\/?[^?]*(\?.*)?$/.exec(testMongoUri());
  if (!match) throw new Error('unexpected MongoDB URI');
  return `${match[1]}/${dbName}${match[2] ?? ''}`;
}

/** "collection path" of every string in every collection that contains `needle`. */
async function findEverywhere(db: Db, needle: string): Promise<string[]> {
  const hits: string[] = [];
  const visit = (value: unknown, where: string) => {
    if (typeof value === 'string') {
      if (value.includes(needle)) hits.push(where);
    } else if (Array.isArray(value)) value.forEach((v) => visit(v, where));
    else if (value && typeof value === 'object' && !(value instanceof Date) && !(value as { _bsontype?: string })._bsontype) {
      for (const [k, v] of Object.entries(value)) visit(v, `${where}.${k}`);
    }
  };
  for (const { name } of await db.listCollections().toArray()) for (const doc of await db.collection(name).find().toArray()) visit(doc, name);
  return hits;
}

describe('npm run privacy:erase', () => {
  let h: LtiHarness;
  let db: Db;
  beforeAll(async () => {
    h = await startLtiHarness({ gradePublisher: recordingPublisher() });
    const g: GradingHarness = { h, publisher: recordingPublisher(), api: h.api, json: async (t, p, i) => { const r = await h.api(t, p, i); return { status: r.status, body: await r.json() }; }, close: () => h.close() };
    if (!h.database.connection.db) throw new Error('no database');
    db = h.database.connection.db as unknown as Db;
    enrol(g, STUDENT, 'student');
    enrol(g, OTHER, 'student');
    const seeded = await seedPlacement(g);
    const teacher = await seeded.launch(h.lms.member('teacher').userId);
    for (const student of [STUDENT, OTHER]) {
      const token = await seeded.launch(student);
      expect((await g.api(token, '/api/route')).status).toBe(200);
      const attemptId = await handInText(g, token, `plan of ${student}`);
      expect((await g.api(teacher, `/api/assessment/attempts/${attemptId}/grade`, { method: 'POST', body: JSON.stringify(judgement('good')) })).status).toBe(200);
    }
  });
  afterAll(async () => {
    await h.close();
  });

  it('refuses without --sub, with exit code 2 and one line naming it', async () => {
    const result = await run(['--platform-id', h.platform.id], { MONGODB_URI: uriFor(h.database.connection.name) });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('privacy:erase: --sub is required');
    expect(await findEverywhere(db, STUDENT)).not.toEqual([]);
  });

  it('with --preview, says what would go, names the audit trail to export first, and changes nothing', async () => {
    const before = await findEverywhere(db, STUDENT);
    const result = await run(['--platform-id', h.platform.id, '--sub', STUDENT, '--preview'], { MONGODB_URI: uriFor(h.database.connection.name) });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { erasureId: string | null; preview?: boolean; removed: { collection: string; documents: number }[]; auditTrail?: { entries: number; courses: { contextId: string }[]; notice: string } };
    expect(report.preview).toBe(true);
    expect(report.erasureId).toBeNull();
    expect(report.removed.map((r) => r.collection)).toEqual(expect.arrayContaining(['lti_people', 'routes', 'evidence_attempts', 'audit_trail']));
    expect(report.auditTrail?.courses).toHaveLength(1);
    expect(report.auditTrail?.notice).toMatch(/would be removed.*export each course’s audit trail.*now, before erasing/);
    expect(await findEverywhere(db, STUDENT)).toEqual(before);
    expect(await db.collection('privacy_erasures').countDocuments()).toBe(0);
  });

  it('erases the student: prints what was removed, the audit-trail notice and what stays; their id is nowhere, the classmate keeps everything', async () => {
    const before = new Set((await findEverywhere(db, STUDENT)).map((hit) => hit.split('.')[0]));
    for (const name of ['lti_people', 'lti_memberships', 'routes', 'evidence_attempts', 'audit_trail']) expect(before).toContain(name);
    const otherBefore = (await findEverywhere(db, OTHER)).length;

    const result = await run(['--platform-id', h.platform.id, '--sub', STUDENT], { MONGODB_URI: uriFor(h.database.connection.name) });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { erasureId: string; removed: { collection: string; documents: number }[]; stays: string[]; auditTrail?: { entries: number; notice: string } };
    expect(report.removed.map((r) => r.collection)).toEqual(expect.arrayContaining(['lti_people', 'lti_memberships', 'routes', 'evidence_attempts', 'audit_trail']));
    expect(report.stays.join(' ')).toMatch(/Grades already sent to the LMS gradebook stay there/);
    expect(report.auditTrail?.entries).toBeGreaterThanOrEqual(1);
    expect(report.auditTrail?.notice).toMatch(/exports the course’s audit trail/);
    expect(result.stdout).not.toContain(STUDENT);

    expect(await findEverywhere(db, STUDENT)).toEqual([]);
    expect(await findEverywhere(db, OTHER)).toHaveLength(otherBefore);
    expect(await db.collection('privacy_erasures').countDocuments({ _id: report.erasureId as never })).toBe(1);
  });
});
