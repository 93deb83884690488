import { afterEach, describe, expect, it } from 'vitest';
import { countPerCell, startGradesHarness, type GradesHarness } from './grades-harness';

const STUDENTS = ['u-student-daan', 'u-student-fleur', 'u-student-priya', 'u-student-oliver', 'u-student-noor'];

describe('no score is lost or doubled when the LMS or Playroute falters', () => {
  let h: GradesHarness;
  afterEach(async () => h.stop());

  it('when the LMS fails a third of its requests at random, every score still arrives exactly once', async () => {
    h = await startGradesHarness({ quirks: 'moodle' });
    h.lms.injectFailures({ rate: 0.33, seed: 42, statuses: [500, 502, 503, 429] });
    h.grades.worker.start();
    for (const outcome of ['lu-1', 'lu-2', 'lu-3', 'lu-4']) {
      for (const userId of STUDENTS) await h.grades.enqueueScore(h.grade({ outcome, userId }));
    }
    const deliveries = await h.drained(30_000);
    expect(deliveries.filter((d) => d.state === 'sent')).toHaveLength(20);
    expect(h.lms.requestLog().filter((entry) => entry.injectedFailure).length).toBeGreaterThan(5);
    // An injected failure answers before the score is read, so every score the LMS did read counts, refused ones too.
    const counts = countPerCell(h.receivedScores());
    expect(counts.size).toBe(20);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(h.lms.lineItems()).toHaveLength(4);
  });

  it('when worker A stops mid-queue and worker B takes over on the same database, nothing is lost or sent twice', async () => {
    h = await startGradesHarness({ worker: { concurrency: 1 } });
    const students = h.addStudents(30);
    for (const userId of students) await h.grades.enqueueScore(h.grade({ userId }));
    h.grades.worker.start();
    while (h.acceptedScores().length < 5) await new Promise((resolve) => setTimeout(resolve, 5));
    await h.grades.worker.stop();
    const midway = await h.deliveries();
    expect(midway.some((d) => d.state === 'waiting')).toBe(true);
    expect(midway.some((d) => d.state === 'sending')).toBe(false);

    const b = await h.process();
    b.worker.start();
    await h.drained();
    const counts = countPerCell(h.receivedScores());
    expect(counts.size).toBe(30);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('when a process dies holding a claim, its lease runs out and another worker delivers the score once', async () => {
    h = await startGradesHarness();
    await h.grades.enqueueScore(h.grade());
    const crashed = await h.grades.outbox.claimNext('crashed-worker', 300);
    expect(crashed?.state).toBe('sending');
    const b = await h.process();
    b.worker.start();
    const [delivery] = await h.drained();
    expect(delivery).toMatchObject({ state: 'sent', attempts: 2 });
    expect(h.acceptedScores()).toHaveLength(1);
  });

  it('when a process dies after the LMS took the score but before marking it sent, the resend with the same timestamp is recognised, not applied twice', async () => {
    h = await startGradesHarness();
    await h.grades.enqueueScore(h.grade());
    const crashed = await h.grades.outbox.claimNext('crashed-worker', 300);
    if (!crashed) throw new Error('nothing claimed');
    const lineItemsUrl = crashed.lineItem.lineItemsUrl ?? '';
    const item = await h.lti.ags.findOrCreateLineItem(h.platform, lineItemsUrl, { resourceId: 'lu-1', tag: 'outcome', label: 'Outcome lu-1', scoreMaximum: 10 });
    const answer = await h.lti.ags.postScore(h.platform, item.id, { userId: crashed.userId, ...crashed.score, timestamp: crashed.timestamp.toISOString() });
    expect(answer.ok).toBe(true);
    // …and the process dies here.
    const b = await h.process();
    b.worker.start();
    const [delivery] = await h.drained();
    expect(delivery).toMatchObject({ state: 'sent', uncertain: true });
    expect(h.acceptedScores()).toHaveLength(1);
    expect(h.lms.lineItems()).toHaveLength(1);
  });

  it('two workers on one database deliver each of 100 scores exactly once', async () => {
    h = await startGradesHarness();
    const students = h.addStudents(25);
    const b = await h.process();
    for (const outcome of ['lu-1', 'lu-2', 'lu-3', 'lu-4']) {
      for (const [i, userId] of students.entries()) await (i % 2 ? h.grades : b).enqueueScore(h.grade({ outcome, userId }));
    }
    h.grades.worker.start();
    b.worker.start();
    const deliveries = await h.drained();
    expect(deliveries.filter((d) => d.state === 'sent')).toHaveLength(100);
    // Count every score the LMS received, not only the accepted ones: the LMS refuses a second copy with
    // 409 (same timestamp), so counting accepted scores alone would hide a double delivery.
    const counts = countPerCell(h.receivedScores());
    expect(counts.size).toBe(100);
    expect([...counts.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect(h.receivedScores().every((score) => score.accepted)).toBe(true);
    expect(h.scorePosts()).toHaveLength(100);
    expect(h.lms.lineItems()).toHaveLength(4);
  });
});
