// The teacher checks the gradebook: per student the grade Playroute believes the LMS holds, the LMS's own value read back through AGS results, and a resend.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { type GradingHarness, handInText, judgement, seedPlacement, startGradingHarness } from '../support/grading-seed';

interface Row {
  id: string;
  userId: string;
  believed?: { scoreGiven: number; scoreMaximum: number };
  lms?: { resultScore?: number; resultMaximum?: number };
  check: 'agrees' | 'differs' | 'unchecked';
  reason?: string;
}

for (const quirks of ['moodle', 'canvas'] as const) {
  describe(`${quirks}: the teacher’s gradebook check`, () => {
    let g: GradingHarness;
    beforeAll(async () => {
      g = await startGradingHarness({ passback: true });
      g.h.lms.setQuirks(quirks);
    });
    afterAll(async () => {
      await g.close();
    });

    it('agrees after the grade went out; differs when the grade was changed in the LMS behind Playroute’s back; resend restores it', async () => {
      const seeded = await seedPlacement(g);
      const studentId = g.h.lms.member('student').userId;
      const student = await seeded.launch(studentId);
      const teacher = await seeded.launch(g.h.lms.member('teacher').userId);
      const attemptId = await handInText(g, student, 'My project plan');
      expect((await g.api(teacher, `/api/assessment/attempts/${attemptId}/grade`, { method: 'POST', body: JSON.stringify(judgement('good', {}, 'Excellent plan.')) })).status).toBe(200);

      const rowOf = async () => ((await (await g.api(teacher, '/api/grades/gradebook')).json()) as { rows: Row[] }).rows.find((r) => r.userId === studentId);
      const agreeing = await eventually(rowOf, (row) => row?.check === 'agrees');
      expect(agreeing).toMatchObject({ believed: { scoreGiven: 10, scoreMaximum: 10 }, lms: { resultScore: 10 }, check: 'agrees' });

      // A teacher edits the grade in the LMS itself.
      const column = g.h.lms.lineItems().find((item) => item.resourceId === seeded.playbookId);
      g.h.lms.setGradebookValue({ lineItemId: column?.id ?? '', userId: studentId, resultScore: 4 });
      expect(await rowOf()).toMatchObject({ believed: { scoreGiven: 10 }, lms: { resultScore: 4 }, check: 'differs' });
      // Or empties it: Moodle's results then carry no score at all.
      g.h.lms.setGradebookValue({ lineItemId: column?.id ?? '', userId: studentId, resultScore: undefined });
      const emptied = await rowOf();
      expect(emptied?.check).toBe('differs');
      expect(emptied?.lms?.resultScore).toBeUndefined();

      const resent = await g.api(teacher, `/api/grades/gradebook/${agreeing?.id ?? ''}/resend`, { method: 'POST' });
      expect(resent.status).toBe(200);
      expect(await eventually(rowOf, (row) => row?.check === 'agrees')).toMatchObject({ lms: { resultScore: 10 }, check: 'agrees' });
      expect(g.h.lms.results().find((r) => r.userId === studentId && r.lineItemId === column?.id)).toMatchObject({ resultScore: 10 });
    });

    it('only a teacher sees it, and a resend of a grade that is not in this course is not found', async () => {
      const seeded = await seedPlacement(g);
      const student = await seeded.launch(g.h.lms.member('student').userId);
      const teacher = await seeded.launch(g.h.lms.member('teacher').userId);
      expect((await g.api(student, '/api/grades/gradebook')).status).toBe(403);
      expect((await g.api(student, '/api/grades/gradebook/x/resend', { method: 'POST' })).status).toBe(403);
      expect((await g.api(teacher, '/api/grades/gradebook/no-such-grade/resend', { method: 'POST' })).status).toBe(404);
    });
  });
}

describe('when the LMS does not let Playroute read grades back', () => {
  let g: GradingHarness;
  beforeAll(async () => {
    g = await startGradingHarness({ passback: true });
  });
  afterAll(async () => {
    await g.close();
  });

  it('the check says it could not check, with the reason, rather than guess', async () => {
    const seeded = await seedPlacement(g);
    const studentId = g.h.lms.member('student').userId;
    const student = await seeded.launch(studentId);
    const teacher = await seeded.launch(g.h.lms.member('teacher').userId);
    const attemptId = await handInText(g, student, 'Plan');
    await g.api(teacher, `/api/assessment/attempts/${attemptId}/grade`, { method: 'POST', body: JSON.stringify(judgement('good')) });
    const rowOf = async () => ((await (await g.api(teacher, '/api/grades/gradebook')).json()) as { rows: Row[] }).rows.find((r) => r.userId === studentId);
    await eventually(rowOf, (row) => row?.check === 'agrees');
    // The LMS stops answering its services (as one without a results service would: 404).
    g.h.lms.injectFailures({ rate: 1, statuses: [404] });
    const row = await rowOf();
    g.h.lms.injectFailures(null);
    expect(row).toMatchObject({ believed: { scoreGiven: 10 }, check: 'unchecked' });
    expect(row?.reason).toBeTruthy();
  });
});
