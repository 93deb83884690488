// A write that asks { j: false } (or w: 0) is answered once applied, as MongoDB answers it, and still reaches the journal.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { MongoClient } from 'mongodb';
import { startEmbeddedMongo, type EmbeddedMongo } from './index';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function open(dataDir: string): Promise<{ store: EmbeddedMongo; client: MongoClient }> {
  const store = await startEmbeddedMongo({ dataDir });
  const client = await new MongoClient(store.uri).connect();
  cleanups.push(() => store.close(), () => client.close());
  return { store, client };
}

it('writes that ask not to wait for the journal are there at once, and still there after the store restarts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'playroute-write-concern-'));
  cleanups.unshift(async () => rmSync(dir, { recursive: true, force: true }));
  const first = await open(dir);
  const people = first.client.db('wc').collection('people');
  await people.updateOne({ sub: 'a' }, { $set: { name: 'Ayla' } }, { upsert: true, writeConcern: { j: false } });
  expect(await people.findOne({ sub: 'a' }, { projection: { _id: 0 } })).toEqual({ sub: 'a', name: 'Ayla' });
  await people.insertOne({ sub: 'b' }, { writeConcern: { w: 0 } });
  await people.updateOne({ sub: 'c' }, { $set: { name: 'Cas' } }, { upsert: true });
  expect(await people.countDocuments()).toBe(3);
  await first.client.close();
  await first.store.close();

  const second = await open(dir);
  const again = second.client.db('wc').collection('people');
  expect(await again.find({}, { projection: { _id: 0 } }).sort({ sub: 1 }).toArray()).toEqual([{ sub: 'a', name: 'Ayla' }, { sub: 'b' }, { sub: 'c', name: 'Cas' }]);
});
