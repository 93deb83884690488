// A student downloads everything Playroute holds about them: one zip (checked with the system's unzip, CRCs included)
// with data.json (route and its history, evidence and assessments, grades sent to the LMS, the audit trail of their
// grades, launch data) and their evidence files byte for byte; nothing of another student.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zip } from '../../server/features/privacy/index';
import { eventually } from '../support/eventually';
import { enrol, judgement, recordingPublisher, seedPlacement, type GradingHarness } from '../support/grading-seed';
import { startLtiHarness } from '../support/lti-harness';

const ME = 'u-student-exporting';
const OTHER = 'u-student-classmate';

/** Writes the archive to a temporary folder and asks unzip: the listing, a test of every entry, and each entry's bytes. */
function unzipped(archive: Buffer): { names: string[]; tested: string; read(name: string): Buffer; all: Buffer } {
  const dir = mkdtempSync(path.join(tmpdir(), 'playroute-export-'));
  const file = path.join(dir, 'export.zip');
  writeFileSync(file, archive);
  try {
    const listing = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' });
    const tested = execFileSync('unzip', ['-t', file], { encoding: 'utf8' });
    const names = listing.split('\n').filter(Boolean);
    const contents = new Map(names.map((name) => [name, execFileSync('unzip', ['-p', file, name])]));
    return { names, tested, read: (name) => contents.get(name) ?? Buffer.alloc(0), all: Buffer.concat([...contents.values()]) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('zip writer', () => {
  it('writes an archive unzip accepts, stored and deflated entries, UTF-8 names, empty files', () => {
    const random = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251));
    const text = Buffer.from('leeruitkomst '.repeat(2000));
    const archive = zip([
      { name: 'data.json', data: text },
      { name: 'files/plan – één.bin', data: random },
      { name: 'empty.txt', data: Buffer.alloc(0) },
    ]);
    const { names, tested, read } = unzipped(archive);
    expect(names).toEqual(['data.json', 'files/plan – één.bin', 'empty.txt']);
    expect(tested).toMatch(/No errors detected/);
    expect(read('data.json').equals(text)).toBe(true);
    expect(read('files/plan – één.bin').equals(random)).toBe(true);
    expect(archive.length).toBeLessThan(text.length);
  });
});

describe('a student downloads their data', () => {
  let g: GradingHarness;
  let me: string;
  let other: string;
  let fileBytes: Buffer;

  beforeAll(async () => {
    const h = await startLtiHarness({ passback: true });
    g = { h, publisher: recordingPublisher(), api: h.api, json: async (t, p, i) => { const r = await h.api(t, p, i); return { status: r.status, body: await r.json() }; }, close: () => h.close() };
    enrol(g, ME, 'student');
    enrol(g, OTHER, 'student');
    const seeded = await seedPlacement(g);
    const teacher = await seeded.launch(g.h.lms.member('teacher').userId);
    me = await seeded.launch(ME);
    other = await seeded.launch(OTHER);
    // A PNG's signature, then bytes: the upload checks the contents against the type.
    fileBytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 31) % 256))]);
    for (const [token, marker] of [[me, 'MY-MARKER'], [other, 'OTHER-MARKER']] as const) {
      const route = (await (await g.api(token, '/api/route')).json()) as { route: { version: number; entries: { activityId: string }[] } };
      await g.api(token, '/api/route', { method: 'PUT', body: JSON.stringify({ version: route.route.version, entries: route.route.entries.map((e) => ({ activityId: e.activityId })).reverse() }) });
      const upload = await g.api(token, `/api/evidence/outcomes/lo-plan/file?filename=${marker}.png`, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: new Uint8Array(marker === 'MY-MARKER' ? fileBytes : Buffer.concat([fileBytes.subarray(0, 8), Buffer.from(`${marker} file`)])) });
      expect(upload.status, await upload.clone().text()).toBe(201);
      const added = await g.api(token, '/api/evidence/outcomes/lo-plan/items', { method: 'POST', body: JSON.stringify({ kind: 'text', text: `${marker} plan` }) });
      const { attempt } = (await added.json()) as { attempt: { id: string } };
      expect((await g.api(token, `/api/evidence/attempts/${attempt.id}/submit`, { method: 'POST' })).status).toBe(200);
      expect((await g.api(teacher, `/api/assessment/attempts/${attempt.id}/grade`, { method: 'POST', body: JSON.stringify(judgement('good', {}, `Feedback ${marker}`)) })).status).toBe(200);
    }
    await eventually(async () => (await g.h.database.connection.db?.collection('grade_deliveries').countDocuments({ userId: ME, state: 'sent' })) ?? 0, (n) => n >= 1);
  });
  afterAll(async () => {
    await g.close();
  });

  it('when the student downloads their data, then the zip holds all of it and their file byte for byte, and nothing of a classmate', async () => {
    const res = await g.api(me, '/api/privacy/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="?playroute-my-data-\d{4}-\d{2}-\d{2}\.zip/);
    const { names, tested, read, all } = unzipped(Buffer.from(await res.arrayBuffer()));
    expect(tested).toMatch(/No errors detected/);

    const data = JSON.parse(read('data.json').toString('utf8')) as { person: { sub: string }; collections: Record<string, { documents: Record<string, unknown>[] }>; files: { path: string }[] };
    expect(data.person.sub).toBe(ME);
    for (const name of ['lti_people', 'lti_memberships', 'routes', 'route_history', 'evidence_attempts', 'grade_deliveries', 'audit_trail']) {
      expect(Object.keys(data.collections), name).toContain(name);
    }
    const attempt = data.collections.evidence_attempts?.documents[0] as { studentId: string; items: { text?: string }[]; assessment: { comment: string } };
    expect(attempt).toMatchObject({ studentId: ME, assessment: { comment: 'Feedback MY-MARKER' } });
    expect(data.collections.grade_deliveries?.documents.some((d) => d.state === 'sent')).toBe(true);
    expect(data.collections.audit_trail?.documents.map((d) => d.kind)).toEqual(expect.arrayContaining(['grade-given', 'grade-sent']));

    const [file] = data.files;
    expect(names).toContain(file?.path);
    expect(file?.path).toMatch(/MY-MARKER\.png$/);
    expect(read(file?.path ?? '').equals(fileBytes)).toBe(true);

    expect(all.includes('MY-MARKER')).toBe(true);
    expect(all.includes('OTHER-MARKER')).toBe(false);
    expect(all.includes(OTHER)).toBe(false);
  });

  it('when the classmate downloads theirs, then it is theirs alone; without a session there is no export', async () => {
    const { all } = unzipped(Buffer.from(await (await g.api(other, '/api/privacy/export')).arrayBuffer()));
    expect(all.includes('OTHER-MARKER')).toBe(true);
    expect(all.includes('MY-MARKER')).toBe(false);
    expect(all.includes(ME)).toBe(false);
    expect((await fetch(`${g.h.toolBase}/api/privacy/export`)).status).toBe(401);
  });
});
