// Every kind of store operation Playroute uses, through mongoose; passes against the embedded store and a real MongoDB alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Schema, type Connection, type Model } from 'mongoose';
import { Binary, type Document, type UpdateFilter } from 'mongodb';
import { connectTestDatabase, realMongoDbReason } from '../support/database';

interface Seat {
  session: string;
  capacity: number;
  taken: number;
  students: string[];
}

interface Enrolment {
  course: string;
  student: string;
  score?: number;
  tags: string[];
  attempts: { activity: string; done: boolean; score?: number }[];
  version: number;
}

let connection: Connection;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ connection, drop } = await connectTestDatabase('conformance'));
});

afterAll(async () => {
  await drop();
});

function enrolmentModel(name: string): Model<Enrolment> {
  const schema = new Schema<Enrolment>({
    course: { type: String, required: true },
    student: { type: String, required: true },
    score: Number,
    tags: [String],
    attempts: [{ _id: false, activity: String, done: Boolean, score: Number }],
    version: { type: Number, default: 1 },
  });
  schema.index({ course: 1, student: 1 }, { unique: true });
  return connection.model<Enrolment>(name, schema);
}

describe('documents: create, read, update, delete', () => {
  it('when a student enrols and later leaves, the record can be found, changed and removed', async () => {
    const Enrolments = enrolmentModel('CrudEnrolment');
    await Enrolments.init();
    const created = await Enrolments.create({ course: 'c1', student: 's1', tags: ['new'] });

    const found = await Enrolments.findById(created._id).lean();
    expect(found?.student).toBe('s1');
    expect(Object.keys(found ?? {})[0]).toBe('_id');

    const updated = await Enrolments.updateOne({ _id: created._id }, { $set: { score: 7 } });
    expect(updated.matchedCount).toBe(1);
    expect(updated.modifiedCount).toBe(1);
    const unchanged = await Enrolments.updateOne({ _id: created._id }, { $set: { score: 7 } });
    expect(unchanged.modifiedCount).toBe(0);

    expect(await Enrolments.exists({ student: 's1' })).toBeTruthy();
    const removed = await Enrolments.deleteOne({ _id: created._id });
    expect(removed.deletedCount).toBe(1);
    expect(await Enrolments.exists({ student: 's1' })).toBeNull();
  });

  it('when many records are written at once, updateMany, deleteMany and bulkWrite report what they did', async () => {
    const Enrolments = enrolmentModel('BulkEnrolment');
    await Enrolments.init();
    await Enrolments.insertMany(['a', 'b', 'c', 'd'].map((student) => ({ course: 'bulk', student, tags: [] })));

    const many = await Enrolments.updateMany({ course: 'bulk', student: { $in: ['a', 'b'] } }, { $set: { score: 5 } });
    expect(many.modifiedCount).toBe(2);

    const bulk = await Enrolments.bulkWrite([
      { insertOne: { document: { course: 'bulk', student: 'e', tags: [], attempts: [], version: 1 } } },
      { updateOne: { filter: { student: 'c' }, update: { $set: { score: 9 } } } },
      { deleteOne: { filter: { student: 'd' } } },
      { updateOne: { filter: { course: 'bulk', student: 'f' }, update: { $set: { score: 1 } }, upsert: true } },
    ]);
    expect(bulk.insertedCount).toBe(1);
    expect(bulk.modifiedCount).toBe(1);
    expect(bulk.deletedCount).toBe(1);
    expect(bulk.upsertedCount).toBe(1);

    const deleted = await Enrolments.deleteMany({ score: { $gte: 5 } });
    expect(deleted.deletedCount).toBe(3);
    expect((await Enrolments.find({}, { student: 1 }).sort({ student: 1 }).lean()).map((e) => e.student)).toEqual(['e', 'f']);
  });
});

describe('upserts', () => {
  it('when an upsert finds nothing, the new document takes the query equalities and $setOnInsert; a second upsert only updates', async () => {
    const Enrolments = enrolmentModel('UpsertEnrolment');
    await Enrolments.init();
    const first = await Enrolments.findOneAndUpdate(
      { course: 'c2', student: 's2' },
      { $inc: { version: 1 }, $setOnInsert: { tags: ['fresh'] } },
      { upsert: true, returnDocument: 'after', setDefaultsOnInsert: false },
    ).lean();
    expect(first).toMatchObject({ course: 'c2', student: 's2', version: 1, tags: ['fresh'] });

    const second = await Enrolments.findOneAndUpdate(
      { course: 'c2', student: 's2' },
      { $inc: { version: 1 }, $setOnInsert: { tags: ['ignored'] } },
      { upsert: true, returnDocument: 'after' },
    ).lean();
    expect(second).toMatchObject({ version: 2, tags: ['fresh'] });
    expect(String(second?._id)).toBe(String(first?._id));

    const result = await Enrolments.updateOne({ course: 'c3', student: 's3' }, { $set: { score: 4 } }, { upsert: true });
    expect(result.upsertedCount).toBe(1);
    expect(await Enrolments.findById(result.upsertedId).lean()).toMatchObject({ course: 'c3', student: 's3', score: 4 });
  });

  it('when an upsert gives the new document its own _id (as mongoose does for a default), the document keeps it', async () => {
    const Registrations = connection.model<{ _id: string; issuer: string; clientId: string; name: string }>(
      'Registration',
      new Schema({ _id: { type: String, default: () => `reg-${Math.random().toString(36).slice(2)}` }, issuer: String, clientId: String, name: String }, { versionKey: false }),
    );
    const first = await Registrations.findOneAndUpdate(
      { issuer: 'https://lms.example.edu', clientId: 'abc' },
      { $set: { name: 'First' } },
      { upsert: true, new: true, setDefaultsOnInsert: true },
    ).lean();
    expect(first?._id).toMatch(/^reg-/);
    const again = await Registrations.findOneAndUpdate(
      { issuer: 'https://lms.example.edu', clientId: 'abc' },
      { $set: { name: 'Renamed' } },
      { upsert: true, new: true, setDefaultsOnInsert: true },
    ).lean();
    expect(again).toEqual({ _id: first?._id, issuer: 'https://lms.example.edu', clientId: 'abc', name: 'Renamed' });
    const raw = connection.db?.collection<{ _id: string; issuer?: string; name?: string }>(Registrations.collection.collectionName);
    await raw?.updateOne({ issuer: 'x' }, { $set: { name: 'X' }, $setOnInsert: { _id: 'chosen' } }, { upsert: true });
    expect(await Registrations.findById('chosen').lean()).toMatchObject({ issuer: 'x', name: 'X' });
    await expect(raw?.updateOne({ _id: 'chosen' }, { $set: { _id: 'other' } })).rejects.toMatchObject({ code: 66 });
  });

  it('when a whole document is replaced, its _id stays and old fields go', async () => {
    const Enrolments = enrolmentModel('ReplaceEnrolment');
    const doc = await Enrolments.create({ course: 'c', student: 's', score: 3, tags: ['x'] });
    await Enrolments.replaceOne({ _id: doc._id }, { course: 'c', student: 's', tags: [], attempts: [], version: 5 });
    const after = await Enrolments.findById(doc._id).lean();
    expect(after?.version).toBe(5);
    expect(after?.score).toBeUndefined();
  });
});

describe('atomic updates', () => {
  it('when counters and lists change, $inc, $push, $pull and $addToSet apply on the server', async () => {
    const Enrolments = enrolmentModel('AtomicEnrolment');
    const doc = await Enrolments.create({ course: 'c', student: 's', tags: ['a', 'b'] });
    await Enrolments.updateOne({ _id: doc._id }, { $inc: { version: 2 }, $push: { tags: 'c' } });
    await Enrolments.updateOne({ _id: doc._id }, { $pull: { tags: 'a' } });
    await Enrolments.updateOne({ _id: doc._id }, { $addToSet: { tags: { $each: ['b', 'd'] } } });
    const after = await Enrolments.findById(doc._id).lean();
    expect(after?.version).toBe(3);
    expect(after?.tags).toEqual(['b', 'c', 'd']);
  });

  it('when one attempt in a list is marked done, positional $ and arrayFilters change only the matching items', async () => {
    const Enrolments = enrolmentModel('PositionalEnrolment');
    const doc = await Enrolments.create({
      course: 'c',
      student: 's',
      attempts: [
        { activity: 'read', done: false },
        { activity: 'write', done: false },
        { activity: 'talk', done: false },
      ],
    });
    await Enrolments.updateOne({ _id: doc._id, 'attempts.activity': 'write' }, { $set: { 'attempts.$.done': true } });
    await Enrolments.updateOne(
      { _id: doc._id },
      { $set: { 'attempts.$[a].score': 8 } },
      { arrayFilters: [{ 'a.activity': { $in: ['read', 'talk'] } }] },
    );
    const after = await Enrolments.findById(doc._id).lean();
    expect(after?.attempts).toEqual([
      { activity: 'read', done: false, score: 8 },
      { activity: 'write', done: true },
      { activity: 'talk', done: false, score: 8 },
    ]);
  });

  it('when twenty students take the last seats at once, no more seats are taken than the capacity', async () => {
    const Seats = connection.model<Seat>('Seat', new Schema<Seat>({ session: String, capacity: Number, taken: Number, students: [String] }));
    const seat = await Seats.create({ session: 'lab', capacity: 7, taken: 0, students: [] });
    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        Seats.findOneAndUpdate(
          { _id: seat._id, $expr: { $lt: ['$taken', '$capacity'] } },
          { $inc: { taken: 1 }, $push: { students: `s${i}` } },
          { returnDocument: 'after' },
        ).lean(),
      ),
    );
    expect(attempts.filter((a) => a !== null)).toHaveLength(7);
    const after = await Seats.findById(seat._id).lean();
    expect(after?.taken).toBe(7);
    expect(after?.students).toHaveLength(7);
  });

  it('when two tabs save a route with the same version, the second save finds nothing and returns null', async () => {
    const Enrolments = enrolmentModel('VersionEnrolment');
    const doc = await Enrolments.create({ course: 'c', student: 's', version: 1 });
    const save = (score: number) =>
      Enrolments.findOneAndUpdate({ _id: doc._id, version: 1 }, { $set: { score }, $inc: { version: 1 } }, { returnDocument: 'after' }).lean();
    const first = await save(5);
    const second = await save(6);
    expect(first?.version).toBe(2);
    expect(second).toBeNull();
    expect((await Enrolments.findById(doc._id).lean())?.score).toBe(5);
  });
});

describe('unique indexes', () => {
  it('when a student enrols twice in one course, mongoose reports the duplicate key with its fields', async () => {
    const Enrolments = enrolmentModel('UniqueEnrolment');
    await Enrolments.init();
    await Enrolments.create({ course: 'c', student: 's' });
    await Enrolments.create({ course: 'c', student: 'other' });
    const error: unknown = await Enrolments.create({ course: 'c', student: 's' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 11000, keyPattern: { course: 1, student: 1 }, keyValue: { course: 'c', student: 's' } });
    expect((error as Error).message).toMatch(/E11000 duplicate key error collection: .*uniqueenrolments index: course_1_student_1 dup key/);

    const clash = await Enrolments.updateOne({ student: 'other' }, { $set: { student: 's' } }).catch((e: unknown) => e);
    expect(clash).toMatchObject({ code: 11000 });
    expect(await Enrolments.countDocuments({ student: 'other' })).toBe(1);
  });

  it('when a document is inserted with an _id that exists, it is refused and the stored one stays', async () => {
    const raw = connection.db?.collection<{ _id: string; name: string }>('duplicate_ids');
    await raw?.insertOne({ _id: 'same', name: 'first' });
    await expect(raw?.insertOne({ _id: 'same', name: 'second' })).rejects.toMatchObject({ code: 11000, keyValue: { _id: 'same' } });
    expect(await raw?.findOne({ _id: 'same' })).toEqual({ _id: 'same', name: 'first' });
  });

  it('when an unordered batch contains duplicates, the other documents are still inserted', async () => {
    const Enrolments = enrolmentModel('BatchEnrolment');
    await Enrolments.init();
    const docs = ['a', 'b', 'a', 'c'].map((student) => ({ course: 'c', student }));
    const error: unknown = await Enrolments.insertMany(docs, { ordered: false }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 11000 });
    expect(await Enrolments.countDocuments()).toBe(3);

    const ordered: unknown = await Enrolments.insertMany(['d', 'a', 'e'].map((student) => ({ course: 'c', student }))).catch((e: unknown) => e);
    expect(ordered).toMatchObject({ code: 11000 });
    expect((await Enrolments.distinct('student')).sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('when a unique index is added over existing duplicates, creating it fails with 11000', async () => {
    const collection = connection.collection('late_unique');
    await collection.insertMany([{ email: 'x@example.org' }, { email: 'x@example.org' }]);
    const error: unknown = await collection.createIndex({ email: 1 }, { unique: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 11000 });
    const names = (await collection.indexes()).map((index) => index.name);
    expect(names).not.toContain('email_1');
  });

  it('when syncIndexes runs, declared indexes exist and undeclared ones are dropped', async () => {
    const collection = connection.collection('syncenrolments');
    await collection.createIndex({ stale: 1 });
    const Enrolments = enrolmentModel('SyncEnrolment');
    await Enrolments.syncIndexes();
    const names = (await Enrolments.listIndexes()).map((index) => index.name).sort();
    expect(names).toEqual(['_id_', 'course_1_student_1']);
  });
});

describe('sorting and paging', () => {
  it('when a class list is paged, sort, skip and limit give each page, and a small batch size still streams every row', async () => {
    const Rows = connection.model('Row', new Schema({ n: Number, group: String }));
    await Rows.insertMany(Array.from({ length: 250 }, (_, n) => ({ n, group: n % 2 ? 'odd' : 'even' })));
    const page = await Rows.find({ group: 'even' }).sort({ n: -1 }).skip(10).limit(5).lean();
    expect(page.map((r) => r.n)).toEqual([228, 226, 224, 222, 220]);

    const seen: number[] = [];
    for await (const row of Rows.find().sort({ n: 1 }).batchSize(7).lean().cursor()) seen.push(row.n as number);
    expect(seen).toHaveLength(250);
    expect(seen[249]).toBe(249);

    const all = await Rows.find({}, { n: 1, _id: 0 }).lean();
    expect(all).toHaveLength(250);
    expect(Object.keys(all[0] ?? {})).toEqual(['n']);
  });
});

describe('counting and aggregation', () => {
  it('when a teacher watches the class, counts, distinct values and grouped totals are right', async () => {
    const Students = connection.model('Student', new Schema({ name: String, cohort: String }));
    const Scores = connection.model('Score', new Schema({ student: Schema.Types.ObjectId, outcome: String, points: Number }));
    const [ann, bob] = await Students.insertMany([
      { name: 'Ann', cohort: 'A' },
      { name: 'Bob', cohort: 'B' },
    ]);
    await Scores.insertMany([
      { student: ann?._id, outcome: 'o1', points: 4 },
      { student: ann?._id, outcome: 'o2', points: 6 },
      { student: bob?._id, outcome: 'o1', points: 3 },
    ]);

    expect(await Scores.countDocuments({ points: { $gte: 4 } })).toBe(2);
    expect(await Scores.estimatedDocumentCount()).toBe(3);
    expect((await Scores.distinct('outcome')).sort()).toEqual(['o1', 'o2']);

    const totals = await Scores.aggregate<{ _id: string; total: number; n: number }>([
      { $match: { points: { $gt: 0 } } },
      { $group: { _id: '$outcome', total: { $sum: '$points' }, n: { $sum: 1 } } },
      { $sort: { _id: 1 } },
    ]);
    expect(totals).toEqual([
      { _id: 'o1', total: 7, n: 2 },
      { _id: 'o2', total: 6, n: 1 },
    ]);

    const joined = await Scores.aggregate<{ name: string; points: number }>([
      { $lookup: { from: Students.collection.name, localField: 'student', foreignField: '_id', as: 'who' } },
      { $unwind: '$who' },
      { $project: { _id: 0, name: '$who.name', points: 1 } },
      { $sort: { points: -1 } },
    ]);
    expect(joined).toEqual([
      { points: 6, name: 'Ann' },
      { points: 4, name: 'Ann' },
      { points: 3, name: 'Bob' },
    ]);

    const [counted] = await Scores.aggregate<{ high: number }>([{ $match: { points: { $gt: 3 } } }, { $count: 'high' }]);
    expect(counted?.high).toBe(2);
  });

  it('when the collection is dropped, it no longer exists and counts are zero', async () => {
    const Temp = connection.model('Temp', new Schema({ x: Number }));
    await Temp.create({ x: 1 });
    await Temp.collection.drop();
    const names = (await connection.listCollections()).map((c) => c.name);
    expect(names).not.toContain(Temp.collection.name);
    expect(await Temp.countDocuments()).toBe(0);
  });
});

describe('expiry (TTL)', () => {
  // A real mongod's TTL monitor runs only every 60 s, too slow for a test; the embedded store sweeps every second.
  const ttlSkip = realMongoDbReason('its TTL monitor removes expired documents only once a minute');

  it('when nonces are stored with an expiry, the TTL index records it', async () => {
    const Nonces = connection.model('NonceIndex', new Schema({ value: String, createdAt: { type: Date, expires: 1 } }));
    await Nonces.init();
    const ttl = (await Nonces.listIndexes()).find((index) => index.name === 'createdAt_1');
    expect(ttl?.expireAfterSeconds).toBe(1);
  });

  it.skipIf(ttlSkip)(`when a nonce expires, the embedded store removes the document and keeps the fresh one${ttlSkip ? ` (${ttlSkip})` : ''}`, async () => {
    const Nonces = connection.model('Nonce', new Schema({ value: String, createdAt: { type: Date, expires: 1 } }));
    await Nonces.init();
    await Nonces.create({ value: 'old', createdAt: new Date(Date.now() - 60_000) });
    await Nonces.create({ value: 'fresh', createdAt: new Date(Date.now() + 3_600_000) });
    await expect.poll(() => Nonces.countDocuments({ value: 'old' }), { timeout: 5_000, interval: 100 }).toBe(0);
    expect(await Nonces.countDocuments({ value: 'fresh' })).toBe(1);
  });
});

describe('connection', () => {
  it('when the store is asked who it is, it answers as a writable primary', async () => {
    const hello = await connection.db!.admin().command({ hello: 1 });
    expect(hello.isWritablePrimary).toBe(true);
  });
});

describe('document size limits (16 MiB)', () => {
  const MiB = 1024 * 1024;

  it('when a $push would grow a document past 16 MiB, the update fails with BSONObjectTooLarge (10334) and the document stays as it was', async () => {
    const raw = connection.db!.collection<{ _id: string; log: string[] }>('size_push');
    await raw.insertOne({ _id: 'big', log: ['a'.repeat(10 * MiB)] });
    const error: unknown = await raw.updateOne({ _id: 'big' }, { $push: { log: 'b'.repeat(7 * MiB) } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 10334 });
    const after = await raw.findOne({ _id: 'big' });
    expect(after?.log.map((entry) => entry.length)).toEqual([10 * MiB]);
  });

  it('when an aggregation builds a result document over 16 MiB, it fails with BSONObjectTooLarge (10334) and the store keeps answering', async () => {
    const raw = connection.db!.collection('size_group');
    await raw.insertMany([{ part: 'a'.repeat(9 * MiB) }, { part: 'b'.repeat(9 * MiB) }]);
    const error: unknown = await raw.aggregate([{ $group: { _id: null, parts: { $push: '$part' } } }]).toArray().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 10334 });
    expect(await raw.countDocuments()).toBe(2);
  });
});

describe('invalid updates are refused as MongoDB refuses them', () => {
  const cases: [string, number, Record<string, unknown>][] = [
    ['$push on a field that is not an array', 2, { $push: { name: 'x' } }],
    ['$addToSet on a field that is not an array', 2, { $addToSet: { name: 'x' } }],
    ['$inc on a string', 14, { $inc: { name: 1 } }],
    ['$set through a scalar', 28, { $set: { 'count.deeper': 1 } }],
  ];
  it.each(cases)('when an update applies %s, it fails with code %s and the document is unchanged', async (_name, code, update) => {
    const raw = connection.db!.collection<{ _id: string; name: string; count: number }>('invalid_updates');
    await raw.deleteMany({});
    await raw.insertOne({ _id: 'doc', name: 'Ann', count: 1 });
    await expect(raw.updateOne({ _id: 'doc' }, update)).rejects.toMatchObject({ code });
    expect(await raw.findOne({ _id: 'doc' })).toEqual({ _id: 'doc', name: 'Ann', count: 1 });
  });
});

/** A document with a string _id and any fields, for raw-driver cases. */
type Loose = { _id: string } & Record<string, unknown>;

describe('answers mongoose relies on', () => {
  it('when a child document with timestamps is updated through positional $, both its field and its updatedAt change', async () => {
    const Step = new Schema({ title: String }, { timestamps: true });
    const Routes = connection.model('PositionalTimestampsRoute', new Schema({ name: String, steps: [Step] }));
    const route = await Routes.create({ name: 'r', steps: [{ title: 'one' }, { title: 'two' }] });
    const second = route.steps[1]!;
    const before = (second as unknown as { updatedAt: Date }).updatedAt;
    await new Promise((done) => setTimeout(done, 5));
    // mongoose adds 'steps.$.updatedAt' to this $set: two fields through the same positional $.
    await Routes.updateOne({ _id: route._id, 'steps._id': second._id }, { $set: { 'steps.$.title': 'renamed' } });
    const after = await Routes.findById(route._id).lean<{ steps: { title: string; updatedAt: Date }[] }>();
    expect(after?.steps.map((s) => s.title)).toEqual(['one', 'renamed']);
    expect(after?.steps[1]?.updatedAt.getTime()).toBeGreaterThan(before.getTime());
  });

  it('when a projection only slices an array, the other fields still come back', async () => {
    const raw = connection.db!.collection<Loose>('slice_projection');
    await raw.insertOne({ _id: 's', name: 'Ann', tags: ['a', 'b', 'c'] });
    expect(await raw.findOne({ _id: 's' }, { projection: { tags: { $slice: 2 } } })).toEqual({ _id: 's', name: 'Ann', tags: ['a', 'b'] });
    expect(await raw.findOne({ _id: 's' }, { projection: { tags: { $slice: -1 } } })).toEqual({ _id: 's', name: 'Ann', tags: ['c'] });
  });

  it('when $pull is given an $or condition, the matching items are removed', async () => {
    const raw = connection.db!.collection('pull_or');
    const { insertedId } = await raw.insertOne({ items: [{ k: 1 }, { k: 2 }, { k: 3 }] });
    // The driver's types do not foresee $or inside $pull; MongoDB accepts any query there.
    const pull = { $pull: { items: { $or: [{ k: 1 }, { k: 3 }] } } } as unknown as UpdateFilter<Document>;
    await raw.updateOne({ _id: insertedId }, pull);
    expect((await raw.findOne({ _id: insertedId }))?.items).toEqual([{ k: 2 }]);
  });

  it('when $all is used on a field that holds a single value, it matches that value', async () => {
    const raw = connection.db!.collection<Loose>('all_scalar');
    await raw.insertMany([{ _id: 'a', role: 'teacher' }, { _id: 'b', role: 'student' }]);
    expect((await raw.find({ role: { $all: ['teacher'] } }).toArray()).map((d) => d._id)).toEqual(['a']);
  });

  it('when binary values are compared with $lt/$gt, they order as MongoDB orders them (length, then subtype, then bytes)', async () => {
    const raw = connection.db!.collection<Loose>('binary_order');
    await raw.insertMany([
      { _id: 'short', bin: new Binary(Buffer.from([9])) },
      { _id: 'long', bin: new Binary(Buffer.from([1, 2])) },
      { _id: 'uuid', bin: new Binary(Buffer.alloc(16, 1), Binary.SUBTYPE_UUID) },
    ]);
    const ids = async (filter: Record<string, unknown>) => (await raw.find(filter).sort({ _id: 1 }).toArray()).map((d) => d._id);
    expect(await ids({ bin: { $gt: new Binary(Buffer.from([5])) } })).toEqual(['long', 'short', 'uuid']);
    expect(await ids({ bin: { $lt: new Binary(Buffer.from([0, 0])) } })).toEqual(['short']);
    expect(await ids({ bin: { $gte: new Binary(Buffer.from([1, 2])), $lte: new Binary(Buffer.alloc(16)) } })).toEqual(['long']);
  });

  it('when a query names a collation MongoDB does not know, it fails with BadValue (2) instead of a JavaScript error', async () => {
    const raw = connection.db!.collection<Loose>('collation_check');
    await raw.insertOne({ _id: 'ann', name: 'Ann' });
    const error: unknown = await raw.find({}, { collation: { locale: 'zz_NOT_A_LOCALE' } }).sort({ name: 1 }).toArray().catch((e: unknown) => e);
    // mongod's own words (CollatorFactoryICU): the field at fault, not the JavaScript runtime's error.
    expect(error).toMatchObject({ code: 2, message: expect.stringMatching(/^Field 'locale' is invalid in: /) });
  });

  it('when a command passes variables with let, $$names in the query, the pipeline and the update see them', async () => {
    const raw = connection.db!.collection<{ _id: string; score: number; flagged?: boolean }>('let_vars');
    await raw.insertMany([{ _id: 'a', score: 3 }, { _id: 'b', score: 8 }]);
    const over = { $expr: { $gt: ['$score', '$$limit'] } };
    expect((await raw.find(over, { let: { limit: 5 } }).toArray()).map((d) => d._id)).toEqual(['b']);
    expect(await raw.aggregate([{ $match: over }, { $project: { _id: 1 } }], { let: { limit: 1 } }).toArray()).toEqual([{ _id: 'a' }, { _id: 'b' }]);
    await raw.updateMany(over, { $set: { flagged: true } }, { let: { limit: 5 } });
    expect((await raw.find({ flagged: true }).toArray()).map((d) => d._id)).toEqual(['b']);
    await raw.deleteMany(over, { let: { limit: 5 } });
    expect(await raw.countDocuments()).toBe(1);
  });
});

describe('collation in queries', () => {
  it('when a query carries a case-insensitive collation, equality, $in and updates ignore case (strength 2) or case and accents (strength 1)', async () => {
    const raw = connection.db!.collection<Loose>('collation_match');
    await raw.insertMany([{ _id: 'a', name: 'Ann' }, { _id: 'b', name: 'ann' }, { _id: 'c', name: 'Änn' }, { _id: 'd', name: 'Bob' }]);
    // ICU's spelling (en_US), as MongoDB takes it.
    const caseless = { locale: 'en_US', strength: 2 };
    expect((await raw.find({ name: 'ANN' }, { collation: caseless }).sort({ _id: 1 }).toArray()).map((d) => d._id)).toEqual(['a', 'b']);
    expect(await raw.countDocuments({ name: { $in: ['ann', 'bob'] } }, { collation: { locale: 'en', strength: 1 } })).toBe(4);
    expect((await raw.find({ name: { $ne: 'ann' } }, { collation: caseless }).sort({ _id: 1 }).toArray()).map((d) => d._id)).toEqual(['c', 'd']);
    const updated = await raw.updateMany({ name: 'ANN' }, { $set: { seen: true } }, { collation: caseless });
    expect(updated.modifiedCount).toBe(2);
    expect(await raw.countDocuments({ name: 'ann' })).toBe(1);
  });
});
