// What every command handler receives, and the small readers for command arguments.
import type { Catalog } from '../catalog';
import type { Collection } from '../collection';
import type { CursorRegistry } from '../cursors';
import { CommandError } from '../errors';
import type { StoreLogger } from '../logger';
import { isPlainObject, type Document } from '../documents';

export interface CommandContext {
  /** The database named by the request's $db (or the OP_QUERY namespace). */
  db: string;
  catalog: Catalog;
  cursors: CursorRegistry;
  connectionId: number;
  logger: StoreLogger;
}

/** A command runs synchronously on the in-memory state, which is what makes each command atomic. */
export type CommandHandler = (command: Document, context: CommandContext) => Document;

/** The collection name a command names in its first field. */
export function collectionName(command: Document, name: string): string {
  const value: unknown = command[name];
  if (typeof value !== 'string' || value.length === 0) {
    throw new CommandError('InvalidNamespace', `collection name has invalid type ${typeof value}`);
  }
  return value;
}

export function optionalDocument(command: Document, field: string): Document | undefined {
  const value: unknown = command[field];
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) throw new CommandError('BadValue', `'${field}' must be an object`);
  return value;
}

export function optionalNumber(command: Document, field: string): number | undefined {
  const value: unknown = command[field];
  if (value === undefined || value === null) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number)) throw new CommandError('BadValue', `'${field}' must be a number`);
  return number;
}

export function documentList(command: Document, field: string): Document[] {
  const value: unknown = command[field];
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every(isPlainObject)) {
    throw new CommandError('BadValue', `'${field}' must be an array of objects`);
  }
  return value;
}

/** The collection if it exists; reads on a missing collection see an empty one, as in MongoDB. */
export function existing(context: CommandContext, name: string): Collection | undefined {
  return context.catalog.collection(context.db, name);
}
