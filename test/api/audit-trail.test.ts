// The exam board's audit trail: every assessment decision (grade given or changed, prior-learning decision, second
// assessor, grade sent or resent) is appended with who, when, what changed and why; the course's teacher reads and
// exports it; nothing edits it, neither through the API nor through the model.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditModel } from '../../server/features/audit-trail/index';
import { eventually } from '../support/eventually';
import { enrol, judgement, seedPlacement, startGradingHarness, type GradingHarness, type SeededPlacement } from '../support/grading-seed';

interface Entry {
  id: string;
  kind: string;
  actor: { id: string; role: string };
  studentId: string;
  attemptId?: string;
  outcomeId?: string;
  before?: Record<string, unknown>;
  after: Record<string, unknown>;
  comment?: string;
  at: string;
}

describe('the audit trail of assessment decisions', () => {
  let g: GradingHarness;
  let seeded: SeededPlacement;
  let teacher: string;
  let secondTeacher: string;
  const teacherId = () => g.h.lms.member('teacher').userId;
  const studentId = () => g.h.lms.member('student').userId;

  beforeAll(async () => {
    g = await startGradingHarness({ passback: true });
    enrol(g, 'u-teacher-second', 'teacher');
    seeded = await seedPlacement(g);
    teacher = await seeded.launch(teacherId());
    secondTeacher = await seeded.launch('u-teacher-second');
    const put = await g.api(teacher, '/api/assessment/settings/outcomes/lo-plan', {
      method: 'PUT',
      body: JSON.stringify({ scoringRule: { kind: 'non-compensatory' }, scale: { kind: 'ten-point', mapping: { kind: 'linear' } }, mastery: { kind: 'most-recent' }, priorLearningFourEyes: true }),
    });
    expect(put.status).toBe(200);
  });
  afterAll(async () => {
    await g.close();
  });

  const post = (token: string, path: string, body?: unknown) => g.api(token, path, { method: 'POST', ...(body ? { body: JSON.stringify(body) } : {}) });

  async function handIn(student: string, items: unknown[]): Promise<string> {
    let attemptId = '';
    for (const item of items) {
      const res = await post(student, '/api/evidence/outcomes/lo-plan/items', item);
      expect(res.status).toBe(201);
      attemptId = ((await res.json()) as { attempt: { id: string } }).attempt.id;
    }
    expect((await post(student, `/api/evidence/attempts/${attemptId}/submit`)).status).toBe(200);
    return attemptId;
  }

  async function trail(token = teacher): Promise<Entry[]> {
    const res = await g.api(token, '/api/audit-trail');
    expect(res.status).toBe(200);
    return ((await res.json()) as { entries: Entry[] }).entries;
  }

  it('when a teacher grades, then the trail holds the grade given (who, role, before/after, comment) and the grades sent; a later attempt is a grade changed', async () => {
    const student = await seeded.launch(studentId());
    const first = await handIn(student, [{ kind: 'text', text: 'My plan' }]);
    expect((await post(teacher, `/api/assessment/attempts/${first}/grade`, judgement('good', {}, 'Strong plan.'))).status).toBe(200);

    const given = (await trail()).filter((e) => e.attemptId === first);
    expect(given.map((e) => e.kind)).toEqual(['grade-given', 'grade-sent']);
    expect(given[0]).toMatchObject({
      actor: { id: teacherId(), role: 'teacher' },
      studentId: studentId(),
      outcomeId: 'lo-plan',
      before: { status: 'submitted' },
      after: { status: 'graded', fraction: 1, passed: true },
      comment: 'Strong plan.',
    });
    expect(given[1]).toMatchObject({ actor: { role: 'system' }, after: { column: 'outcome', scoreGiven: 10, scoreMaximum: 10 } });
    // The only outcome is graded, so the final grade goes out too.
    expect((await trail()).some((e) => e.kind === 'grade-sent' && e.after.column === 'final' && e.studentId === studentId())).toBe(true);

    const second = await handIn(student, [{ kind: 'text', text: 'My plan, again' }]);
    expect((await post(teacher, `/api/assessment/attempts/${second}/grade`, judgement('insufficient', {}, 'Weaker this time.'))).status).toBe(200);
    const changed = (await trail()).find((e) => e.attemptId === second && e.kind !== 'grade-sent');
    expect(changed).toMatchObject({ kind: 'grade-changed', before: { attemptId: first, passed: true }, after: { attemptId: second, passed: false }, comment: 'Weaker this time.' });
  });

  it('when a prior-learning claim is decided by two assessors, then both decisions are in the trail with their verdicts', async () => {
    enrol(g, 'u-student-claimer', 'student');
    const student = await seeded.launch('u-student-claimer');
    const attemptId = await handIn(student, [
      { kind: 'prior-learning', claim: 'prior_learning', description: 'PRINCE2 Foundation certificate' },
      { kind: 'link', url: 'https://certificates.example.com/123' },
    ]);
    expect((await post(teacher, `/api/assessment/attempts/${attemptId}/grade`, judgement('good'))).status).toBe(200);
    expect((await post(secondTeacher, `/api/assessment/attempts/${attemptId}/decisions`, { verdict: 'pass', comment: 'Certificate checked.' })).status).toBe(200);

    const entries = (await trail()).filter((e) => e.attemptId === attemptId);
    expect(entries.map((e) => e.kind)).toEqual(['prior-learning-decision', 'second-assessor', 'grade-sent']);
    expect(entries[0]).toMatchObject({ actor: { id: teacherId() }, after: { status: 'awaiting-second-assessor', decisions: [{ assessorId: teacherId(), verdict: 'pass' }] } });
    expect(entries[1]).toMatchObject({
      actor: { id: 'u-teacher-second', role: 'teacher' },
      before: { status: 'awaiting-second-assessor' },
      after: { status: 'graded', passed: true },
      comment: 'Certificate checked.',
    });
  });

  it('when a teacher resends a grade, then the resend is in the trail under their name', async () => {
    const rowOf = async () =>
      ((await (await g.api(teacher, '/api/grades/gradebook')).json()) as { rows: Array<{ id: string; userId: string; check: string }> }).rows.find((r) => r.userId === studentId());
    const row = await eventually(rowOf, (r) => r?.check === 'agrees');
    const answer = await post(teacher, `/api/grades/gradebook/${row?.id ?? ''}/resend`);
    expect(answer.status).toBe(200);
    // The resend is a new delivery of the same cell: the trail names the one it queued.
    const { delivery } = (await answer.json()) as { delivery: { id: string } };
    const resent = (await trail()).filter((e) => e.kind === 'grade-resent');
    expect(resent).toHaveLength(1);
    expect(resent[0]).toMatchObject({ actor: { id: teacherId(), role: 'teacher' }, studentId: studentId(), after: { how: 'resend', deliveryId: delivery.id, scoreGiven: expect.any(Number) } });
  });

  it('when anyone tries to change or remove an entry through the API, then there is no such route; a student may not read it', async () => {
    const [entry] = await trail();
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
      for (const path of ['/api/audit-trail', `/api/audit-trail/${entry?.id ?? ''}`]) {
        const res = await g.api(teacher, path, { method, body: JSON.stringify({ comment: 'rewritten' }) });
        expect([404, 405]).toContain(res.status);
      }
    }
    expect((await trail()).find((e) => e.id === entry?.id)).toEqual(entry);
    const student = await seeded.launch(studentId());
    expect((await g.api(student, '/api/audit-trail')).status).toBe(403);
    expect((await g.api(student, '/api/audit-trail/export')).status).toBe(403);
  });

  it('when code tries to update or delete through the model, then the model refuses', async () => {
    const model = auditModel(g.h.database.connection);
    const before = await model.countDocuments();
    await expect(model.updateOne({}, { $set: { comment: 'rewritten' } })).rejects.toThrow(/append-only/);
    await expect(model.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(model.findOneAndDelete({})).rejects.toThrow(/append-only/);
    const doc = await model.findOne();
    if (!doc) throw new Error('no entry');
    doc.comment = 'rewritten';
    await expect(doc.save()).rejects.toThrow(/append-only/);
    expect(await model.countDocuments()).toBe(before);
    expect(await model.countDocuments({ comment: 'rewritten' })).toBe(0);
  });

  it('when the teacher exports for the exam board, then CSV and JSON hold every entry of the course', async () => {
    const entries = await trail();
    const csv = await g.api(teacher, '/api/audit-trail/export?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="?audit-trail-.*\.csv"?/);
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('at,kind,actorId,actorRole,studentId,outcomeId,attemptId,resourceLinkId,before,after,comment');
    expect(lines).toHaveLength(entries.length + 1);
    expect(lines.some((l) => l.includes('second-assessor') && l.includes('Certificate checked.'))).toBe(true);
    const json = (await (await g.api(teacher, '/api/audit-trail/export')).json()) as { entries: Entry[] };
    expect(json.entries).toEqual(entries);
  });

  it('when a teacher of another course reads the trail, then it holds none of this course', async () => {
    const { launchInOtherCourse } = await import('../support/teacher-api');
    const other = await launchInOtherCourse(g.h, 'course-elsewhere');
    expect(await trail(other)).toEqual([]);
  });
});
