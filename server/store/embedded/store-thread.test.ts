// The store runs on a thread of its own: the app's event loop keeps turning while the store works, the store's
// log lines reach the app's logger, and a store that cannot start says why.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import type { StoreLogger } from './logger';
import { startEmbeddedMongo, type EmbeddedMongo } from './index';

const open: { close(): Promise<unknown> }[] = [];
const folders: string[] = [];

afterEach(async () => {
  for (const item of open.splice(0)) await item.close().catch(() => undefined);
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function start(options: Parameters<typeof startEmbeddedMongo>[0] = {}): Promise<EmbeddedMongo> {
  const store = await startEmbeddedMongo(options);
  open.push(store);
  return store;
}

async function connectTo(uri: string): Promise<Connection> {
  const connection = mongoose.createConnection(uri, { dbName: 'thread' });
  await connection.asPromise();
  open.unshift(connection);
  return connection;
}

describe('a thread of its own', () => {
  it('while the store works through a long command, the app thread keeps running its own timers', async () => {
    const store = await start();
    const notes = (await connectTo(store.uri)).collection('notes');
    // One command must keep the store busy long enough to tell the two threads apart even when other test files keep
    // both cores busy (pauses of ~100 ms then happen to any thread): the notes grow until one command takes > 400 ms.
    // The regex backtracks (about 0.1 ms per note), so the store's own work dominates; the answer stays small (limit),
    // so decoding it on the app's thread does not count against the store's thread.
    let count = 0;
    let measured: { began: number; ended: number; ticks: number[]; found: { n: number }[] } | undefined;
    for (let round = 0; round < 20 && (!measured || measured.ended - measured.began <= 400); round += 1) {
      const more = Array.from({ length: 5_000 }, (_, k) => count + k);
      await notes.insertMany(more.map((n) => ({ n, text: `${'x'.repeat(20)}${n % 50 === 49 ? 'y' : ''}` })));
      count += more.length;
      const ticks: number[] = [];
      const timer = setInterval(() => ticks.push(performance.now()), 5);
      const began = performance.now();
      // An unindexed regex over every note, sorted: the store is busy for a while with this one command.
      const found = await notes.find({ text: /^(?:x|xx)*y$/ }).sort({ n: -1 }).limit(3).toArray();
      const ended = performance.now();
      clearInterval(timer);
      measured = { began, ended, ticks, found: found as unknown as { n: number }[] };
    }
    const { began, ended, ticks, found } = measured as NonNullable<typeof measured>;

    expect(found.map((note) => note.n)).toEqual([count - 1, count - 51, count - 101]);
    // The longest the app's event loop stood still while the store worked. On the app's own thread the command
    // holds it for (nearly) the whole command; on its own thread, only as long as the machine is busy elsewhere.
    const moments = [began, ...ticks.filter((t) => t > began && t < ended), ended];
    const longestStill = Math.max(...moments.slice(1).map((t, i) => t - (moments[i] as number)));
    expect(ended - began).toBeGreaterThan(400);
    expect(longestStill).toBeLessThan((ended - began) / 2);
  }, 120_000);

  it("the store thread's log lines reach the app's logger, at their level", async () => {
    const lines: { level: string; object: unknown; message?: string }[] = [];
    const record = (level: string): StoreLogger['info'] => (object, message) => lines.push({ level, object, message });
    const store = await start({ logger: { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') } });
    expect(lines).toContainEqual({ level: 'info', object: { uri: store.uri, dataDir: null }, message: 'embedded MongoDB store listening' });
  });

  it('when the store cannot start on its thread, startEmbeddedMongo rejects with the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'playroute-thread-'));
    folders.push(dir);
    await start({ dataDir: dir });
    await expect(startEmbeddedMongo({ dataDir: dir })).rejects.toThrow(/already in use/);
  });

  it('after close, the data folder is free again and holds every write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'playroute-thread-'));
    folders.push(dir);
    const first = await startEmbeddedMongo({ dataDir: dir });
    const connection = mongoose.createConnection(first.uri, { dbName: 'thread' });
    await connection.asPromise();
    await Promise.all(Array.from({ length: 200 }, (_, n) => connection.collection('notes').insertOne({ n })));
    await connection.close();
    await first.close();

    const second = await start({ dataDir: dir });
    expect(await (await connectTo(second.uri)).collection('notes').countDocuments()).toBe(200);
  });
});
