// The aggregate command: mingo runs the pipeline, other collections resolve from the catalog, results page through a cursor.
import { CommandError } from '../errors';
import { batchField } from '../cursors';
import { aggregateDocuments } from '../query-engine';
import { MAX_INTERNAL_OBJECT_SIZE, isPlainObject, oversize, type Document } from '../documents';
import { selectDocuments } from '../write-operations';
import { documentList, existing, optionalDocument, type CommandHandler } from './context';
import { batchSizeOf } from './catalog-commands';

const aggregate: CommandHandler = (command, context) => {
  const target: unknown = command.aggregate;
  if (typeof target !== 'string' && target !== 1) throw new CommandError('InvalidNamespace', "'aggregate' must name a collection or be 1");
  if (command.explain) throw new CommandError('CommandNotSupported', 'explain is not supported by the embedded store');
  if (!isPlainObject(command.cursor)) {
    throw new CommandError('FailedToParse', "The 'cursor' option is required, except for aggregate with the explain argument");
  }
  let pipeline = documentList(command, 'pipeline');
  const collation = optionalDocument(command, 'collation');
  const variables = optionalDocument(command, 'let');
  const collection = typeof target === 'string' ? existing(context, target) : undefined;
  // A leading $match can use the _id and unique-key lookups and spares copying unmatched documents (and decoding
  // documents a start kept as bytes: the whole list is taken only without one).
  let input: Document[] | undefined;
  const first = pipeline[0];
  if (first && Object.keys(first).length === 1 && isPlainObject(first.$match) && !collation) {
    input = selectDocuments(collection, { filter: first.$match, variables });
    pipeline = pipeline.slice(1);
  }
  input ??= collection?.documents() ?? [];
  const resolve = (name: string): Document[] => context.catalog.collection(context.db, name)?.documents() ?? [];
  const results = aggregateDocuments(input, pipeline, resolve, { collation, variables });
  for (const doc of results) {
    // As mongod: a result may reach the internal limit (jstests/aggregation/bugs/server6179-style max_bson tests), not beyond.
    const size = oversize(doc, MAX_INTERNAL_OBJECT_SIZE);
    if (size !== undefined) {
      throw new CommandError('BSONObjectTooLarge', `BSONObj size: ${size} (0x${size.toString(16).toUpperCase()}) is invalid. Size must be between 0 and ${MAX_INTERNAL_OBJECT_SIZE}(16MB)`);
    }
  }
  const ns = typeof target === 'string' ? `${context.db}.${target}` : `${context.db}.$cmd.aggregate`;
  const batch = context.cursors.start(ns, results, batchSizeOf(command));
  return { cursor: { id: batch.id, ns: batch.ns, firstBatch: batchField(batch) }, ok: 1 };
};

export const aggregateCommands: Record<string, CommandHandler> = { aggregate };
