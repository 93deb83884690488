// findAndModify: select one document (by sort), then update, upsert or remove it and return it, in one atomic step.
import { CommandError } from '../errors';
import { projectDocument } from '../query-engine';
import { isPlainObject, type Document } from '../documents';
import { selectDocuments, updatedDocument, upsertedDocument } from '../write-operations';
import { collectionName, existing, optionalDocument, type CommandHandler } from './context';
import { arrayFiltersOf } from './write-commands';

const findAndModify: CommandHandler = (command, context) => {
  const name = collectionName(command, 'findAndModify' in command ? 'findAndModify' : 'findandmodify');
  const query = optionalDocument(command, 'query') ?? {};
  const fields = optionalDocument(command, 'fields');
  const u: unknown = command.update;
  const removing = command.remove === true;
  if (removing && u !== undefined) throw new CommandError('FailedToParse', 'Cannot specify both an update and remove=true');
  if (!removing && !isPlainObject(u) && !Array.isArray(u)) {
    throw new CommandError('FailedToParse', 'Either an update or remove=true must be specified');
  }
  const collection = existing(context, name);
  const variables = optionalDocument(command, 'let');
  const collation = optionalDocument(command, 'collation');
  const [current] = selectDocuments(collection, {
    variables,
    filter: query,
    sort: optionalDocument(command, 'sort'),
    limit: 1,
    collation,
  });
  const reply = (lastErrorObject: Document, value: Document | undefined): Document => ({
    lastErrorObject,
    value: value ? projectDocument(value, fields) : null,
    ok: 1,
  });

  if (removing) {
    if (current) collection?.remove(current);
    return reply({ n: current ? 1 : 0 }, current);
  }
  const request = { query, update: u as Document | Document[], arrayFilters: arrayFiltersOf(command), variables, collation };
  if (!current) {
    if (command.upsert !== true) return reply({ n: 0, updatedExisting: false }, undefined);
    const inserted = context.catalog.ensureCollection(context.db, name).insert(upsertedDocument(request));
    return reply({ n: 1, updatedExisting: false, upserted: inserted._id }, command.new === true ? inserted : undefined);
  }
  const { next, changed } = updatedDocument(current, request);
  if (changed && collection) collection.replace(current, next, true);
  return reply({ n: 1, updatedExisting: true }, command.new === true ? next : current);
};

export const findAndModifyCommands: Record<string, CommandHandler> = { findAndModify, findandmodify: findAndModify };
