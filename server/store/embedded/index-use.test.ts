// Indexes answer more than plain equality: $eq, $in, ranges and sorts on an indexed field narrow the documents a
// query looks at (checked on the collection itself), and the answers stay exactly what a scan gives (over the wire).
import { ObjectId } from 'bson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import { Collection } from './collection';
import { startEmbeddedMongo, type EmbeddedMongo } from './index';

function seats(count: number): Collection {
  const collection = new Collection('app', 'seats', {}, undefined as never, { record: () => undefined });
  collection.createIndex({ v: 2, key: { n: 1 }, name: 'n_1' });
  for (let n = 0; n < count; n += 1) collection.insert({ _id: `seat-${n}`, n, group: n % 10 });
  return collection;
}

describe('what an index narrows', () => {
  const collection = seats(1_000);

  it('$eq and $in on an indexed field look only at the documents holding those values', () => {
    expect(collection.candidates({ n: { $eq: 7 } }).map((d) => d.n)).toEqual([7]);
    expect(collection.candidates({ n: { $in: [9, 3, 500, 5000] } }).map((d) => d.n)).toEqual([3, 9, 500]);
    expect(collection.candidates({ _id: { $in: ['seat-4', 'seat-2'] } }).map((d) => d.n)).toEqual([2, 4]);
  });

  it('a range on an indexed field looks only at the documents within its bounds', () => {
    expect(collection.candidates({ n: { $gte: 10, $lt: 15 } }).map((d) => d.n)).toEqual([10, 11, 12, 13, 14]);
    expect(collection.candidates({ n: { $gt: 997 } }).map((d) => d.n)).toEqual([998, 999]);
  });

  it('a sort on an indexed field walks the index in order instead of sorting every document', () => {
    const walked = collection.inSortOrder({}, { n: -1 });
    expect(walked).toBeDefined();
    const first = [...(walked as Iterable<{ n: number }>)].slice(0, 3).map((d) => d.n);
    expect(first).toEqual([999, 998, 997]);
    expect(collection.inSortOrder({ group: 3 }, { group: 1 })).toBeUndefined(); // no index on group
  });
});

describe('answers through indexes are the answers of a scan', () => {
  let store: EmbeddedMongo;
  let connection: Connection;

  beforeAll(async () => {
    store = await startEmbeddedMongo();
    connection = mongoose.createConnection(store.uri, { dbName: 'index_use' });
    await connection.asPromise();
  });

  afterAll(async () => {
    await connection.close();
    await store.close();
  });

  it('sorted, ranged and limited finds on an indexed field agree with the same finds on an unindexed copy, through inserts, updates and deletes', async () => {
    const indexed = connection.collection('indexed');
    const plain = connection.collection('plain');
    await indexed.createIndex({ score: 1 });
    await indexed.createIndex({ at: -1 });
    // Mixed types on purpose: numbers, strings, dates, null and missing sort by type first, as in MongoDB.
    const values: unknown[] = [5, 3.5, 'b', 'a', null, undefined, 12, -1, new Date(2000), new Date(1000), 7, 8, 0];
    const docs = values.map((score, i) => ({ _id: new ObjectId(), i, ...(score === undefined ? {} : { score }), at: new Date(1_000_000 + ((i * 7) % 13) * 1000) }));
    await indexed.insertMany(docs.map((d) => ({ ...d })));
    await plain.insertMany(docs.map((d) => ({ ...d })));
    // The index must follow changes made after it was first read in order.
    const ask = async (filter: object, sort: Record<string, 1 | -1>, limit = 0) => {
      const project = { projection: { _id: 0, i: 1 } };
      const a = await indexed.find(filter, project).sort(sort).limit(limit).toArray();
      const b = await plain.find(filter, project).sort(sort).limit(limit).toArray();
      return { indexed: a.map((d) => d.i as number), scanned: b.map((d) => d.i as number) };
    };
    const queries: [object, Record<string, 1 | -1>, number][] = [
      [{}, { score: 1 }, 0],
      [{}, { score: -1 }, 4],
      [{ score: { $gte: 3.5, $lt: 12 } }, { score: 1 }, 0],
      [{ score: { $gt: 'a' } }, { score: -1 }, 0],
      [{ score: { $lte: new Date(1500) } }, { score: 1 }, 0],
      [{ score: { $gt: 0 }, i: { $ne: 1 } }, { score: -1 }, 2],
      [{}, { at: -1 }, 5],
      [{ at: { $gte: new Date(1_005_000) } }, { at: 1 }, 0],
    ];
    const check = async () => {
      for (const [filter, sort, limit] of queries) {
        const { indexed: a, scanned: b } = await ask(filter, sort, limit);
        expect(a, JSON.stringify({ filter, sort })).toEqual(b);
      }
    };
    await check();
    for (const target of [indexed, plain]) {
      await target.updateOne({ i: 0 }, { $set: { score: 100 } });
      await target.updateOne({ i: 2 }, { $unset: { score: '' } });
      await target.deleteOne({ i: 7 });
      await target.insertOne({ i: 20, score: 4, at: new Date(999_000) });
    }
    await check();
    // Dates sort after numbers (BSON type order): both dates lead a descending sort, then the string, then score 100.
    expect((await ask({}, { score: -1 }, 4)).indexed).toEqual([8, 9, 3, 0]);
    expect((await ask({ score: { $gt: 3, $lt: 6 } }, { score: 1 })).indexed).toEqual([1, 20]);
  });

  it('a field that holds an array sorts as MongoDB sorts arrays, not by the index', async () => {
    const tags = connection.collection('tags');
    await tags.createIndex({ tag: 1 });
    await tags.insertMany([{ i: 1, tag: 'm' }, { i: 2, tag: ['z', 'a'] }, { i: 3, tag: 'c' }]);
    const order = (await tags.find({}).sort({ tag: 1 }).toArray()).map((d) => d.i as number);
    const plain = connection.collection('tags_plain');
    await plain.insertMany([{ i: 1, tag: 'm' }, { i: 2, tag: ['z', 'a'] }, { i: 3, tag: 'c' }]);
    expect(order).toEqual((await plain.find({}).sort({ tag: 1 }).toArray()).map((d) => d.i as number));
    // As in MongoDB, each bound may be met by a different element of the array ('z' ≥ 'b', 'a' < 'n').
    expect((await tags.find({ tag: { $gte: 'b', $lt: 'n' } }).toArray()).map((d) => d.i as number)).toEqual([1, 2, 3]);
  });
});
