import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import { createScoreClock } from '../../server/features/grades/use-cases/score-clock';
import { connectTestDatabase, testMongoUri } from '../support/database';

describe('the shared score clock', () => {
  let db: Awaited<ReturnType<typeof connectTestDatabase>>;
  let other: Connection;
  beforeAll(async () => {
    db = await connectTestDatabase('clock');
    other = await mongoose.createConnection(testMongoUri(), { dbName: db.dbName }).asPromise();
  });
  afterAll(async () => {
    await other.close();
    await db.drop();
  });

  it('when two processes take 50 timestamps for one cell at once, all differ by at least a second', async () => {
    const fixed = new Date('2026-03-01T10:00:00.250Z');
    const a = createScoreClock(db.connection, () => fixed);
    const b = createScoreClock(other, () => fixed);
    const stamps = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).next('cell-1')));
    const sorted = stamps.map((d) => d.getTime()).sort((x, y) => x - y);
    expect(sorted[0]).toBe(fixed.getTime());
    for (let i = 1; i < sorted.length; i += 1) expect((sorted[i] ?? 0) - (sorted[i - 1] ?? 0)).toBe(1000);
  });

  it('two processes taking timestamps for the same twenty cells in batches at once never hand one out twice, new cells or known ones', async () => {
    const fixed = new Date('2026-03-02T10:00:00.500Z');
    const a = createScoreClock(db.connection, () => fixed);
    const b = createScoreClock(other, () => fixed);
    const cells = Array.from({ length: 20 }, (_, i) => `batch-cell-${i}`);
    // Round one inserts the cells (the two batches race to insert them), round two moves cells both already know.
    for (let round = 0; round < 2; round += 1) {
      const asks = cells.flatMap((cell) => [a, b, a].map((clock) => ({ cell, at: clock.next(cell) })));
      const stamps = await Promise.all(asks.map(async ({ cell, at }) => ({ cell, ms: (await at).getTime() })));
      for (const cell of cells) {
        const mine = stamps.filter((s) => s.cell === cell).map((s) => s.ms).sort((x, y) => x - y);
        expect(mine).toHaveLength(3);
        for (let i = 1; i < mine.length; i += 1) expect((mine[i] ?? 0) - (mine[i - 1] ?? 0)).toBeGreaterThanOrEqual(1000);
      }
    }
    const all = await Promise.all(cells.map((cell) => a.next(cell)));
    // Six taken per cell before (two rounds of three): the seventh is at least six seconds after the first.
    for (const stamp of all) expect(stamp.getTime()).toBeGreaterThanOrEqual(fixed.getTime() + 6000);
  });

  it('follows the real time once it passes the last timestamp, and keeps cells apart', async () => {
    let now = new Date('2026-03-01T10:00:00Z');
    const clock = createScoreClock(db.connection, () => now);
    expect((await clock.next('cell-2')).toISOString()).toBe('2026-03-01T10:00:00.000Z');
    now = new Date('2026-03-01T11:00:00Z');
    expect((await clock.next('cell-2')).toISOString()).toBe('2026-03-01T11:00:00.000Z');
    expect((await clock.next('cell-2')).toISOString()).toBe('2026-03-01T11:00:01.000Z');
    expect((await clock.next('cell-3')).toISOString()).toBe('2026-03-01T11:00:00.000Z');
  });
});
