// insert, update and delete: batches of statements with MongoDB's ordered/unordered writeErrors semantics.
import { CommandError, fromQueryEngineError } from '../errors';
import { isPlainObject, type Document } from '../documents';
import { selectDocuments, updatedDocument, upsertedDocument } from '../write-operations';
import { collectionName, documentList, existing, optionalDocument, type CommandContext, type CommandHandler } from './context';

/** Runs each statement; a failing statement becomes a writeError and, when ordered, stops the batch. */
function runBatch<T>(items: T[], ordered: boolean, run: (item: T, index: number) => void): Document[] {
  const writeErrors: Document[] = [];
  for (const [index, item] of items.entries()) {
    try {
      run(item, index);
    } catch (error) {
      writeErrors.push(fromQueryEngineError(error).toWriteError(index));
      if (ordered) break;
    }
  }
  return writeErrors;
}

function withErrors(reply: Document, writeErrors: Document[]): Document {
  return writeErrors.length ? { ...reply, writeErrors, ok: 1 } : { ...reply, ok: 1 };
}

const insert: CommandHandler = (command, context) => {
  const name = collectionName(command, 'insert');
  const documents = documentList(command, 'documents');
  const collection = context.catalog.ensureCollection(context.db, name);
  let n = 0;
  const writeErrors = runBatch(documents, command.ordered !== false, (doc) => {
    collection.insert(doc);
    n += 1;
  });
  return withErrors({ n }, writeErrors);
};

interface UpdateOutcome {
  n: number;
  nModified: number;
  upserted: Document[];
}

const update: CommandHandler = (command, context) => {
  const name = collectionName(command, 'update');
  const outcome: UpdateOutcome = { n: 0, nModified: 0, upserted: [] };
  const variables = optionalDocument(command, 'let');
  const writeErrors = runBatch(documentList(command, 'updates'), command.ordered !== false, (statement, index) =>
    runUpdateStatement(context, name, statement, index, outcome, variables),
  );
  const reply: Document = { n: outcome.n, nModified: outcome.nModified };
  if (outcome.upserted.length) reply.upserted = outcome.upserted;
  return withErrors(reply, writeErrors);
};

function runUpdateStatement(context: CommandContext, name: string, statement: Document, index: number, outcome: UpdateOutcome, variables: Document | undefined): void {
  const query = isPlainObject(statement.q) ? statement.q : {};
  const u: unknown = statement.u;
  if (!isPlainObject(u) && !Array.isArray(u)) throw new CommandError('FailedToParse', "Update statement 'u' must be an object or a pipeline");
  const collation = isPlainObject(statement.collation) ? statement.collation : undefined;
  const request = { query, update: u as Document | Document[], arrayFilters: arrayFiltersOf(statement), variables, collation };
  const multi = statement.multi === true;
  if (multi && isPlainObject(u) && Object.keys(u).length && !Object.keys(u)[0]?.startsWith('$')) {
    throw new CommandError('FailedToParse', 'multi update is not supported for replacement-style update');
  }
  const collection = existing(context, name);
  const matched = selectDocuments(collection, { filter: query, limit: multi ? undefined : 1, collation, variables, sort: isPlainObject(statement.sort) ? statement.sort : undefined });
  if (matched.length === 0 && statement.upsert === true) {
    const doc = context.catalog.ensureCollection(context.db, name).insert(upsertedDocument(request));
    outcome.n += 1;
    outcome.upserted.push({ index, _id: doc._id });
    return;
  }
  for (const current of matched) {
    const { next, changed } = updatedDocument(current, request);
    outcome.n += 1;
    if (changed && collection) {
      collection.replace(current, next, true);
      outcome.nModified += 1;
    }
  }
}

export function arrayFiltersOf(statement: Document): Document[] | undefined {
  const filters: unknown = statement.arrayFilters;
  if (filters === undefined || filters === null) return undefined;
  if (!Array.isArray(filters) || !filters.every(isPlainObject)) throw new CommandError('BadValue', 'arrayFilters must be an array of objects');
  return filters;
}

const remove: CommandHandler = (command, context) => {
  const name = collectionName(command, 'delete');
  const collection = existing(context, name);
  const variables = optionalDocument(command, 'let');
  let n = 0;
  const writeErrors = runBatch(documentList(command, 'deletes'), command.ordered !== false, (statement) => {
    const limit = Number(statement.limit ?? 0);
    if (limit !== 0 && limit !== 1) throw new CommandError('BadValue', 'The limit field in delete objects must be 0 or 1');
    const filter = isPlainObject(statement.q) ? statement.q : {};
    const collation = isPlainObject(statement.collation) ? statement.collation : undefined;
    for (const doc of selectDocuments(collection, { filter, limit: limit || undefined, collation, variables })) {
      collection?.remove(doc);
      n += 1;
    }
  });
  return withErrors({ n }, writeErrors);
};

export const writeCommands: Record<string, CommandHandler> = { insert, update, delete: remove };
