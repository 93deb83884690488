// find with getMore and killCursors, count and distinct: the commands that read documents.
import { CommandError } from '../errors';
import { batchField } from '../cursors';
import { compileFilter, findDocuments } from '../query-engine';
import { valuesAtPath, type Document } from '../documents';
import { valueKey } from '../value-keys';
import { selectDocuments } from '../write-operations';
import { collectionName, existing, optionalDocument, optionalNumber, type CommandHandler } from './context';

const find: CommandHandler = (command, context) => {
  const name = collectionName(command, 'find');
  if (command.tailable) throw new CommandError('BadValue', 'tailable cursors are not supported by the embedded store');
  const filter = optionalDocument(command, 'filter') ?? {};
  const collation = optionalDocument(command, 'collation');
  const rawLimit = optionalNumber(command, 'limit') ?? 0;
  const collection = existing(context, name);
  const spec = {
    filter,
    projection: optionalDocument(command, 'projection'),
    sort: optionalDocument(command, 'sort'),
    skip: optionalNumber(command, 'skip'),
    limit: Math.abs(rawLimit) || undefined,
    collation,
    variables: optionalDocument(command, 'let'),
  };
  const inOrder = spec.sort ? collection?.inSortOrder(filter, spec.sort, collation) : undefined;
  let docs: Document[];
  if (inOrder) {
    // Walked off an index in sort order: only as many matches as skip + limit ask for, and nothing to sort.
    const matches = compileFilter(filter, spec);
    const wanted = spec.limit ? (spec.skip ?? 0) + spec.limit : Infinity;
    const found: Document[] = [];
    for (const doc of inOrder) {
      if (!matches(doc)) continue;
      found.push(doc);
      if (found.length >= wanted) break;
    }
    docs = findDocuments(found, { ...spec, filter: {}, sort: undefined });
  } else {
    docs = findDocuments(collection?.candidates(filter, collation) ?? [], spec);
  }
  const singleBatch = command.singleBatch === true || rawLimit < 0;
  const batch = context.cursors.start(`${context.db}.${name}`, docs, optionalNumber(command, 'batchSize'), singleBatch);
  return { cursor: { id: batch.id, ns: batch.ns, firstBatch: batchField(batch) }, ok: 1 };
};

const getMore: CommandHandler = (command, context) => {
  const batch = context.cursors.more(command.getMore, optionalNumber(command, 'batchSize'));
  return { cursor: { id: batch.id, ns: batch.ns, nextBatch: batchField(batch) }, ok: 1 };
};

const killCursors: CommandHandler = (command, context) => {
  const ids: unknown = command.cursors;
  if (!Array.isArray(ids)) throw new CommandError('BadValue', "'cursors' must be an array of cursor ids");
  const { killed, notFound } = context.cursors.kill(ids);
  return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
};

const count: CommandHandler = (command, context) => {
  const name = collectionName(command, 'count');
  const filter = optionalDocument(command, 'query') ?? {};
  const collection = existing(context, name);
  const skip = optionalNumber(command, 'skip') ?? 0;
  const limit = Math.abs(optionalNumber(command, 'limit') ?? 0);
  let n: number;
  if (Object.keys(filter).length === 0) {
    n = collection?.count ?? 0; // estimatedDocumentCount's path: no scan
  } else {
    n = selectDocuments(collection, { filter, collation: optionalDocument(command, 'collation') }).length;
  }
  n = Math.max(0, n - skip);
  return { n: limit ? Math.min(n, limit) : n, ok: 1 };
};

const distinct: CommandHandler = (command, context) => {
  const name = collectionName(command, 'distinct');
  const key: unknown = command.key;
  if (typeof key !== 'string' || key.length === 0) throw new CommandError('BadValue', "'key' must be a non-empty string");
  const filter = optionalDocument(command, 'query') ?? {};
  compileFilter(filter);
  const seen = new Map<string, unknown>();
  for (const doc of selectDocuments(existing(context, name), { filter, collation: optionalDocument(command, 'collation') })) {
    for (const value of valuesAtPath(doc, key)) if (!seen.has(valueKey(value))) seen.set(valueKey(value), value);
  }
  return { values: [...seen.values()] as Document[], ok: 1 };
};

export const readCommands: Record<string, CommandHandler> = { find, getMore, killCursors, count, distinct };
