// From a student's hand-in to the LMS gradebook: the grade a teacher gives arrives as a score, through the real outbox and worker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { type GradingHarness, handInText, judgement, seedPlacement, startGradingHarness } from '../support/grading-seed';
import { seedPlaybook } from '../support/playbook-seed';

interface Delivery {
  id: string;
  userId: string;
  state: string;
  scoreGiven?: number;
  gradingProgress: string;
}

describe('grade passback, end to end', () => {
  let g: GradingHarness;
  beforeAll(async () => {
    g = await startGradingHarness({ passback: true });
  });
  afterAll(async () => {
    await g.close();
  });

  it('when a teacher grades handed-in work, the LMS receives the grade on the placement’s line item, and the teacher sees it sent', async () => {
    const seeded = await seedPlacement(g);
    const studentId = g.h.lms.member('student').userId;
    const student = await seeded.launch(studentId);
    const teacher = await seeded.launch(g.h.lms.member('teacher').userId);

    const attemptId = await handInText(g, student, 'My project plan');
    const graded = await g.api(teacher, `/api/assessment/attempts/${attemptId}/grade`, { method: 'POST', body: JSON.stringify(judgement('good', {}, 'Excellent plan.')) });
    expect(graded.status).toBe(200);

    const scores = await eventually(
      () => g.h.lms.scores().filter((s) => s.userId === studentId && s.accepted && (s.body as { gradingProgress?: string }).gradingProgress === 'FullyGraded'),
      (found) => found.length > 0,
    );
    expect(scores).toHaveLength(1);
    expect(scores[0]?.body).toMatchObject({ scoreGiven: 10, scoreMaximum: 10, activityProgress: 'Completed', gradingProgress: 'FullyGraded' });
    expect((scores[0]?.body as { comment?: string }).comment).toBe('10.0\nPlans a project: 10.0 — Excellent plan.');
    const column = g.h.lms.lineItems().filter((item) => item.resourceId === seeded.playbookId);
    expect(column).toHaveLength(1);
    expect(column[0]?.tag).toBe('playroute-final-grade');

    const view = await eventually(
      async () => ((await (await g.api(teacher, '/api/grades/deliveries')).json()) as { deliveries: Delivery[] }).deliveries,
      (deliveries) => deliveries.some((d) => d.gradingProgress === 'FullyGraded' && d.state === 'sent'),
    );
    expect(view.find((d) => d.gradingProgress === 'FullyGraded')).toMatchObject({ userId: studentId, state: 'sent', scoreGiven: 10 });
  });

  it('when a coach approves a route, the LMS hears that the student has started (activity progress, no score)', async () => {
    const seeded = await seedPlaybook(g.h);
    const studentId = g.h.lms.member('student').userId;
    const launch = async (user: string) => (await g.h.browser().launch({ user, placement: seeded.placement })).sessionToken ?? '';
    const student = await launch(studentId);
    const coach = await launch(g.h.lms.member('coach').userId);
    const send = (token: string, method: string, path: string, body: unknown) => g.api(token, path, { method, body: JSON.stringify(body) });
    const opened = (await (await g.api(student, '/api/route')).json()) as { route: { version: number } };
    const submitted = await send(student, 'POST', '/api/route/submit', { version: opened.route.version });
    expect(submitted.status, await submitted.clone().text()).toBe(200);
    const { route } = (await submitted.json()) as { route: { version: number } };
    expect((await send(coach, 'POST', `/api/coach/routes/${studentId}/approve`, { version: route.version })).status).toBe(200);

    const started = await eventually(
      () => g.h.lms.scores().filter((s) => s.userId === studentId && s.accepted && (s.body as { activityProgress?: string }).activityProgress === 'Started'),
      (found) => found.length > 0,
    );
    expect(started[0]?.body).toMatchObject({ activityProgress: 'Started', gradingProgress: 'NotReady' });
    expect(started[0]?.body).not.toHaveProperty('scoreGiven');
  });

  it('a student cannot see the delivery view, and a retry of a delivery that does not exist is 404', async () => {
    const seeded = await seedPlacement(g);
    const student = await seeded.launch(g.h.lms.member('student').userId);
    const teacher = await seeded.launch(g.h.lms.member('teacher').userId);
    expect((await g.api(student, '/api/grades/deliveries')).status).toBe(403);
    expect((await g.api(teacher, '/api/grades/deliveries/no-such-delivery/retry', { method: 'POST' })).status).toBe(404);
    expect((await g.api(teacher, '/api/grades/deliveries?state=lost')).status).toBe(400);
  });
});
