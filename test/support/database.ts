// Gives each test file a database of its own on the run's store, dropped afterwards.
import { randomBytes } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { inject } from 'vitest';

/** The run's MongoDB address (embedded or MONGODB_URI). */
export function testMongoUri(): string {
  return inject('mongoUri');
}

/** Set when the run uses a real MongoDB (MONGODB_URI): tests of the embedded store's own behaviour skip, saying why. */
export function realMongoDbReason(why: string): string | undefined {
  return inject('storeKind') === 'mongodb' ? `skipped against a real MongoDB (MONGODB_URI): ${why}` : undefined;
}

/** A fresh, uniquely named database name for one test file. */
export function uniqueDatabaseName(prefix = 'test'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/** Opens a mongoose connection to a new database; call drop() in afterAll. */
export async function connectTestDatabase(prefix = 'test'): Promise<{
  connection: Connection;
  dbName: string;
  drop: () => Promise<void>;
}> {
  const dbName = uniqueDatabaseName(prefix);
  const connection = mongoose.createConnection(testMongoUri(), { dbName });
  await connection.asPromise();
  return {
    connection,
    dbName,
    drop: async () => {
      await connection.dropDatabase();
      await connection.close();
    },
  };
}
