// With a data folder, acknowledged writes survive a restart, a kill -9 and a torn journal tail; one folder, one server.
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import { serialize } from 'bson';
import { encodeRecord } from './record-file';
import { startEmbeddedMongo, type EmbeddedMongo } from './index';

const folders: string[] = [];
const open: { close(): Promise<unknown> }[] = [];

function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'playroute-store-'));
  folders.push(dir);
  return dir;
}

async function start(dataDir: string): Promise<EmbeddedMongo> {
  const store = await startEmbeddedMongo({ dataDir });
  open.push(store);
  return store;
}

async function connectTo(uri: string): Promise<Connection> {
  const connection = mongoose.createConnection(uri, { dbName: 'durable' });
  await connection.asPromise();
  open.unshift(connection);
  return connection;
}

afterEach(async () => {
  for (const item of open.splice(0)) await item.close().catch(() => undefined);
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('restart', () => {
  it('when the store restarts on its folder, documents, updates, deletes, drops and unique indexes are all still there', async () => {
    const dir = tempDataDir();
    const first = await start(dir);
    const db = await connectTo(first.uri);
    const routes = db.collection('routes');
    await routes.createIndex({ student: 1 }, { unique: true });
    await routes.insertMany([{ student: 'a', step: 1 }, { student: 'b', step: 1 }, { student: 'c', step: 1 }]);
    await routes.updateOne({ student: 'a' }, { $inc: { step: 4 } });
    await routes.deleteOne({ student: 'b' });
    await db.collection('scratch').insertOne({ x: 1 });
    await db.collection('scratch').drop();
    await db.close();
    await first.close();

    const second = await start(dir);
    const reconnected = await connectTo(second.uri);
    const again = reconnected.collection('routes');
    expect(await again.find({}, { projection: { _id: 0 } }).sort({ student: 1 }).toArray()).toEqual([
      { student: 'a', step: 5 },
      { student: 'c', step: 1 },
    ]);
    await expect(again.insertOne({ student: 'c' })).rejects.toMatchObject({ code: 11000 });
    const names = (await reconnected.listCollections()).map((c) => c.name);
    expect(names).toEqual(['routes']);
  });
});

describe('crash', () => {
  it('when the server process is killed with SIGKILL right after acknowledging writes, a new server on the folder has every one', async () => {
    const dir = tempDataDir();
    const child = spawn(process.execPath, ['--import', 'tsx', resolve('test/store/fixtures/serve-data-dir.ts'), dir], {
      cwd: resolve('.'),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((done) => child.once('exit', done));
    try {
      const uri = await new Promise<string>((done, fail) => {
        createInterface({ input: child.stdout }).once('line', done);
        child.once('exit', (code) => fail(new Error(`store child exited early (${code})`)));
      });
      const db = await connectTo(uri);
      const seats = db.collection('seats');
      // Sequential and concurrent writes, so some share a group commit.
      for (let n = 0; n < 50; n += 1) await seats.insertOne({ n });
      await Promise.all(Array.from({ length: 50 }, (_, i) => seats.insertOne({ n: 50 + i })));
      await seats.updateMany({ n: { $lt: 10 } }, { $set: { early: true } });
      // The client leaves first: a driver still connected to a store SIGKILLed on a Unix socket can wait
      // forever on close (seen in about 1 run of 4). The store itself gets no clean shutdown either way.
      await db.close();
      child.kill('SIGKILL');
      await exited;
    } finally {
      child.kill('SIGKILL');
    }

    const recovered = await start(dir);
    const seats = (await connectTo(recovered.uri)).collection('seats');
    expect(await seats.countDocuments()).toBe(100);
    expect(await seats.countDocuments({ early: true })).toBe(10);
    expect((await seats.distinct('n')).length).toBe(100);
  });

  it('when the journal ends in half a record, the store starts with everything before it and keeps working', async () => {
    const dir = tempDataDir();
    const first = await start(dir);
    const db = await connectTo(first.uri);
    await db.collection('notes').insertMany([{ k: 1 }, { k: 2 }]);
    await db.close();
    await first.close();

    const journal = readdirSync(dir).find((name) => /^journal-\d+\.bson$/.test(name));
    expect(journal).toBeDefined();
    const record = encodeRecord({ o: 'put', db: 'durable', c: 'notes', doc: { _id: 'torn', k: 3 } });
    appendFileSync(join(dir, journal as string), record.subarray(0, record.length - 7));

    const second = await start(dir);
    const notes = (await connectTo(second.uri)).collection('notes');
    expect((await notes.find().toArray()).map((d) => d.k)).toEqual([1, 2]);
    await notes.insertOne({ k: 4 });
    await second.close();

    const third = await start(dir);
    const after = (await connectTo(third.uri)).collection('notes');
    expect((await after.find().toArray()).map((d) => d.k)).toEqual([1, 2, 4]);
  });
});

describe('size limit', () => {
  it('when a document of exactly 16 MiB is stored, it comes back whole after a restart', async () => {
    const dir = tempDataDir();
    const first = await start(dir);
    const notes = (await connectTo(first.uri)).collection<{ _id: string; text: string }>('big');
    const overhead = serialize({ _id: 'max', text: '' }).length;
    await notes.insertOne({ _id: 'max', text: 'm'.repeat(16 * 1024 * 1024 - overhead) });
    for (const item of open.splice(0)) await item.close();

    const second = await start(dir);
    const again = (await connectTo(second.uri)).collection<{ _id: string; text: string }>('big');
    const doc = await again.findOne({ _id: 'max' });
    expect(doc?.text.length).toBe(16 * 1024 * 1024 - overhead);
    expect(doc?.text.endsWith('m')).toBe(true);
  });
});

describe('who can connect', () => {
  it('when the store runs on a data folder, it listens only on a Unix socket in that folder that only its owner may open', async () => {
    const dir = tempDataDir();
    const store = await start(dir);
    expect(store.port).toBeUndefined();
    expect(store.socketPath).toBe(join(dir, 'embedded-store.sock'));
    expect(store.uri).toBe(`mongodb://${encodeURIComponent(join(dir, 'embedded-store.sock'))}/?directConnection=true`);
    const stats = statSync(store.socketPath as string);
    expect(stats.isSocket()).toBe(true);
    expect(stats.mode & 0o777).toBe(0o600);
    const db = await connectTo(store.uri);
    await db.collection('notes').insertOne({ over: 'the socket' });
    expect(await db.collection('notes').countDocuments()).toBe(1);
  });

  it('when a store that was killed left its socket file behind, the next start on the folder replaces it', async () => {
    const dir = tempDataDir();
    const first = await start(dir);
    const socketPath = first.socketPath as string;
    await first.close();
    // What a kill -9 leaves: a file at the socket's path that nobody listens on.
    writeFileSync(socketPath, '');
    const second = await start(dir);
    const db = await connectTo(second.uri);
    expect(await db.collection('notes').countDocuments()).toBe(0);
  });
});

describe('lock', () => {
  it('when a second server is started on a folder already in use, it refuses and names the folder', async () => {
    const dir = tempDataDir();
    await start(dir);
    await expect(startEmbeddedMongo({ dataDir: dir })).rejects.toThrow(dir);
  });
});
