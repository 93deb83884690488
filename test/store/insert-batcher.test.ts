// The insert batcher over the real store: inserts asked for in one turn leave as one insert command, and each caller
// hears only of its own documents — stored, tolerated or refused.
import type { CommandStartedEvent, Collection } from 'mongodb';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InsertBatcher } from '../../server/store/insert-batcher';
import { isDuplicateKeyError } from '../../server/store/mongo-errors';
import { testMongoUri, uniqueDatabaseName } from '../support/database';

interface Entry {
  _id: string;
  note: string;
}

let connection: Connection;
let entries: Collection<Entry>;
const inserts: CommandStartedEvent[] = [];

beforeAll(async () => {
  connection = mongoose.createConnection(testMongoUri(), { dbName: uniqueDatabaseName('insert_batcher'), monitorCommands: true });
  await connection.asPromise();
  connection.getClient().on('commandStarted', (event) => {
    if (event.commandName === 'insert') inserts.push(event);
  });
});

beforeEach(async () => {
  entries = connection.db!.collection<Entry>(`entries_${inserts.length}_${Date.now()}`);
  await entries.insertOne({ _id: 'already', note: 'stored before' });
  inserts.length = 0;
});

afterAll(async () => {
  await connection.dropDatabase();
  await connection.close();
});

const stored = async () => (await entries.find({}).sort({ _id: 1 }).toArray()).map((doc) => doc._id);

describe('inserts asked for in the same turn', () => {
  it('go to the store as one journaled insert command, and every caller is answered once its documents are stored', async () => {
    const batcher = new InsertBatcher(entries);
    await Promise.all([batcher.insert([{ _id: 'a', note: '1' }]), batcher.insert([{ _id: 'b', note: '2' }, { _id: 'c', note: '3' }]), batcher.insert([{ _id: 'd', note: '4' }])]);

    expect(inserts).toHaveLength(1);
    expect(inserts[0]?.command.documents).toHaveLength(4);
    // No write concern of its own: the connection's default, which waits for the journal (on MongoDB and in the embedded store).
    expect(inserts[0]?.command.writeConcern).toBeUndefined();
    expect(await stored()).toEqual(['a', 'already', 'b', 'c', 'd']);
  });

  it('when one caller’s document is refused, then only that caller hears of it and the others’ documents are stored', async () => {
    const batcher = new InsertBatcher(entries);
    const answers = await Promise.allSettled([batcher.insert([{ _id: 'a', note: '1' }]), batcher.insert([{ _id: 'b', note: '2' }, { _id: 'already', note: 'again' }]), batcher.insert([{ _id: 'c', note: '3' }])]);

    expect(answers.map((answer) => answer.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const refusal = (answers[1] as PromiseRejectedResult).reason;
    expect(isDuplicateKeyError(refusal)).toBe(true);
    expect(String((refusal as Error).message)).toMatch(/duplicate key/i);
    expect(inserts).toHaveLength(1);
    expect(await stored()).toEqual(['a', 'already', 'b', 'c']);
    expect(await entries.findOne({ _id: 'already' })).toMatchObject({ note: 'stored before' });
  });

  it('when a refusal is one the caller tolerates (the entry is already there), then that caller is answered as stored too', async () => {
    const batcher = new InsertBatcher(entries, { tolerate: isDuplicateKeyError });
    const answers = await Promise.allSettled([batcher.insert([{ _id: 'already', note: 'again' }, { _id: 'a', note: '1' }]), batcher.insert([{ _id: 'b', note: '2' }])]);

    expect(answers.map((answer) => answer.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(await stored()).toEqual(['a', 'already', 'b']);
  });

  it('when a lone document is refused, then its caller hears of it, and tolerated it counts as stored', async () => {
    await expect(new InsertBatcher(entries).insert([{ _id: 'already', note: 'again' }])).rejects.toSatisfy(isDuplicateKeyError);
    await expect(new InsertBatcher(entries, { tolerate: isDuplicateKeyError }).insert([{ _id: 'already', note: 'again' }])).resolves.toBeUndefined();
  });

  it('when the whole command fails (the store is gone), then every caller of the batch hears of it', async () => {
    const gone = await mongoose.createConnection(testMongoUri(), { dbName: connection.name }).asPromise();
    const batcher = new InsertBatcher(gone.db!.collection<Entry>(entries.collectionName));
    await gone.close();
    const answers = await Promise.allSettled([batcher.insert([{ _id: 'a', note: '1' }]), batcher.insert([{ _id: 'b', note: '2' }])]);

    expect(answers.map((answer) => answer.status)).toEqual(['rejected', 'rejected']);
    expect(await stored()).toEqual(['already']);
  });
});

describe('inserts asked for in later turns', () => {
  it('each leave at the end of their own turn, none held back waiting for company', async () => {
    const batcher = new InsertBatcher(entries);
    await batcher.insert([{ _id: 'a', note: '1' }]);
    await batcher.insert([{ _id: 'b', note: '2' }]);

    expect(inserts.map((event) => event.command.documents.length)).toEqual([1, 1]);
    expect(await stored()).toEqual(['a', 'already', 'b']);
  });

  it('when nothing is to be inserted, then no command is sent', async () => {
    await new InsertBatcher(entries).insert([]);
    expect(inserts).toHaveLength(0);
  });
});
