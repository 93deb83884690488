// ltijs carries mongoose 7 with MongoDB driver 5.9, which greets the server with a legacy OP_QUERY isMaster.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedMongo, type EmbeddedMongo } from './index';

// Typed as the project's mongoose: the calls used here are the same in 7 and 9.
type Mongoose = typeof import('mongoose');
const require = createRequire(import.meta.url);
const legacyMongoose = require('../../../node_modules/ltijs/node_modules/mongoose') as Mongoose;

let store: EmbeddedMongo;
let socketDir: string;

beforeAll(async () => {
  // On a Unix socket, as Playroute serves it: the legacy driver must reach it through a %2F-encoded URI.
  socketDir = mkdtempSync(join(tmpdir(), 'playroute-legacy-'));
  store = await startEmbeddedMongo({ socketDir });
});

afterAll(async () => {
  await store.close();
  rmSync(socketDir, { recursive: true, force: true });
});

describe('the driver ltijs brings', () => {
  it('when ltijs connects with its own mongoose 7, it can create a model with a unique index, insert, find and see duplicates refused', async () => {
    expect(legacyMongoose.version.startsWith('7.')).toBe(true);
    const connection = legacyMongoose.createConnection(store.uri, { dbName: 'ltijs_legacy' });
    await connection.asPromise();
    try {
      const Platform = connection.model('platform', new legacyMongoose.Schema({ platformUrl: { type: String, unique: true }, name: String }));
      await Platform.init();
      await Platform.create({ platformUrl: 'https://lms.example', name: 'LMS' });
      const found = await Platform.findOne({ platformUrl: 'https://lms.example' }).lean();
      expect(found).toMatchObject({ name: 'LMS' });
      const duplicate: unknown = await Platform.create({ platformUrl: 'https://lms.example' }).catch((e: unknown) => e);
      expect(duplicate).toMatchObject({ code: 11000 });
      await Platform.updateOne({ platformUrl: 'https://lms.example' }, { $set: { name: 'Renamed' } });
      expect((await Platform.find().lean()).map((p) => p.name)).toEqual(['Renamed']);
    } finally {
      await connection.close();
    }
  });
});
