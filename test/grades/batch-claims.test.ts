// The worker claims due grades in batches (Outbox.claimBatch): one store update for many, and still each grade held
// by one worker only, an expired lease taken back as uncertain, and a stopped worker's unstarted claims given back.
import { afterEach, describe, expect, it } from 'vitest';
import { startGradesHarness, type GradesHarness } from './grades-harness';

let h: GradesHarness;
afterEach(async () => h?.stop());

describe('claiming grades in batches', () => {
  it('two processes claiming batches at the same moment never hold the same grade, and between them take every due one', async () => {
    h = await startGradesHarness();
    const students = h.addStudents(40);
    for (const userId of students) await h.queue(h.grade({ userId }));
    const b = await h.process();
    const rounds = [];
    // Six claimers at once, again and again until nothing is due: a claimer that loses a race gets fewer, never a double.
    for (let round = 0; round < 20; round += 1) {
      const claims = (await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? b : h.grades).outbox.claimBatch(`worker-${i}`, 60_000, 10)))).flat();
      if (claims.length === 0) break;
      rounds.push(claims);
    }
    const held = rounds.flat().map((claim) => claim.id);
    expect(new Set(held).size).toBe(held.length);
    expect(held.length).toBe(40);
    const stored = await h.deliveries();
    expect(stored.filter((d) => d.state === 'sending')).toHaveLength(40);
    for (const claim of rounds.flat()) expect(stored.find((d) => d._id === claim.id)?.claimedBy).toBe(claim.claimedBy);
  });

  it('a process that loses a claim race to another takes the next due grades instead of coming back empty', async () => {
    h = await startGradesHarness();
    const students = h.addStudents(40);
    for (const userId of students) await h.queue(h.grade({ userId }));
    const b = await h.process();
    // Six claimers at once ask for 60 between them, and 40 are due: one round takes them all. A claimer that came
    // back empty while grades were due would leave its lanes idle until the next poll (a second by default).
    const claims = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? b : h.grades).outbox.claimBatch(`worker-${i}`, 60_000, 10)));
    const held = claims.flat().map((claim) => claim.id);
    expect(new Set(held).size).toBe(40);
    expect(held).toHaveLength(40);
  });

  it('a lease that ran out comes back in a batch marked uncertain, with the attempt counted', async () => {
    h = await startGradesHarness();
    await h.queue(h.grade());
    const [first] = await h.grades.outbox.claimBatch('crashed-worker', 50, 10);
    expect(first).toMatchObject({ attempts: 1, uncertain: false });
    expect(await h.grades.outbox.claimBatch('other-worker', 60_000, 10)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 80));
    const [again] = await h.grades.outbox.claimBatch('other-worker', 60_000, 10);
    expect(again).toMatchObject({ id: first?.id, attempts: 2, uncertain: true, claimedBy: 'other-worker' });
  });

  it('a worker stopped with claims it has not started gives them back at once, and another worker sends each grade once', async () => {
    h = await startGradesHarness({ worker: { pollMs: 20, concurrency: 1, batchSize: 20, leaseMs: 600_000 } });
    const students = h.addStudents(20);
    for (const userId of students) await h.queue(h.grade({ userId }));
    h.grades.worker.start();
    await new Promise((resolve) => setTimeout(resolve, 30));
    await h.grades.worker.stop();
    // The lease is ten minutes: only a given-back claim can be delivered by B within this test.
    const b = await h.process({ pollMs: 20 });
    b.worker.start();
    const deliveries = await h.drained(20_000);
    expect(deliveries.filter((d) => d.state === 'sent')).toHaveLength(20);
    expect(h.receivedScores()).toHaveLength(20);
  });
});
