// The worker keeps its lanes posting: the next batch of claims is taken while the last ones are still being posted,
// and a settlement is written while the lane posts the next grade; stop() still waits for every settlement. Lanes
// that need the same new grade column wait for one lookup of it.
// The LMS and the store are real; the wrappers only slow them down (a distant LMS, a busy store) and note the order.
import type { CommandStartedEvent } from 'mongodb';
import { afterEach, describe, expect, it } from 'vitest';
import { createGradeWorker, type GradeWorker } from '../../server/features/grades/use-cases/grade-worker';
import { createLineItemResolver } from '../../server/features/grades/use-cases/line-items';
import type { Outbox } from '../../server/features/grades/data/outbox';
import { DEPLOYMENT_ID } from '../support/lti-harness';
import { startGradesHarness, type GradesHarness } from './grades-harness';

let h: GradesHarness;
let worker: GradeWorker | undefined;
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  await h?.stop();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function observedWorker(options: { postMs: number; settleMs?: number; concurrency: number; batchSize: number }) {
  const events: string[] = [];
  const outbox: Outbox = {
    ...h.grades.outbox,
    async claimBatch(...args) {
      const claims = await h.grades.outbox.claimBatch(...args);
      events.push(`claimed ${claims.map((claim) => claim.userId).join(' ')}`);
      return claims;
    },
    async markSent(claim, settlement) {
      await pause(options.settleMs ?? 0);
      const held = await h.grades.outbox.markSent(claim, settlement);
      events.push(`settled ${claim.userId}`);
      return held;
    },
  };
  const ags = {
    async postScore(...args: Parameters<GradesHarness['lti']['ags']['postScore']>) {
      events.push(`post ${args[2].userId}`);
      await pause(options.postMs);
      const answer = await h.lti.ags.postScore(...args);
      events.push(`posted ${args[2].userId}`);
      return answer;
    },
  };
  const lineItems = createLineItemResolver({ connection: h.database.connection, ags: h.lti.ags });
  worker = createGradeWorker({ outbox, lineItems, ags, registry: h.lti.registry, concurrency: options.concurrency, batchSize: options.batchSize, pollMs: 20 });
  return { events, worker };
}

describe('the grade worker’s lanes', () => {
  it('take the next batch while the last grade of a batch is being posted, not after', async () => {
    h = await startGradesHarness();
    const students = h.addStudents(6);
    for (const userId of students) await h.queue(h.grade({ userId }));
    const { events, worker: w } = observedWorker({ postMs: 300, concurrency: 1, batchSize: 2 });
    w.start();
    await h.drained();
    const order = events.filter((e) => e.startsWith('claimed') || e.startsWith('post'));
    // Between one grade's answer and the next grade's post, the lane never waits for the claim of that next grade.
    for (let i = 0; i < order.length; i += 1) {
      if (!order[i]?.startsWith('posted ')) continue;
      const next = order.findIndex((e, j) => j > i && e.startsWith('post '));
      if (next < 0) continue;
      const nextGrade = order[next]?.slice('post '.length) ?? '';
      expect(order.slice(i + 1, next).filter((e) => e.split(' ').includes(nextGrade))).toEqual([]);
    }
    expect(h.acceptedScores()).toHaveLength(6);
  });

  it('post the next grade while the last one’s settlement is still being written, and stop() waits for it', async () => {
    h = await startGradesHarness();
    const students = h.addStudents(3);
    for (const userId of students) await h.queue(h.grade({ userId }));
    const { events, worker: w } = observedWorker({ postMs: 20, settleMs: 300, concurrency: 1, batchSize: 3 });
    w.start();
    // The first grade's settlement takes 300 ms: the second grade is posted before it is written.
    await expect.poll(() => events.filter((e) => e.startsWith('post ')).length, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
    expect(events.indexOf(`post ${students[1]}`)).toBeLessThan(events.indexOf(`settled ${students[0]}`) === -1 ? Infinity : events.indexOf(`settled ${students[0]}`));
    await expect.poll(() => events.filter((e) => e.startsWith('posted ')).length, { timeout: 5_000 }).toBe(3);
    await w.stop();
    worker = undefined;
    // Every grade the LMS accepted is settled as sent once stop() returns: none is left for a lease to run out.
    const stored = await h.deliveries();
    expect(stored.map((d) => d.state)).toEqual(['sent', 'sent', 'sent']);
    expect(h.acceptedScores()).toHaveLength(3);
  });
});

describe('a new grade column', () => {
  it('is found or created once by a worker whose lanes all need it at once: one lock, no grade put back to wait', async () => {
    h = await startGradesHarness({ monitorCommands: true, worker: { concurrency: 8 } });
    const students = h.addStudents(8);
    for (const userId of students) await h.queue(h.grade({ userId }));
    const commands = await h.commandsOf(async () => {
      h.grades.worker.start();
      await h.drained();
    });
    expect(commands.filter((c) => c === 'findAndModify grade_line_items')).toHaveLength(1);
    expect(h.lms.lineItems()).toHaveLength(1);
    expect(h.acceptedScores()).toHaveLength(8);
  });
});

describe('the grade worker’s store round trips', () => {
  it('settlements of grades posted close together are written together, and the lanes read the platform once', async () => {
    h = await startGradesHarness({ monitorCommands: true, worker: { concurrency: 8, batchSize: 48 } });
    const students = h.addStudents(48);
    for (const userId of students) await h.queue(h.grade({ userId }));
    const commands = await h.commandsOf(async () => {
      h.grades.worker.start();
      await h.drained();
    });
    expect(h.acceptedScores()).toHaveLength(48);
    expect((await h.deliveries()).every((d) => d.state === 'sent')).toBe(true);
    // One update claims the 48; the settlements of grades posted within a few milliseconds of each other share a write
    // (grouped only within one turn of the event loop, they took about one write per two grades).
    expect(commands.filter((c) => c === 'update grade_deliveries').length).toBeLessThanOrEqual(12);
    expect(commands.filter((c) => c === 'find lti_platforms')).toHaveLength(1);
  });
});

describe('the check for a newer grade', () => {
  it('asks the store once per claimed batch, not once per grade, and still keeps an old grade from going out after a newer one', async () => {
    h = await startGradesHarness({ monitorCommands: true, worker: { concurrency: 8, batchSize: 24 } });
    const students = h.addStudents(24);
    for (const userId of students) await h.queue(h.grade({ userId }));
    // Only the newer-grade check looks for deliveries by cell and later timestamp ($or of key and timestamp).
    let newerChecks = 0;
    const client = h.database.connection.getClient();
    const listener = (event: CommandStartedEvent) => {
      if (event.commandName === 'find' && event.command.find === 'grade_deliveries' && JSON.stringify(event.command.filter ?? {}).includes('"$or"')) newerChecks += 1;
    };
    client.on('commandStarted', listener);
    h.grades.worker.start();
    await h.drained();
    client.off('commandStarted', listener);
    expect(h.acceptedScores()).toHaveLength(24);
    expect(newerChecks).toBeLessThanOrEqual(2);

    // A grade claimed after a newer grade of its cell went out (its own lease ran out meanwhile) is not posted.
    await h.grades.worker.stop();
    const old = await h.queue(h.grade({ score: { scoreGiven: 4 } }));
    const [stuck] = await h.grades.outbox.claimBatch('crashed-worker', 50, 1);
    expect(stuck?.id).toBe(old);
    await h.queue(h.grade({ score: { scoreGiven: 9 } }));
    h.grades.worker.start();
    await h.drained();
    expect(await h.grades.outbox.get(old)).toMatchObject({ state: 'superseded' });
    const daan = h.receivedScores().filter((score) => score.userId === 'u-student-daan');
    expect(daan.map((score) => (score.body as { scoreGiven?: number }).scoreGiven)).toEqual([9]);
  });
});

describe('a grade column another process is creating', () => {
  it('is waited for while that process finishes, instead of putting the grades back to wait and claiming them again', async () => {
    h = await startGradesHarness({ monitorCommands: true, worker: { concurrency: 4 } });
    const students = h.addStudents(4);
    for (const userId of students) await h.queue(h.grade({ userId }));
    // Another process holds the lock on this column (as line-items.ts takes it) and creates it at the LMS meanwhile.
    const key = JSON.stringify([h.platform.id, DEPLOYMENT_ID, h.lineItemsUrl, 'lu-1', 'outcome']);
    const columns = h.database.connection.collection<{ _id: string; url?: string; lockedBy?: string; lockUntil?: Date }>('grade_line_items');
    await columns.insertOne({ _id: key, lockedBy: 'other-process', lockUntil: new Date(Date.now() + 60_000) });
    let givenBack = 0;
    const client = h.database.connection.getClient();
    const listener = (event: CommandStartedEvent) => {
      if (event.commandName === 'update' && event.command.update === 'grade_deliveries' && JSON.stringify(event.command.updates).includes('"attempts":-1')) givenBack += 1;
    };
    client.on('commandStarted', listener);
    h.grades.worker.start();
    await pause(300);
    const item = await h.lti.ags.findOrCreateLineItem(h.platform, h.lineItemsUrl, { resourceId: 'lu-1', tag: 'outcome', label: 'Outcome lu-1', scoreMaximum: 10 });
    await columns.updateOne({ _id: key }, { $set: { url: item.id }, $unset: { lockedBy: 1, lockUntil: 1 } });
    await h.drained();
    client.off('commandStarted', listener);
    expect(h.acceptedScores()).toHaveLength(4);
    expect(h.lms.lineItems()).toHaveLength(1);
    expect(givenBack).toBe(0);
  });
});
