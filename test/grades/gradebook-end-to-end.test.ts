// Issue 9 as the teacher met it in Moodle: a 10 in the gradebook, then a route approval and a new hand-in through Playroute itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { type GradingHarness, handInText, judgement, seedPlacement, startGradingHarness } from '../support/grading-seed';

describe('the gradebook keeps the teacher’s grade, end to end', () => {
  let g: GradingHarness;
  beforeAll(async () => {
    g = await startGradingHarness({ passback: true });
    // Moodle stores an empty grade for every score that is not FullyGraded.
    g.h.lms.setQuirks('moodle');
  });
  afterAll(async () => {
    await g.close();
  });

  it('after the teacher’s grade reached Moodle, a route approval and a new hand-in leave it in the gradebook', async () => {
    const seeded = await seedPlacement(g);
    const studentId = g.h.lms.member('student').userId;
    const student = await seeded.launch(studentId);
    const teacher = await seeded.launch(g.h.lms.member('teacher').userId);
    const coach = await seeded.launch(g.h.lms.member('coach').userId);
    const handIn = (text: string) => handInText(g, student, text);
    const cell = () => g.h.lms.results().find((r) => r.userId === studentId && g.h.lms.lineItems().find((i) => i.id === r.lineItemId)?.resourceId === seeded.playbookId);

    const first = await handIn('My project plan');
    const graded = await g.api(teacher, `/api/assessment/attempts/${first}/grade`, { method: 'POST', body: JSON.stringify(judgement('good', {}, 'Excellent plan.')) });
    expect(graded.status).toBe(200);
    expect(await eventually(cell, (c) => c?.resultScore === 10)).toMatchObject({ resultScore: 10 });

    // The route is (re)approved after the grade.
    const opened = (await (await g.api(student, '/api/route')).json()) as { route: { version: number } };
    const submitted = await g.api(student, '/api/route/submit', { method: 'POST', body: JSON.stringify({ version: opened.route.version }) });
    expect(submitted.status, await submitted.clone().text()).toBe(200);
    const { route } = (await submitted.json()) as { route: { version: number } };
    expect((await g.api(coach, `/api/coach/routes/${studentId}/approve`, { method: 'POST', body: JSON.stringify({ version: route.version }) })).status).toBe(200);
    // And the student hands in again.
    await handIn('My revised project plan');

    // Wait for the outbox to go quiet, then read what a teacher would see in Moodle.
    await eventually(
      async () => ((await (await g.api(teacher, '/api/grades/deliveries')).json()) as { deliveries: { state: string }[] }).deliveries,
      (deliveries) => deliveries.every((d) => d.state !== 'waiting' && d.state !== 'sending'),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(cell()).toMatchObject({ resultScore: 10 });
    const emptying = g.h.lms.scores().filter((s) => s.userId === studentId && s.accepted && (s.body as { gradingProgress?: string }).gradingProgress !== 'FullyGraded');
    // The only progress-only score is the one from before any grade existed: none came after it.
    expect(emptying.every((s) => s.receivedAt < (g.h.lms.scores().find((x) => (x.body as { scoreGiven?: number }).scoreGiven === 10)?.receivedAt ?? 0))).toBe(true);
  });
});
