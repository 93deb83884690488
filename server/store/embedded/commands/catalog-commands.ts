// Commands about databases, collections and indexes: list, create and drop.
import { CommandError } from '../errors';
import { batchField, type Batch } from '../cursors';
import { normaliseIndexSpec, type IndexSpec } from '../indexes';
import { compileFilter } from '../query-engine';
import { isPlainObject, type Document } from '../documents';
import { valueKey } from '../value-keys';
import { collectionName, documentList, existing, optionalDocument, type CommandHandler } from './context';

const ENVELOPE = new Set(['lsid', 'writeConcern', 'readConcern', 'comment', 'apiVersion', 'apiStrict', 'apiDeprecationErrors', 'maxTimeMS']);

const listDatabases: CommandHandler = (command, { catalog }) => {
  const matches = compileFilter(optionalDocument(command, 'filter'));
  const databases = catalog
    .databaseNames()
    .map((name) => ({ name, sizeOnDisk: 0, empty: catalog.collections(name).every((c) => c.count === 0) }))
    .filter((entry) => matches(entry));
  if (command.nameOnly) return { databases: databases.map(({ name }) => ({ name })), ok: 1 };
  return { databases, totalSize: 0, totalSizeMb: 0, ok: 1 };
};

const listCollections: CommandHandler = (command, context) => {
  const matches = compileFilter(optionalDocument(command, 'filter'));
  const entries = context.catalog
    .collections(context.db)
    .map((c) => ({
      name: c.name,
      type: 'collection',
      options: c.options,
      info: { readOnly: false, uuid: c.uuid },
      idIndex: { v: 2, key: { _id: 1 }, name: '_id_' },
    }))
    .filter((entry) => matches(entry))
    .map((entry) => (command.nameOnly ? { name: entry.name, type: entry.type } : entry));
  return cursorReply(context.cursors.start(`${context.db}.$cmd.listCollections`, entries, batchSizeOf(command)));
};

const create: CommandHandler = (command, context) => {
  const name = collectionName(command, 'create');
  // Everything but the generic envelope fields is a collection option (validator, capped, …) kept for listCollections.
  const options = Object.fromEntries(Object.entries(command).filter(([key]) => key !== 'create' && !key.startsWith('$') && !ENVELOPE.has(key)));
  context.catalog.createCollection(context.db, name, options);
  return { ok: 1 };
};

const drop: CommandHandler = (command, context) => {
  const name = collectionName(command, 'drop');
  const collection = existing(context, name);
  const nIndexesWas = collection?.indexSpecs().length ?? 0;
  // Since MongoDB 7.0, dropping a missing collection succeeds.
  context.catalog.dropCollection(context.db, name);
  return { nIndexesWas, ns: `${context.db}.${name}`, ok: 1 };
};

const dropDatabase: CommandHandler = (_command, context) => {
  context.catalog.dropDatabase(context.db);
  return { dropped: context.db, ok: 1 };
};

const listIndexes: CommandHandler = (command, context) => {
  const name = collectionName(command, 'listIndexes');
  const collection = existing(context, name);
  if (!collection) throw new CommandError('NamespaceNotFound', `ns does not exist: ${context.db}.${name}`);
  return cursorReply(context.cursors.start(`${context.db}.${name}`, collection.indexSpecs(), batchSizeOf(command)));
};

const createIndexes: CommandHandler = (command, context) => {
  const name = collectionName(command, 'createIndexes');
  const specs = documentList(command, 'indexes').map(normaliseIndexSpec);
  if (specs.length === 0) throw new CommandError('BadValue', 'Must specify at least one index to create');
  const createdCollectionAutomatically = !existing(context, name);
  const collection = context.catalog.ensureCollection(context.db, name);
  const numIndexesBefore = collection.indexSpecs().length;
  let created = 0;
  for (const spec of specs) if (collection.createIndex(spec)) created += 1;
  const reply: Document = { createdCollectionAutomatically, numIndexesBefore, numIndexesAfter: collection.indexSpecs().length, ok: 1 };
  if (created === 0) reply.note = 'all indexes already exist';
  return reply;
};

const dropIndexes: CommandHandler = (command, context) => {
  const name = collectionName(command, 'dropIndexes');
  const collection = existing(context, name);
  if (!collection) throw new CommandError('NamespaceNotFound', `ns not found ${context.db}.${name}`);
  const nIndexesWas = collection.indexSpecs().length;
  for (const target of indexNames(command.index, collection.indexSpecs())) collection.dropIndex(target);
  return { nIndexesWas, ok: 1 };
};

function indexNames(target: unknown, specs: IndexSpec[]): string[] {
  if (target === '*') return specs.slice(1).map((s) => s.name);
  if (typeof target === 'string') return [target];
  if (Array.isArray(target)) return target.map(String);
  if (isPlainObject(target)) {
    const found = specs.find((s) => valueKey(s.key) === valueKey(target));
    if (!found) throw new CommandError('IndexNotFound', `can't find index with key: ${JSON.stringify(target)}`);
    return [found.name];
  }
  throw new CommandError('BadValue', "'index' must be a name, a key pattern, an array of names or '*'");
}

/** The cursor sub-document shape every cursor-returning command uses. */
export function cursorReply(batch: Batch): Document {
  return { cursor: { id: batch.id, ns: batch.ns, firstBatch: batchField(batch) }, ok: 1 };
}

export function batchSizeOf(command: Document): number | undefined {
  const cursor: unknown = command.cursor;
  if (isPlainObject(cursor) && cursor.batchSize !== undefined) return Number(cursor.batchSize);
  return undefined;
}

export const catalogCommands: Record<string, CommandHandler> = {
  listDatabases,
  listCollections,
  create,
  drop,
  dropDatabase,
  listIndexes,
  createIndexes,
  dropIndexes,
};
