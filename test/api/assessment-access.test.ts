// Nobody reaches evidence that is not theirs to see: other students', another course's, or grading meant for teachers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgement, seedOtherCourse, seedPlacement, startGradingHarness, type GradingHarness, type SeededPlacement } from '../support/grading-seed';

interface AttemptBody {
  attempt: { id: string; items: Array<{ file?: { fileId: string } }> };
}

describe('who may see and grade evidence', () => {
  let g: GradingHarness;
  let seeded: SeededPlacement;
  let daan: string;
  let fleur: string;
  let teacher: string;
  let attemptId: string;
  let fileId: string;

  beforeAll(async () => {
    g = await startGradingHarness();
    seeded = await seedPlacement(g);
    daan = await seeded.launch('u-student-daan');
    fleur = await seeded.launch('u-student-fleur');
    teacher = await seeded.launch(g.h.lms.member('teacher').userId);
    const res = await g.api(daan, `/api/evidence/outcomes/lo-plan/file?filename=report.pdf`, {
      method: 'PUT',
      headers: { 'content-type': 'application/pdf' },
      body: Buffer.from('%PDF-1.7\nDaan only\n'),
    });
    const { attempt } = (await res.json()) as AttemptBody;
    attemptId = attempt.id;
    fileId = attempt.items[0]?.file?.fileId ?? '';
    await g.api(daan, `/api/evidence/attempts/${attemptId}/submit`, { method: 'POST' });
  });
  afterAll(async () => {
    await g.close();
  });

  it("when a student asks for another student's attempt or file, then it is not found", async () => {
    expect((await g.api(fleur, `/api/evidence/attempts/${attemptId}`)).status).toBe(404);
    expect((await g.api(fleur, `/api/evidence/files/${fileId}`)).status).toBe(404);
    const list = (await (await g.api(fleur, '/api/evidence/attempts')).json()) as { attempts: unknown[] };
    expect(list.attempts).toEqual([]);
    // The owner still reaches both.
    expect((await g.api(daan, `/api/evidence/files/${fileId}`)).status).toBe(200);
  });

  it('when a student tries to grade, read the queue, an attempt detail or decide on a claim, then it is forbidden', async () => {
    expect((await g.api(daan, `/api/assessment/attempts/${attemptId}/grade`, { method: 'POST', body: JSON.stringify(judgement('good')) })).status).toBe(403);
    expect((await g.api(daan, '/api/assessment/queue')).status).toBe(403);
    expect((await g.api(daan, `/api/assessment/attempts/${attemptId}`)).status).toBe(403);
    expect((await g.api(daan, `/api/assessment/attempts/${attemptId}/decisions`, { method: 'POST', body: JSON.stringify({ verdict: 'pass' }) })).status).toBe(403);
    expect((await g.api(daan, '/api/assessment/settings')).status).toBe(403);
  });

  it('when a teacher of another course asks for this course’s attempt or file, then it is not found and their queue is empty', async () => {
    const other = await seedOtherCourse(g);
    expect((await g.api(other.teacher, `/api/assessment/attempts/${attemptId}`)).status).toBe(404);
    expect((await g.api(other.teacher, `/api/assessment/attempts/${attemptId}/grade`, { method: 'POST', body: JSON.stringify(judgement('good')) })).status).toBe(404);
    expect((await g.api(other.teacher, `/api/evidence/files/${fileId}`)).status).toBe(404);
    const queue = (await (await g.api(other.teacher, '/api/assessment/queue')).json()) as { items: unknown[] };
    expect(queue.items).toEqual([]);
  });

  it('when a teacher of this course hands in evidence, then it is forbidden: evidence is the student’s', async () => {
    const res = await g.api(teacher, '/api/evidence/outcomes/lo-plan/items', { method: 'POST', body: JSON.stringify({ kind: 'text', text: 'x' }) });
    expect(res.status).toBe(403);
  });

  it('when a file id is made up or malformed, then it is not found', async () => {
    expect((await g.api(teacher, '/api/evidence/files/000000000000000000000000')).status).toBe(404);
    expect((await g.api(teacher, '/api/evidence/files/not-an-id')).status).toBe(404);
  });

  it('when the teacher of this course opens the attempt, then they see the evidence and may grade it', async () => {
    expect((await g.api(teacher, `/api/evidence/files/${fileId}`)).status).toBe(200);
    const graded = await g.api(teacher, `/api/assessment/attempts/${attemptId}/grade`, { method: 'POST', body: JSON.stringify(judgement('good')) });
    expect(graded.status).toBe(200);
  });
});
