// A large folder starts without being rewritten, and compaction runs beside the clients: they are answered while
// it runs, and every write acknowledged before, during or after it is there after a restart or a kill -9.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import type { Change } from './changes';
import { startEmbeddedMongo, type EmbeddedMongo } from './index';
import { writeSnapshot } from './snapshot';

const folders: string[] = [];
const open: { close(): Promise<unknown> }[] = [];

afterEach(async () => {
  for (const item of open.splice(0)) await item.close().catch(() => undefined);
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A folder holding a snapshot of `count` seats (as a long-running store leaves it), with an index on `seat`. */
function seededFolder(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'playroute-compaction-'));
  folders.push(dir);
  function* changes(): Generator<Change> {
    yield { o: 'create', db: 'durable', c: 'seats', options: {}, uuid: undefined };
    yield { o: 'index', db: 'durable', c: 'seats', spec: { v: 2, key: { seat: 1 }, name: 'seat_1', unique: true } };
    for (let n = 0; n < count; n += 1) yield { o: 'put', db: 'durable', c: 'seats', doc: { _id: `seat-${n}`, seat: n, holder: `student-${n % 997}`, notes: 'n'.repeat(60) } };
  }
  writeSnapshot(dir, 0, changes());
  return dir;
}

async function start(dataDir: string, compactBytes?: number): Promise<EmbeddedMongo> {
  const store = await startEmbeddedMongo({ dataDir, compactBytes });
  open.push(store);
  return store;
}

async function connectTo(uri: string): Promise<Connection> {
  const connection = mongoose.createConnection(uri, { dbName: 'durable' });
  await connection.asPromise();
  open.unshift(connection);
  return connection;
}

const snapshotIdentity = (dir: string): string => {
  const stats = statSync(join(dir, 'snapshot.bson'));
  return `${stats.ino}:${stats.mtimeMs}`;
};

async function until(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const began = Date.now();
  while (!condition()) {
    if (Date.now() - began > timeoutMs) throw new Error(`timed out waiting until ${what}`);
    await new Promise((done) => setTimeout(done, 5));
  }
}

describe('start', () => {
  it('when the store starts on a folder with many documents, it serves every one of them and leaves the snapshot as it was', async () => {
    const dir = seededFolder(20_000);
    const before = snapshotIdentity(dir);
    const store = await start(dir);
    const seats = (await connectTo(store.uri)).collection('seats');
    expect(await seats.countDocuments()).toBe(20_000);
    expect(await seats.countDocuments({ seat: { $gte: 0 } })).toBe(20_000);
    expect(await seats.findOne({ seat: 12_345 })).toMatchObject({ _id: 'seat-12345', holder: `student-${12_345 % 997}` });
    // A start reads the folder; it does not write the state out again.
    expect(snapshotIdentity(dir)).toBe(before);
  });
});

describe('compaction', () => {
  it('while a compaction of a large collection runs, other clients are answered, and every write acknowledged during it survives a restart', async () => {
    const dir = seededFolder(50_000);
    const before = snapshotIdentity(dir);
    // Every journal is "too large": the first acknowledged write starts a compaction of all 50,000 seats.
    const store = await start(dir, 1);
    const connection = await connectTo(store.uri);
    const seats = connection.collection('seats');
    await seats.updateOne({ _id: 'seat-0' as never }, { $set: { holder: 'first' } });
    await until(() => existsSync(join(dir, 'snapshot.tmp')), 'the compaction has started');

    await connection.db!.admin().ping();
    await seats.insertOne({ _id: 'during' as never, seat: -1 });
    // Documents the snapshot has not read yet, changed and removed while it is written.
    await seats.updateOne({ _id: 'seat-49999' as never }, { $set: { holder: 'changed during' } });
    await seats.deleteOne({ _id: 'seat-49998' as never });
    // Both were answered while the new snapshot was still being written.
    expect(snapshotIdentity(dir)).toBe(before);

    await until(() => snapshotIdentity(dir) !== before, 'the compaction has finished');
    await seats.insertOne({ _id: 'after' as never, seat: -2 });
    await connection.close();
    await store.close();

    const again = (await connectTo((await start(dir)).uri)).collection('seats');
    expect(await again.countDocuments()).toBe(50_001);
    expect(await again.findOne({ _id: 'seat-49999' as never })).toMatchObject({ holder: 'changed during' });
    expect(await again.findOne({ _id: 'seat-49998' as never })).toBeNull();
    expect(await again.findOne({ _id: 'seat-0' as never })).toMatchObject({ holder: 'first' });
    expect(await again.countDocuments({ seat: { $lt: 0 } })).toBe(2);
  });

  it('when the store is killed with SIGKILL in the middle of a compaction, a new server on the folder has every acknowledged write', async () => {
    const dir = seededFolder(50_000);
    const child = spawn(process.execPath, ['--import', 'tsx', resolve('test/store/fixtures/serve-data-dir.ts'), dir, '1'], {
      cwd: resolve('.'),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((done) => child.once('exit', done));
    const acknowledged: number[] = [];
    try {
      const uri = await new Promise<string>((done, fail) => {
        createInterface({ input: child.stdout }).once('line', done);
        child.once('exit', (code) => fail(new Error(`store child exited early (${code})`)));
      });
      const db = await connectTo(uri);
      const seats = db.collection('seats');
      let writing = true;
      // Writers keep going until the kill; each write counts once its acknowledgement arrived.
      const writers = Array.from({ length: 4 }, async (_, w) => {
        for (let n = w; writing; n += 4) {
          try {
            await seats.updateOne({ seat: n }, { $set: { holder: `written-${n}` } });
            acknowledged.push(n);
          } catch {
            return;
          }
        }
      });
      await until(() => existsSync(join(dir, 'snapshot.tmp')) && acknowledged.length > 20, 'a compaction is under way');
      child.kill('SIGKILL');
      await exited;
      writing = false;
      await Promise.all(writers);
      await db.close().catch(() => undefined);
    } finally {
      child.kill('SIGKILL');
    }

    expect(acknowledged.length).toBeGreaterThan(20);
    const seats = (await connectTo((await start(dir)).uri)).collection('seats');
    expect(await seats.countDocuments()).toBe(50_000);
    const written = await seats.find({ holder: /^written-/ }, { projection: { seat: 1 } }).toArray();
    const found = new Set(written.map((doc) => doc.seat as number));
    expect(acknowledged.filter((n) => !found.has(n))).toEqual([]);
  });
});
