// A start keeps a snapshot's documents as their bytes until first read (raw-documents.ts): whatever their types,
// clients see them exactly as written, indexes answer over them, and updates, deletes, restarts and compactions
// keep them whole. The folder is written as every earlier version of the store wrote it (writeSnapshot).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import { Decimal128, deserialize, Long, ObjectId, serialize, type Document } from 'bson';
import type { Change } from './changes';
import { startEmbeddedMongo, type EmbeddedMongo } from './index';
import { decodeRecords, encodeRawPut, encodeRecord } from './record-file';
import { writeSnapshot } from './snapshot';

const folders: string[] = [];
const open: { close(): Promise<unknown> }[] = [];

afterEach(async () => {
  for (const item of open.splice(0)) await item.close().catch(() => undefined);
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function start(dataDir: string, compactBytes?: number): Promise<EmbeddedMongo> {
  const store = await startEmbeddedMongo({ dataDir, compactBytes });
  open.push(store);
  return store;
}

async function connectTo(uri: string): Promise<Connection> {
  const connection = mongoose.createConnection(uri, { dbName: 'kept' });
  await connection.asPromise();
  open.unshift(connection);
  return connection;
}

async function until(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const began = Date.now();
  while (!condition()) {
    if (Date.now() - began > timeoutMs) throw new Error(`timed out waiting until ${what}`);
    await new Promise((done) => setTimeout(done, 5));
  }
}

/** Documents of every kind the reader of raw bytes meets: simple indexed values it reads, and the others it leaves to a full decode. */
function mixedDocuments(): Document[] {
  const docs: Document[] = [];
  const tags: unknown[] = [
    'plain',
    'with "quotes", a \\ and ünïcödé ✓',
    `long ${'x'.repeat(300)}`,
    'tab\there',
    7,
    7.5,
    -0,
    new Date(1_700_000_000_000),
    new Date(-5_000),
    true,
    false,
    null,
    undefined,
    ['plain', 'second'],
    { nested: 'plain' },
    Long.fromString('9007199254740993'),
    new ObjectId('0123456789abcdef01234567'),
    Decimal128.fromString('7'),
  ];
  const ids: unknown[] = [new ObjectId('00000000000000000000000a'), 'string-id', 42, 4.25, Long.fromNumber(43), { compound: 1 }, new Date(99)];
  tags.forEach((tag, n) => {
    const doc: Document = { _id: ids[n % ids.length] === undefined ? n : (ids[n % ids.length] as unknown), email: `person-${n}@example.org`, n };
    if (n >= ids.length) doc._id = n % 2 ? new ObjectId(n.toString(16).padStart(24, '0')) : `doc-${n}`;
    if (tag !== undefined) doc.tag = tag;
    doc.pair = { a: n % 3, b: `b-${n % 2}` };
    doc.a = n % 3;
    doc.b = `b-${n % 2}`;
    doc.history = [{ step: n, at: new Date(1_700_000_000_000 + n) }];
    docs.push(doc);
  });
  return docs;
}

function seed(dir: string, docs: Document[], indexes: Document[]): void {
  function* changes(): Generator<Change> {
    yield { o: 'create', db: 'kept', c: 'things', options: {}, uuid: undefined };
    for (const spec of indexes) yield { o: 'index', db: 'kept', c: 'things', spec: { v: 2, ...spec } as never };
    for (const doc of docs) yield { o: 'put', db: 'kept', c: 'things', doc };
  }
  writeSnapshot(dir, 0, changes());
}

const INDEXES: { key: Record<string, 1 | -1>; name: string; unique?: boolean }[] = [
  { key: { email: 1 }, name: 'email_1', unique: true },
  { key: { tag: 1 }, name: 'tag_1' },
  { key: { a: 1, b: -1 }, name: 'a_1_b_-1' },
];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'playroute-kept-'));
  folders.push(dir);
  return dir;
}

/** The same queries on the collection loaded from the snapshot and on a copy inserted through the driver after the start. */
async function expectSameAnswers(loaded: ReturnType<Connection['collection']>, copy: ReturnType<Connection['collection']>, docs: Document[]): Promise<void> {
  // First, while no query has decoded every document: sorts and ranges on _id read the _id index's order, built
  // from the documents as kept.
  expect(await loaded.find({}).sort({ _id: -1 }).project({ _id: 1 }).toArray()).toEqual(await copy.find({}).sort({ _id: -1 }).project({ _id: 1 }).toArray());
  const range = { _id: { $gte: new ObjectId('000000000000000000000000') } };
  expect(await loaded.find(range).project({ _id: 1 }).toArray()).toEqual(await copy.find(range).project({ _id: 1 }).toArray());
  expect(await loaded.find({}).toArray()).toEqual(await copy.find({}).toArray());
  for (const doc of docs) {
    if (doc.tag === undefined || (typeof doc.tag === 'object' && doc.tag !== null && !(doc.tag instanceof Date) && !(doc.tag instanceof ObjectId))) continue;
    const filter = { tag: doc.tag };
    expect(await loaded.find(filter).toArray(), `tag ${String(doc.tag)}`).toEqual(await copy.find(filter).toArray());
  }
  for (const filter of [{ tag: 'second' }, { tag: { $in: ['plain', 7, true] } }, { tag: { $gte: 7 } }, { 'tag.nested': 'plain' }, { a: 1, b: 'b-1' }, { tag: { $exists: false } }]) {
    expect(await loaded.find(filter).toArray(), JSON.stringify(filter)).toEqual(await copy.find(filter).toArray());
  }
  expect(await loaded.find({}).sort({ tag: 1, _id: 1 }).toArray()).toEqual(await copy.find({}).sort({ tag: 1, _id: 1 }).toArray());
  expect(await loaded.find({ n: { $gte: 0 } }).sort({ email: -1 }).limit(5).toArray()).toEqual(await copy.find({ n: { $gte: 0 } }).sort({ email: -1 }).limit(5).toArray());
}

describe('a start from a snapshot', () => {
  it('when documents of every type were written, clients read each exactly as written, and the indexes answer as on documents inserted after the start', async () => {
    const dir = tempDir();
    const docs = mixedDocuments();
    seed(dir, docs, INDEXES);
    const db = await connectTo((await start(dir)).uri);
    const loaded = db.collection('things');
    const copy = db.collection('copy');
    for (const spec of INDEXES) await copy.createIndex(spec.key, { name: spec.name, unique: spec.unique });
    await copy.insertMany(docs.map((doc) => deserialize(serialize(doc))));

    await expectSameAnswers(loaded, copy, docs);
    expect(await loaded.countDocuments()).toBe(docs.length);
    // The unique index holds over the documents as loaded.
    await expect(loaded.insertOne({ email: 'person-3@example.org' })).rejects.toThrow(/E11000/);
  });

  it('when documents kept as bytes are updated, deleted and re-indexed, a restart and then a compaction keep every change', async () => {
    const dir = tempDir();
    const docs = mixedDocuments();
    seed(dir, docs, INDEXES);
    const first = await connectTo((await start(dir)).uri);
    const loaded = first.collection('things');
    const copy = first.collection('copy');
    for (const spec of INDEXES) await copy.createIndex(spec.key, { name: spec.name, unique: spec.unique });
    await copy.insertMany(docs.map((doc) => deserialize(serialize(doc))));
    for (const collection of [loaded, copy]) {
      // An indexed field changed on a document not read since the start: the old key no longer finds it.
      await collection.updateOne({ email: 'person-0@example.org' }, { $set: { tag: 'moved' } });
      await collection.deleteOne({ email: 'person-1@example.org' });
      await collection.createIndex({ n: 1 }, { name: 'n_1', unique: true });
    }
    // Only the document whose tag is a list holding 'plain' is left under that key.
    const listed = docs.find((doc) => Array.isArray(doc.tag))?.email as string;
    expect(await loaded.find({ tag: 'plain' }).project({ _id: 0, email: 1 }).toArray()).toEqual([{ email: listed }]);
    await expect(loaded.insertOne({ email: 'new@example.org', n: 4 })).rejects.toThrow(/E11000/);
    await expectSameAnswers(loaded, copy, docs);
    await first.close();
    await open.pop()?.close();

    // The journal replays the changes over the documents loaded as bytes.
    const second = await connectTo((await start(dir, 1)).uri);
    await expectSameAnswers(second.collection('things'), second.collection('copy'), docs);
    // Every journal is "too large": a write starts a compaction, which writes the unread documents out as their bytes.
    const before = statSync(join(dir, 'snapshot.bson')).mtimeMs;
    await second.collection('copy').insertOne({ email: 'trigger@example.org', n: 1000 });
    await until(() => statSync(join(dir, 'snapshot.bson')).mtimeMs !== before, 'the compaction has finished');
    await second.close();
    await open.pop()?.close();

    const third = await connectTo((await start(dir)).uri);
    await third.collection('copy').deleteOne({ email: 'trigger@example.org' });
    await expectSameAnswers(third.collection('things'), third.collection('copy'), docs);
  });

  it('when a restart replays a journal over a large snapshot, its first commands see the indexes as the documents are, however far their build after the start has come', async () => {
    const dir = tempDir();
    const docs = Array.from({ length: 30_000 }, (_, n) => ({ _id: new ObjectId(n.toString(16).padStart(24, '0')), email: `person-${n}@example.org`, tag: `tag-${n % 100}`, n }));
    seed(dir, docs, [
      { key: { email: 1 }, name: 'email_1', unique: true },
      { key: { tag: 1 }, name: 'tag_1' },
    ]);
    const first = await connectTo((await start(dir)).uri);
    await first.collection('things').updateOne({ email: 'person-7@example.org' }, { $set: { email: 'moved-7@example.org', tag: 'moved' } });
    await first.collection('things').deleteOne({ email: 'person-8@example.org' });
    await first.collection('things').insertOne({ email: 'new@example.org', tag: 'tag-1', n: -1 });
    await first.close();
    await open.pop()?.close();

    const things = (await connectTo((await start(dir)).uri)).collection('things');
    // The first commands are writes: the unique index refuses keys only the journal gave, and frees those it took away.
    await expect(things.insertOne({ email: 'moved-7@example.org' })).rejects.toThrow(/E11000/);
    await expect(things.insertOne({ email: 'new@example.org' })).rejects.toThrow(/E11000/);
    await expect(things.insertOne({ email: 'person-29999@example.org' })).rejects.toThrow(/E11000/);
    await things.insertOne({ email: 'person-7@example.org', tag: 'again', n: -2 });
    await things.insertOne({ email: 'person-8@example.org', tag: 'again', n: -3 });
    expect(await things.countDocuments({ tag: 'moved' })).toBe(1);
    expect(await things.countDocuments({ tag: 'tag-1' })).toBe(301);
    expect(await things.countDocuments({ tag: 'tag-7' })).toBe(299);
    expect(await things.countDocuments({ tag: 'tag-8' })).toBe(299);
    expect(await things.find({ tag: 'again' }).sort({ email: 1 }).project({ _id: 0, n: 1 }).toArray()).toEqual([{ n: -2 }, { n: -3 }]);
    const emails = [...docs.map((doc) => doc.email).filter((email) => !/^person-[78]@/.test(email)), 'moved-7@example.org', 'new@example.org', 'person-7@example.org', 'person-8@example.org'];
    emails.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
    expect((await things.find({}).sort({ email: -1 }).limit(5).toArray()).map((doc) => doc.email)).toEqual(emails.slice(0, 5));
    expect(await things.countDocuments({ email: { $gte: 'person-29990@', $lt: 'person-29999@~' } })).toBe(10);
  });

  it('when one key is held by many documents, finds answer with all of them, before and after one of them changes its key', async () => {
    const dir = tempDir();
    const docs = Array.from({ length: 20_000 }, (_, n) => ({ _id: n, tag: n % 2 ? 'odd' : 'even', n }));
    seed(dir, docs, [{ key: { tag: 1 }, name: 'tag_1' }]);
    const things = (await connectTo((await start(dir)).uri)).collection('things');
    expect(await things.find({ tag: 'odd' }).project({ _id: 1 }).limit(3).toArray()).toEqual([{ _id: 1 }, { _id: 3 }, { _id: 5 }]);
    expect(await things.countDocuments({ tag: 'odd', n: { $gte: 19_990 } })).toBe(5);
    await things.updateOne({ _id: 3 as never }, { $set: { tag: 'even' } });
    await things.deleteOne({ _id: 5 as never });
    await things.insertOne({ _id: 20_001 as never, tag: 'odd', n: 20_001 });
    expect(await things.find({ tag: 'odd' }).project({ _id: 1 }).limit(3).toArray()).toEqual([{ _id: 1 }, { _id: 7 }, { _id: 9 }]);
    expect(await things.countDocuments({ tag: 'odd', n: { $gte: 19_990 } })).toBe(6);
    expect(await things.countDocuments({ tag: 'even', n: { $lt: 10 } })).toBe(6);
  });
});

describe('records of documents kept as bytes', () => {
  it('a put record written from a document’s bytes carries those bytes untouched and reads back as the record of the decoded document', () => {
    let sameBytes = 0;
    for (const doc of mixedDocuments()) {
      for (const [db, c] of [
        ['kept', 'things'],
        ['dátabase', 'cöllection.with.dots'],
      ] as const) {
        const bytes = Buffer.from(serialize(doc));
        const record = encodeRawPut(db, c, bytes);
        const { records, torn } = decodeRecords(record);
        expect(torn).toBe(false);
        expect(records).toEqual([{ o: 'put', db, c, doc: deserialize(bytes) }]);
        expect(record.includes(bytes)).toBe(true);
        // Where decoding and encoding again gives the same bytes (not for a Long that fits a number), so does the record.
        if (Buffer.from(serialize(deserialize(bytes))).equals(bytes)) {
          expect(record.equals(encodeRecord({ o: 'put', db, c, doc: deserialize(bytes) }))).toBe(true);
          sameBytes += 1;
        }
      }
    }
    expect(sameBytes).toBeGreaterThan(20);
  });
});
