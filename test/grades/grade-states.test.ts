import { afterEach, describe, expect, it } from 'vitest';
import { DEPLOYMENT_ID } from '../support/lti-harness';
import { startGradesHarness, type GradesHarness } from './grades-harness';

describe('what a teacher sees of grades on their way to the LMS', () => {
  let h: GradesHarness;
  afterEach(async () => h.stop());
  const scope = (harness: GradesHarness) => ({ platformId: harness.platform.id, deploymentId: DEPLOYMENT_ID, contextId: harness.lms.course.id });

  it('when a teacher regrades before the first grade went out, only the newer grade reaches the LMS', async () => {
    h = await startGradesHarness();
    const first = await h.queue(h.grade({ score: { scoreGiven: 4 } }));
    const second = await h.queue(h.grade({ score: { scoreGiven: 8 } }));
    expect(await h.grades.outbox.get(first)).toMatchObject({ state: 'superseded', supersededBy: second });
    expect((await h.deliveries()).filter((d) => d.state === 'waiting')).toHaveLength(1);
    h.grades.worker.start();
    await h.drained();
    expect(h.acceptedScores().map((s) => (s.body as { scoreGiven: number }).scoreGiven)).toEqual([8]);
    const view = await h.grades.listDeliveries({ scope: scope(h) });
    expect(view.map((d) => d.state)).toEqual(['sent']);
  });

  it('when Canvas refuses a grade for someone who is not a student (422), it stops with a readable reason; a retry brings it back', async () => {
    h = await startGradesHarness({ quirks: 'canvas' });
    h.grades.worker.start();
    const id = await h.queue(h.grade({ userId: 'u-teacher-marieke' }));
    await h.drained();
    const [failed] = await h.grades.listDeliveries({ scope: scope(h) });
    expect(failed).toMatchObject({ id, state: 'failed', attempts: 1 });
    expect(failed?.reason).toMatch(/not a student in this course/);
    expect(failed?.reason).toMatch(/HTTP 422/);

    // The teacher fixes the enrolment in Canvas, then retries.
    h.lms.addMember({ userId: 'u-teacher-marieke', givenName: 'Marieke', familyName: 'de Vries', email: 'm@example.edu', locale: 'nl-NL', role: 'student' });
    const retried = await h.grades.retryDelivery({ scope: scope(h), id });
    expect(['waiting', 'sending']).toContain(retried.state);
    await h.drained();
    expect(await h.grades.outbox.get(id)).toMatchObject({ state: 'sent' });
    expect(h.acceptedScores()).toHaveLength(1);
  });

  it('when Brightspace says the student left the course (403), the reason says so; a retry from another course is not found', async () => {
    h = await startGradesHarness({ quirks: 'brightspace' });
    h.lms.removeMember('u-student-fleur');
    h.grades.worker.start();
    const id = await h.queue(h.grade({ userId: 'u-student-fleur' }));
    await h.drained();
    expect((await h.grades.outbox.get(id))?.lastError).toMatch(/no longer enrolled/);
    await expect(h.grades.retryDelivery({ scope: { ...scope(h), contextId: 'other-course' }, id })).rejects.toMatchObject({ status: 404 });
  });

  it('a failed grade that a newer grade has since replaced is not sent again on retry', async () => {
    h = await startGradesHarness({ quirks: 'canvas' });
    h.grades.worker.start();
    const old = await h.queue(h.grade({ userId: 'u-teacher-marieke', score: { scoreGiven: 3 } }));
    await h.drained();
    await h.grades.enqueueScore(h.grade({ userId: 'u-teacher-marieke', score: { scoreGiven: 9 } }));
    await h.drained();
    expect((await h.grades.retryDelivery({ scope: scope(h), id: old })).state).toBe('superseded');
  });
});

describe('score timestamps', () => {
  let h: GradesHarness;
  afterEach(async () => h.stop());

  it('strictly increase and are at least a second apart per line item and student, also with two workers regrading at once', async () => {
    h = await startGradesHarness({ quirks: 'moodle' });
    const b = await h.process();
    h.grades.worker.start();
    b.worker.start();
    for (let round = 0; round < 6; round += 1) {
      await Promise.all([
        h.grades.enqueueScore(h.grade({ score: { scoreGiven: round } })),
        b.enqueueScore(h.grade({ score: { scoreGiven: round + 0.5 } })),
        h.grades.enqueueScore(h.grade({ userId: 'u-student-noor', score: { scoreGiven: round } })),
      ]);
      await h.drained();
    }
    const all = await h.deliveries();
    for (const userId of ['u-student-daan', 'u-student-noor']) {
      const stamps = all.filter((d) => d.userId === userId).map((d) => d.timestamp.getTime()).sort((x, y) => x - y);
      for (let i = 1; i < stamps.length; i += 1) expect((stamps[i] ?? 0) - (stamps[i - 1] ?? 0)).toBeGreaterThanOrEqual(1000);
      // What Moodle accepted for this cell: in order, each in a later whole second. Anything it refused was an
      // older grade overtaken by a newer one (409), which Playroute then marks superseded.
      const received = h.lms.scores().filter((s) => s.userId === userId);
      expect(received.filter((s) => !s.accepted).every((s) => s.status === 409)).toBe(true);
      const sent = received.filter((s) => s.accepted).map((s) => Date.parse((s.body as { timestamp: string }).timestamp));
      for (let i = 1; i < sent.length; i += 1) expect(Math.floor((sent[i] ?? 0) / 1000)).toBeGreaterThan(Math.floor((sent[i - 1] ?? 0) / 1000));
      const newest = all.filter((d) => d.userId === userId).sort((x, y) => y.timestamp.getTime() - x.timestamp.getTime())[0];
      expect(newest?.state).toBe('sent');
      expect(h.lms.results().find((r) => r.userId === userId)?.resultScore).toBe(newest?.score.scoreGiven);
    }
    // Playroute's own timestamp is what the LMS got, never one of its own.
    const sentDaan = all.filter((d) => d.userId === 'u-student-daan' && d.state === 'sent').map((d) => d.timestamp.toISOString()).sort();
    expect(h.acceptedScores().filter((s) => s.userId === 'u-student-daan').map((s) => (s.body as { timestamp: string }).timestamp).sort()).toEqual(sentDaan);
  });
});

describe('access tokens', () => {
  let h: GradesHarness;
  afterEach(async () => h.stop());

  it('500 grades for a class go out with a handful of token requests, not 500', async () => {
    h = await startGradesHarness({ worker: { concurrency: 8 } });
    const students = h.addStudents(100);
    for (const outcome of ['lu-1', 'lu-2', 'lu-3', 'lu-4', 'lu-5']) {
      for (const userId of students) await h.grades.enqueueScore(h.grade({ outcome, userId }));
    }
    h.grades.worker.start();
    await h.drained(60_000);
    expect(h.acceptedScores()).toHaveLength(500);
    const tokenRequests = h.lms.requestLog().filter((entry) => entry.path.includes('/token'));
    expect(tokenRequests.length).toBeLessThanOrEqual(3);
  }, 90_000);
});
