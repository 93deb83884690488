// Open query cursors: batches for find, aggregate and listings, getMore, killCursors and the idle timeout.
import { randomInt } from 'node:crypto';
import { Long, serialize } from 'bson';
import { EncodedBatch } from './encoded-batch';
import { CommandError } from './errors';
import type { Document } from './documents';

/** The first batch when the client names no batchSize, as mongod does. */
export const DEFAULT_FIRST_BATCH = 101;
// A reply must stay under the 16 MiB BSON limit; leave room for the envelope.
const BATCH_BYTE_BUDGET = 15 * 1024 * 1024;

interface OpenCursor {
  ns: string;
  docs: Document[];
  position: number;
  lastUsed: number;
}

export interface Batch {
  id: Long;
  ns: string;
  batch: Document[];
  /** The batch's documents as BSON, when measuring it serialised them (a batch of more than one): the reply sends these. */
  encoded?: EncodedBatch;
}

/** What a reply's firstBatch or nextBatch holds: the bytes made while measuring, else the documents. */
export function batchField(batch: Batch): Document[] | EncodedBatch {
  return batch.encoded ?? batch.batch;
}

export class CursorRegistry {
  private readonly open = new Map<string, OpenCursor>();

  constructor(private readonly idleTimeoutMs = 10 * 60_000) {}

  /** Hands out the first batch; the rest stays under a new cursor id (0 when nothing is left). */
  start(ns: string, docs: Document[], batchSize: number | undefined, singleBatch = false): Batch {
    const cursor: OpenCursor = { ns, docs, position: 0, lastUsed: Date.now() };
    const taken = takeBatch(cursor, batchSize ?? DEFAULT_FIRST_BATCH);
    if (singleBatch || cursor.position >= docs.length) return { id: Long.ZERO, ns, ...taken };
    const id = Long.fromNumber(randomInt(1, 2 ** 47));
    this.open.set(id.toString(), cursor);
    return { id, ns, ...taken };
  }

  /** getMore: the next batch, or CursorNotFound (43) for an unknown, exhausted or timed-out cursor. */
  more(idValue: unknown, batchSize: number | undefined): Batch {
    const key = cursorKey(idValue);
    const cursor = this.open.get(key);
    if (!cursor) throw new CommandError('CursorNotFound', `cursor id ${key} not found`);
    cursor.lastUsed = Date.now();
    const taken = takeBatch(cursor, batchSize && batchSize > 0 ? batchSize : Number.MAX_SAFE_INTEGER);
    if (cursor.position >= cursor.docs.length) {
      this.open.delete(key);
      return { id: Long.ZERO, ns: cursor.ns, ...taken };
    }
    return { id: Long.fromString(key), ns: cursor.ns, ...taken };
  }

  kill(ids: unknown[]): { killed: Long[]; notFound: Long[] } {
    const killed: Long[] = [];
    const notFound: Long[] = [];
    for (const idValue of ids) {
      const key = cursorKey(idValue);
      (this.open.delete(key) ? killed : notFound).push(Long.fromString(key));
    }
    return { killed, notFound };
  }

  /** Drops cursors idle longer than the timeout, as mongod does after ten minutes. */
  sweep(now = Date.now()): void {
    for (const [key, cursor] of this.open) {
      if (now - cursor.lastUsed > this.idleTimeoutMs) this.open.delete(key);
    }
  }

  get size(): number {
    return this.open.size;
  }

  clear(): void {
    this.open.clear();
  }
}

function takeBatch(cursor: OpenCursor, limit: number): Pick<Batch, 'batch' | 'encoded'> {
  // A batch always takes its first document, so one alone (every findOne) needs no size: measuring it was the
  // store's most frequent BSON walk.
  if (cursor.position < cursor.docs.length && (limit === 1 || cursor.docs.length - cursor.position === 1)) {
    return { batch: [cursor.docs[cursor.position++] as Document] };
  }
  // Measured by serialising: the reply sends these bytes, so no document is walked twice (encoded-batch.ts).
  const batch: Document[] = [];
  const encoded: Uint8Array[] = [];
  let bytes = 0;
  while (cursor.position < cursor.docs.length && batch.length < limit) {
    const doc = cursor.docs[cursor.position] as Document;
    const bson = serialize(doc);
    if (batch.length > 0 && bytes + bson.length > BATCH_BYTE_BUDGET) break;
    batch.push(doc);
    encoded.push(bson);
    bytes += bson.length;
    cursor.position += 1;
  }
  return { batch, encoded: new EncodedBatch(encoded) };
}

/** Cursor ids arrive as Long, number or bigint depending on the driver and BSON promotion. */
export function cursorKey(value: unknown): string {
  if (value instanceof Long) return value.toString();
  if (typeof value === 'number' || typeof value === 'bigint') return value.toString();
  throw new CommandError('BadValue', 'cursor id must be a 64-bit integer');
}
