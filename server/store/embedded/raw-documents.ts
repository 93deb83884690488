// Documents kept as their BSON bytes until first read. A start with half a million documents spent most of its time
// decoding every document into objects (and collecting the garbage of doing so) only to index three fields of each:
// here a snapshot's `put` records are read without decoding, and only the indexed fields are taken from the bytes.
import { ObjectId, type Document } from 'bson';
import { valueKey } from './value-keys';

/** A `put` record's target and where its document's bytes are, without decoding either. */
export interface RawPut {
  db: string;
  c: string;
  /** Offset of the document's BSON (its int32 length first) in the data. */
  docStart: number;
}

/** The fields taken from a raw document: its _id's key, and its indexed top-level fields (and an _id other than an ObjectId) as a partial document. */
export interface RawKeys {
  id: string;
  doc: Document;
  /** Each field's key as valueKey gives it for its value in `doc` (a missing field has none). */
  keys: Record<string, string>;
}

/** Field names as bytes, compared against element names without making strings of them. */
export interface KeyFields {
  names: string[];
  bytes: Buffer[];
  /** Whether an index reads the _id's value (else an ObjectId _id gives only its key, and no ObjectId is made). */
  id: boolean;
}

const ID_NAME = Buffer.from('_id');
const OP = Buffer.from('o');
const DB = Buffer.from('db');
const C = Buffer.from('c');
const DOC = Buffer.from('doc');
const PUT = Buffer.from('put');

const TYPE_DOUBLE = 0x01;
const TYPE_STRING = 0x02;
const TYPE_DOCUMENT = 0x03;
const TYPE_OBJECT_ID = 0x07;
const TYPE_BOOLEAN = 0x08;
const TYPE_DATE = 0x09;
const TYPE_NULL = 0x0a;
const TYPE_INT32 = 0x10;

/** Returned where a value cannot be read cheaply: the caller decodes the whole document instead. */
const UNREADABLE = Symbol('unreadable');

/**
 * The top-level fields the indexes in `specs` read from a document, or undefined when one needs more than its own
 * top-level fields (a dotted path, or a partial filter that may test any field): then documents are decoded whole.
 * A load passes the secondary indexes only (the _id index is the collection's map and needs the _id's key alone).
 */
export function keyFieldsOf(specs: readonly { key: Document; partialFilterExpression?: Document; name: string }[]): KeyFields | undefined {
  const names = new Set<string>();
  for (const spec of specs) {
    if (spec.partialFilterExpression) return undefined;
    for (const field of Object.keys(spec.key)) {
      if (field.includes('.')) return undefined;
      names.add(field);
    }
  }
  const id = names.delete('_id');
  const list = [...names];
  return { names: list, bytes: list.map((name) => Buffer.from(name)), id };
}

/** Whether the C string at `at` (up to its NUL at `end`) is exactly `name`. */
function nameIs(data: Buffer, at: number, end: number, name: Buffer): boolean {
  if (end - at !== name.length) return false;
  for (let i = 0; i < name.length; i += 1) if (data[at + i] !== name[i]) return false;
  return true;
}

function cstringEnd(data: Buffer, at: number, limit: number): number {
  let end = at;
  while (end < limit && data[end] !== 0) end += 1;
  return end;
}

/** The offset after a value of `type` at `at`, or -1 for a type this reader does not know (the caller decodes instead). */
function skipValue(data: Buffer, type: number, at: number, limit: number): number {
  switch (type) {
    case 0x01: // double
    case 0x09: // date
    case 0x11: // timestamp
    case 0x12: // int64
      return at + 8;
    case 0x02: // string
    case 0x0d: // JavaScript code
    case 0x0e: // symbol
      return at + 4 + data.readInt32LE(at);
    case 0x03: // document
    case 0x04: // array
    case 0x0f: // code with scope
      return at + data.readInt32LE(at);
    case 0x05: // binary: length, subtype, bytes
      return at + 5 + data.readInt32LE(at);
    case 0x06: // undefined
    case 0x0a: // null
    case 0x7f: // max key
    case 0xff: // min key
      return at;
    case 0x07: // ObjectId
      return at + 12;
    case 0x08: // boolean
      return at + 1;
    case 0x0b: // regex: pattern and flags, two C strings
      return cstringEnd(data, cstringEnd(data, at, limit) + 1, limit) + 1;
    case 0x0c: // DBPointer: string and ObjectId
      return at + 4 + data.readInt32LE(at) + 12;
    case 0x10: // int32
      return at + 4;
    case 0x13: // decimal128
      return at + 16;
    default:
      return -1;
  }
}

const cachedStrings: { bytes: Buffer; text: string }[] = [];

/** Reads a BSON string's text; database and collection names repeat in every record, so the last few are reused. */
function readName(data: Buffer, at: number): string {
  const length = data.readInt32LE(at) - 1;
  for (const cached of cachedStrings) {
    if (cached.bytes.length === length && nameIs(data, at + 4, at + 4 + length, cached.bytes)) return cached.text;
  }
  const text = data.toString('utf8', at + 4, at + 4 + length);
  cachedStrings.unshift({ bytes: Buffer.from(data.subarray(at + 4, at + 4 + length)), text });
  cachedStrings.length = Math.min(cachedStrings.length, 8);
  return text;
}

/**
 * The target and document of a `{ o: 'put', db, c, doc }` record of `size` bytes at `start`; undefined for any
 * other record, or one shaped differently, which the caller decodes as before.
 */
export function readRawPut(data: Buffer, start: number, size: number): RawPut | undefined {
  const end = start + size - 1;
  let at = start + 4;
  let isPut = false;
  let db: string | undefined;
  let c: string | undefined;
  let docStart = -1;
  while (at < end) {
    const type = data[at] as number;
    const nameAt = at + 1;
    const nameEnd = cstringEnd(data, nameAt, end);
    const valueAt = nameEnd + 1;
    if (type === TYPE_STRING && nameIs(data, nameAt, nameEnd, OP)) {
      const length = data.readInt32LE(valueAt) - 1;
      isPut = nameIs(data, valueAt + 4, valueAt + 4 + length, PUT);
      if (!isPut) return undefined;
    } else if (type === TYPE_STRING && nameIs(data, nameAt, nameEnd, DB)) db = readName(data, valueAt);
    else if (type === TYPE_STRING && nameIs(data, nameAt, nameEnd, C)) c = readName(data, valueAt);
    else if (type === TYPE_DOCUMENT && nameIs(data, nameAt, nameEnd, DOC)) docStart = valueAt;
    else return undefined;
    at = skipValue(data, type, valueAt, end);
    if (at < 0 || at > end) return undefined;
  }
  if (!isPut || db === undefined || c === undefined || docStart < 0) return undefined;
  return { db, c, docStart };
}

const HEX_DIGITS = Buffer.from('0123456789abcdef');
const idKeyScratch = Buffer.from('o:000000000000000000000000', 'latin1');

/**
 * `o:` and the ObjectId's hex, as valueKey writes it: written into a scratch buffer and read out as one flat string
 * (a template of `toString('hex')` makes a joined string that the map then has to flatten before hashing it).
 */
function objectIdKey(data: Buffer, at: number): string {
  for (let i = 0; i < 12; i += 1) {
    const byte = data[at + i] as number;
    idKeyScratch[2 + 2 * i] = HEX_DIGITS[byte >> 4] as number;
    idKeyScratch[3 + 2 * i] = HEX_DIGITS[byte & 15] as number;
  }
  return idKeyScratch.toString('latin1', 0, 26);
}

const stringKeyScratch = Buffer.alloc(256);
stringKeyScratch.write('s:"', 'latin1');

/**
 * valueKey of the BSON string at `at` (`s:` and the string as JSON), made in one piece from its bytes when they
 * are printable ASCII without a quote or backslash (JSON.stringify escapes nothing then); else undefined.
 */
function plainStringKey(data: Buffer, at: number): string | undefined {
  const length = data.readInt32LE(at) - 1;
  if (length < 0 || length > stringKeyScratch.length - 4) return undefined;
  for (let i = 0; i < length; i += 1) {
    const byte = data[at + 4 + i] as number;
    if (byte < 0x20 || byte > 0x7e || byte === 0x22 || byte === 0x5c) return undefined;
    stringKeyScratch[3 + i] = byte;
  }
  stringKeyScratch[3 + length] = 0x22;
  return stringKeyScratch.toString('latin1', 0, length + 4);
}

/** A value of a simple type as bson's deserialize returns it, or UNREADABLE for any other type. */
function readSimple(data: Buffer, type: number, at: number): unknown {
  switch (type) {
    case TYPE_STRING:
      return data.toString('utf8', at + 4, at + 3 + data.readInt32LE(at));
    case TYPE_INT32:
      return data.readInt32LE(at);
    case TYPE_DOUBLE:
      return data.readDoubleLE(at);
    case TYPE_BOOLEAN:
      return data[at] === 1;
    case TYPE_DATE:
      return new Date(data.readInt32LE(at + 4) * 4294967296 + data.readUInt32LE(at));
    case TYPE_NULL:
      return null;
    case TYPE_OBJECT_ID:
      return new ObjectId(Buffer.from(data.subarray(at, at + 12)));
    default:
      return UNREADABLE;
  }
}

const NO_FIELDS: KeyFields = { names: [], bytes: [], id: false };

/**
 * The key of the _id of the document at `start`, read off its bytes; undefined when the _id holds a type that is
 * not read here. mongod and this store write the _id first: an ObjectId there is read without a walk.
 */
export function readIdKey(data: Buffer, start: number): string | undefined {
  const first = start + 4;
  if (data.readInt32LE(start) >= 22 && data[first] === TYPE_OBJECT_ID && data[first + 1] === 0x5f && data[first + 2] === 0x69 && data[first + 3] === 0x64 && data[first + 4] === 0) {
    return objectIdKey(data, first + 5);
  }
  return readKeys(data, start, NO_FIELDS)?.id;
}

/**
 * The _id key and the values of `fields` of the document at `start`, read off its bytes; undefined when the _id or
 * one of the fields holds a type that is not read here (an array, an embedded document, a Long, …). `idKey`
 * false: the caller knows the _id's key (its `id` comes back empty), and the _id is read only if `fields` asks.
 * `strings` false: a plain string's key is enough for the caller, so `doc` does not get the string itself.
 */
export function readKeys(data: Buffer, start: number, fields: KeyFields, idKey = true, strings = true): RawKeys | undefined {
  const end = start + data.readInt32LE(start) - 1;
  const doc: Document = {};
  const keys: Record<string, string> = {};
  let id: string | undefined;
  const readsId = idKey || fields.id;
  // Done once the _id and every field are read (a document written from an object names each field once).
  let wanted = fields.names.length + (readsId ? 1 : 0);
  let at = start + 4;
  while (at < end && wanted > 0) {
    const type = data[at] as number;
    const nameAt = at + 1;
    const nameEnd = cstringEnd(data, nameAt, end);
    const valueAt = nameEnd + 1;
    if (nameIs(data, nameAt, nameEnd, ID_NAME)) {
      if (readsId) {
        wanted -= 1;
        // An ObjectId's key straight from its bytes, as valueKey writes it; the ObjectId itself is not made (the
        // _id index is the collection's own map, and reads no value at a load).
        if (type === TYPE_OBJECT_ID) {
          if (idKey) id = objectIdKey(data, valueAt);
          if (fields.id) doc._id = readSimple(data, type, valueAt);
        } else {
          const value = readSimple(data, type, valueAt);
          if (value === UNREADABLE || value === null) return undefined;
          if (idKey) id = valueKey(value);
          doc._id = value;
        }
      }
    } else {
      for (let i = 0; i < fields.bytes.length; i += 1) {
        if (!nameIs(data, nameAt, nameEnd, fields.bytes[i] as Buffer)) continue;
        wanted -= 1;
        const name = fields.names[i] as string;
        const key = type === TYPE_STRING ? plainStringKey(data, valueAt) : undefined;
        if (key !== undefined) {
          keys[name] = key;
          // The text is the key's middle: a slice of it, not a second string made from the bytes.
          if (strings) doc[name] = key.slice(3, -1);
          break;
        }
        const value = readSimple(data, type, valueAt);
        if (value === UNREADABLE) return undefined;
        doc[name] = value;
        keys[name] = valueKey(value);
        break;
      }
    }
    at = skipValue(data, type, valueAt, end);
    if (at < 0 || at > end) return undefined;
  }
  if (!idKey) return { id: '', doc, keys };
  return id === undefined ? undefined : { id, doc, keys };
}
