// A student hands in files: stored whole in GridFS and returned byte for byte; too large or disguised files leave nothing behind.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPlacement, startGradingHarness, type GradingHarness, type SeededPlacement } from '../support/grading-seed';

interface AttemptBody {
  attempt: { id: string; items: Array<{ kind: string; file?: { fileId: string; filename: string; size: number } }> };
}
interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MB = 1024 * 1024;

describe('evidence files', () => {
  let g: GradingHarness;
  let seeded: SeededPlacement;
  let student: string;

  beforeAll(async () => {
    g = await startGradingHarness();
    seeded = await seedPlacement(g);
    student = await seeded.launch(g.h.lms.member('student').userId);
  });
  afterAll(async () => {
    await g.close();
  });

  function upload(token: string, filename: string, contentType: string, body: BodyInit, extra: RequestInit = {}): Promise<Response> {
    return g.api(token, `/api/evidence/outcomes/lo-plan/file?filename=${encodeURIComponent(filename)}`, {
      method: 'PUT',
      headers: { 'content-type': contentType },
      body,
      ...extra,
    });
  }

  async function stored(): Promise<{ files: number; chunks: number; attempts: number }> {
    const db = g.h.database.connection.db;
    if (!db) throw new Error('no database');
    return {
      files: await db.collection('evidence.files').countDocuments(),
      chunks: await db.collection('evidence.chunks').countDocuments(),
      attempts: await db.collection('evidence_attempts').countDocuments(),
    };
  }

  it('when a student uploads a picture of several chunks, then they download it byte for byte, and so does the teacher', async () => {
    const picture = Buffer.concat([PNG_SIGNATURE, randomBytes(700 * 1024)]);
    const res = await upload(student, 'plan overview.png', 'image/png', picture);
    expect(res.status).toBe(201);
    const { attempt } = (await res.json()) as AttemptBody;
    const file = attempt.items[0]?.file;
    expect(file).toMatchObject({ filename: 'plan overview.png', size: picture.length });

    const download = await g.api(student, `/api/evidence/files/${file?.fileId}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('content-disposition')).toContain('plan overview.png');
    expect(Buffer.from(await download.arrayBuffer()).equals(picture)).toBe(true);

    const teacher = await seeded.launch(g.h.lms.member('teacher').userId);
    const byTeacher = await g.api(teacher, `/api/evidence/files/${file?.fileId}`);
    expect(Buffer.from(await byTeacher.arrayBuffer()).equals(picture)).toBe(true);
  });

  it('when a file declares more than 20 MB, then it is refused with 413 naming the limit, before anything is stored', async () => {
    const before = await stored();
    const res = await upload(student, 'film.mp4', 'video/mp4', Buffer.alloc(21 * MB));
    expect(res.status).toBe(413);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('file_too_large');
    expect(body.error.message).toContain('20 MB');
    expect(await stored()).toEqual(before);
  });

  it('when a file without a declared length grows past 20 MB while streaming, then the partial file is removed and no record made', async () => {
    const before = await stored();
    const head = Buffer.alloc(MB);
    head.write('ftyp', 4, 'latin1');
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 22) return controller.close();
        controller.enqueue(sent === 0 ? head : Buffer.alloc(MB));
        sent += 1;
      },
    });
    const res = await upload(student, 'film.mp4', 'video/mp4', body, { duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorBody).error.code).toBe('file_too_large');
    expect(await stored()).toEqual(before);
  });

  it("when the student's browser breaks off an upload halfway, then neither the partial file nor a record stays", async () => {
    const before = await stored();
    const abort = new AbortController();
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent === 3) {
          // Give the server time to write the first chunks, then walk away.
          await new Promise((resolve) => setTimeout(resolve, 300));
          abort.abort();
          return;
        }
        controller.enqueue(sent === 0 ? Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(MB)]) : Buffer.alloc(MB));
        sent += 1;
      },
    });
    await expect(upload(student, 'report.pdf', 'application/pdf', body, { duplex: 'half', signal: abort.signal } as RequestInit)).rejects.toThrow();
    await expect.poll(stored, { timeout: 5000 }).toEqual(before);
  });

  it('when the declared type is not on the list, then 415 names the allowed types', async () => {
    const before = await stored();
    const res = await upload(student, 'run.exe', 'application/x-msdownload', Buffer.from('MZ....'));
    expect(res.status).toBe(415);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('file_type_not_allowed');
    expect(body.error.message).toContain('pdf');
    expect(await stored()).toEqual(before);
  });

  it('when a file claims to be a PDF but its bytes say otherwise, then it is refused and nothing is stored', async () => {
    const before = await stored();
    const res = await upload(student, 'report.pdf', 'application/pdf', Buffer.concat([Buffer.from('MZ'), randomBytes(400 * 1024)]));
    expect(res.status).toBe(415);
    expect(((await res.json()) as ErrorBody).error.message).toContain('not application/pdf');
    expect(await stored()).toEqual(before);
  });

  it('when a .txt file holds binary bytes from its very start, then it is refused and nothing is stored', async () => {
    const before = await stored();
    const res = await upload(student, 'notes.txt', 'text/plain', Buffer.concat([Buffer.from([0x00, 0x01, 0x02]), randomBytes(4096)]));
    expect(res.status).toBe(415);
    expect(((await res.json()) as ErrorBody).error.message).toContain('not text/plain');
    expect(await stored()).toEqual(before);
  });

  it('when a .txt file starts as text but hides binary bytes further on, then it is refused and nothing is stored', async () => {
    const before = await stored();
    // A harmless-looking first line, then an executable: the first bytes alone do not tell.
    const disguised = Buffer.concat([Buffer.from('My reflection on week one.\n'), Buffer.from('MZ'), Buffer.alloc(64 * 1024), randomBytes(700 * 1024)]);
    const res = await upload(student, 'reflection.txt', 'text/plain', disguised);
    expect(res.status).toBe(415);
    expect(((await res.json()) as ErrorBody).error.message).toContain('not text/plain');
    expect(await stored()).toEqual(before);
  });

  it('when a .txt file is plain text in Dutch with accents, then it is stored whole', async () => {
    const text = Buffer.from('Mijn reflectie: ik heb één opdracht afgerond, en daarna de coëfficiënten bekeken.\n'.repeat(2000));
    const res = await upload(student, 'reflectie.txt', 'text/plain; charset=utf-8', text);
    expect(res.status).toBe(201);
    const file = ((await res.json()) as AttemptBody).attempt.items.find((item) => item.file?.filename === 'reflectie.txt')?.file;
    const download = await g.api(student, `/api/evidence/files/${file?.fileId}`);
    expect(Buffer.from(await download.arrayBuffer()).equals(text)).toBe(true);
  });

  it('when the name and the type disagree, then the file is refused', async () => {
    const res = await upload(student, 'report.docx', 'application/pdf', Buffer.from('%PDF-1.7\n'));
    expect(res.status).toBe(415);
  });

  it('when the name is a path, then the upload is refused as invalid', async () => {
    const res = await upload(student, '../../etc/passwd.txt', 'text/plain', Buffer.from('hello'));
    expect(res.status).toBe(400);
  });
});
