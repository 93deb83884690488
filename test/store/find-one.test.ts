// findOneDocument answers what the driver's findOne answers, over the real store, as one find command and nothing more.
import { Binary, Decimal128, ObjectId, type CommandStartedEvent, type Db } from 'mongodb';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOneDocument } from '../../server/store/find-one';
import { testMongoUri, uniqueDatabaseName } from '../support/database';

let connection: Connection;
let db: Db;
const started: CommandStartedEvent[] = [];

const first = new ObjectId();
const docs = [
  { _id: first, playbookId: 'pb-1', studentId: 's-1', version: 3, at: new Date('2026-01-02T03:04:05Z'), score: Decimal128.fromString('7.25'), blob: new Binary(Buffer.from([1, 2, 3])), entries: [{ activityId: 'a', status: 'done' }], history: [{ n: 1 }, { n: 2 }] },
  { _id: new ObjectId(), playbookId: 'pb-1', studentId: 's-2', version: 1, at: new Date('2026-02-02T00:00:00Z'), entries: [], history: [] },
  { _id: new ObjectId(), playbookId: 'pb-2', studentId: 's-1', version: 8, entries: [{ activityId: 'b', status: 'planned' }], history: [{ n: 9 }] },
];

beforeAll(async () => {
  connection = mongoose.createConnection(testMongoUri(), { dbName: uniqueDatabaseName('find_one'), monitorCommands: true });
  await connection.asPromise();
  db = connection.db as Db;
  await db.collection('routes').insertMany(docs.map((doc) => ({ ...doc })));
  connection.getClient().on('commandStarted', (event) => started.push(event));
});

afterAll(async () => {
  await connection.dropDatabase();
  await connection.close();
});

describe('findOneDocument', () => {
  const queries: [string, Record<string, unknown>, { projection?: Record<string, unknown>; sort?: Record<string, 1 | -1> }][] = [
    ['by two keys', { playbookId: 'pb-1', studentId: 's-1' }, {}],
    ['by two keys, history left out', { playbookId: 'pb-1', studentId: 's-1' }, { projection: { history: 0 } }],
    ['by id, two fields kept', { _id: first }, { projection: { version: 1, entries: 1 } }],
    ['several match: the first in natural order', { playbookId: 'pb-1' }, {}],
    ['several match, sorted: the first of the sort', { playbookId: 'pb-1' }, { sort: { version: 1 } }],
    ['by an operator', { version: { $gt: 5 } }, { projection: { _id: 0, studentId: 1 } }],
    ['none match', { playbookId: 'pb-9' }, {}],
  ];

  it.each(queries)('%s: what findOne answers', async (_name, filter, options) => {
    const expected = await db.collection('routes').findOne(filter, options);
    const answer = await findOneDocument(db, 'routes', filter, options);
    expect(answer).toEqual(expected);
    if (expected) expect(Object.keys(answer ?? {})).toEqual(Object.keys(expected));
  });

  it('keeps the stored types (ObjectId, Date, Decimal128, binary)', async () => {
    const answer = await findOneDocument(db, 'routes', { _id: first });
    expect(answer?._id).toBeInstanceOf(ObjectId);
    expect(answer?.at).toEqual(new Date('2026-01-02T03:04:05Z'));
    expect(String(answer?.score)).toBe('7.25');
    expect(Buffer.from((answer?.blob as Binary).buffer)).toEqual(Buffer.from([1, 2, 3]));
  });

  it('is one find command that closes its own cursor: no getMore, no killCursors', async () => {
    started.length = 0;
    await findOneDocument(db, 'routes', { playbookId: 'pb-1' }, { projection: { history: 0 } });
    expect(started.map((event) => event.commandName)).toEqual(['find']);
    expect(started[0]?.command).toMatchObject({ find: 'routes', filter: { playbookId: 'pb-1' }, projection: { history: 0 }, limit: 1, singleBatch: true });
  });

  it('a refused query is the store’s error, as with findOne', async () => {
    const refused = (query: Promise<unknown>) => query.then(() => 'answered', (error: { codeName?: string }) => error.codeName ?? 'error');
    const expected = await refused(db.collection('routes').findOne({ version: { $bogus: 1 } }));
    expect(expected).not.toBe('answered');
    expect(await refused(findOneDocument(db, 'routes', { version: { $bogus: 1 } }))).toBe(expected);
  });
});
