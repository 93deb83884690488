// Selecting, updating and upserting documents: the shared core of update, delete and findAndModify.
import { ObjectId, serialize } from 'bson';
import { assertUpdatedSize, type Collection } from './collection';
import { CommandError } from './errors';
import { applyUpdate, findDocuments, isOperatorUpdate } from './query-engine';
import { MAX_BSON_OBJECT_SIZE, isPlainObject, setAtPath, type Document } from './documents';
import { valueKey } from './value-keys';

export interface Selection {
  filter: Document;
  sort?: Document;
  limit?: number;
  collation?: Document;
  /** The command's `let` variables. */
  variables?: Document;
}

/** The stored documents matching a filter, in sort order (natural order without one). */
export function selectDocuments(collection: Collection | undefined, selection: Selection): Document[] {
  if (!collection) {
    findDocuments([], selection); // still reports an unknown operator on an empty collection
    return [];
  }
  const candidates = collection.candidates(selection.filter, selection.collation);
  return findDocuments(candidates, selection);
}

export interface UpdateRequest {
  query: Document;
  update: Document | Document[];
  arrayFilters?: Document[];
  /** The command's `let` variables. */
  variables?: Document;
  /** The statement's collation: the update re-tests its query (for the positional $) under it. */
  collation?: Document;
}

/** The updated version of `doc` (a new object; the stored one is untouched) and whether anything changed. */
export function updatedDocument(doc: Document, request: UpdateRequest): { next: Document; changed: boolean } {
  let next: Document;
  if (Array.isArray(request.update) || isOperatorUpdate(request.update)) {
    const { update, arrayFilters, query, variables, collation } = request;
    next = applyUpdate(doc, { update, arrayFilters, query, variables, collation });
  } else {
    next = replacement(doc._id, request.update);
  }
  if (valueKey(next._id) !== valueKey(doc._id)) {
    throw new CommandError('ImmutableField', "Performing an update on the path '_id' would modify the immutable field '_id'");
  }
  // One serialisation measures the updated document and tells whether it changed (before, its size was walked twice
  // more: here and in Collection.replace). One far over the limit does not fit bson's serializer buffer at all:
  // either way the answer is BSONObjectTooLarge, and the stored document stays.
  let bytes: Uint8Array;
  try {
    bytes = serialize(next);
  } catch (error) {
    assertUpdatedSize(next);
    throw error;
  }
  if (bytes.length > MAX_BSON_OBJECT_SIZE) assertUpdatedSize(next);
  const changed = !Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).equals(serialize(doc));
  return { next, changed };
}

/** The document an upsert inserts: equality fields of the query, then the update (with $setOnInsert). */
export function upsertedDocument(request: UpdateRequest): Document {
  let doc: Document;
  if (Array.isArray(request.update) || isOperatorUpdate(request.update)) {
    const seed = seedFromQuery(request.query);
    doc = applyUpdate(seed, { update: request.update, arrayFilters: request.arrayFilters, inserting: true, variables: request.variables });
  } else {
    const seededId: unknown = seedFromQuery(request.query)._id;
    doc = replacement(request.update._id ?? seededId, request.update);
  }
  if (doc._id === undefined) return { _id: new ObjectId(), ...doc };
  const { _id, ...rest } = doc;
  return { _id, ...rest };
}

function replacement(id: unknown, update: Document): Document {
  const { _id: replacementId, ...fields } = update;
  if (replacementId !== undefined && id !== undefined && valueKey(replacementId) !== valueKey(id)) {
    throw new CommandError('ImmutableField', "After applying the update, the (immutable) field '_id' was found to have been altered");
  }
  return id === undefined ? { ...fields } : { _id: id, ...fields };
}

/** Equality conditions of a query ({ a: 1 }, { a: { $eq: 1 } }, inside $and) become fields of the upserted document. */
export function seedFromQuery(query: Document): Document {
  const doc: Document = {};
  const visit = (part: Document): void => {
    for (const [key, value] of Object.entries(part)) {
      if (key === '$and' && Array.isArray(value)) {
        value.filter(isPlainObject).forEach(visit);
      } else if (!key.startsWith('$')) {
        if (!isPlainObject(value) || !Object.keys(value).some((k) => k.startsWith('$'))) setAtPath(doc, key, value);
        else if (Object.keys(value).length === 1 && '$eq' in value) setAtPath(doc, key, value.$eq);
      }
    }
  };
  visit(query);
  return doc;
}
