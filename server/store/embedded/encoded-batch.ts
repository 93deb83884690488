// A cursor batch whose documents were serialised while the batch was measured: the reply carries those bytes as they
// are, so each document is walked once (before, its size was measured and then the whole reply serialised again).
import { serialize } from 'bson';
import type { Document } from './documents';

/** The documents of a batch, each already BSON; stands where a reply's firstBatch or nextBatch array would. */
export class EncodedBatch {
  constructor(readonly documents: readonly Uint8Array[]) {}
}

const EMBEDDED_DOCUMENT = 0x03;
const ARRAY = 0x04;
const BATCH_KEYS = ['firstBatch', 'nextBatch'] as const;

/** Element headers of array entries ("\x03" "<i>" "\0"), made once per index. */
const entryHeaders: Buffer[] = [];
function entryHeader(index: number): Buffer {
  let header = entryHeaders[index];
  if (!header) {
    header = Buffer.from(`\x03${index}\0`, 'latin1');
    if (index < 100_000) entryHeaders[index] = header;
  }
  return header;
}

function int32(value: number): Buffer {
  const bytes = Buffer.allocUnsafe(4);
  bytes.writeInt32LE(value, 0);
  return bytes;
}

/**
 * The reply as BSON, in pieces to concatenate (Buffer.concat copies each once into the message). A reply of the form
 * { cursor: { firstBatch | nextBatch: EncodedBatch, ...rest }, ...rest } gets its batch's bytes spliced in: the cursor
 * is the reply's first field and the batch the cursor's first field (the driver reads them by name).
 */
export function replyChunks(reply: Document): Uint8Array[] {
  const cursor = reply.cursor as Document | undefined;
  const key = cursor && typeof cursor === 'object' ? BATCH_KEYS.find((name) => cursor[name] instanceof EncodedBatch) : undefined;
  if (!cursor || !key) return [serialize(reply)];
  const { [key]: batch, ...cursorRest } = cursor;
  const { cursor: _cursor, ...replyRest } = reply;
  const documents = (batch as EncodedBatch).documents;

  const chunks: Uint8Array[] = [];
  let arrayBytes = 4 + 1;
  for (const [index, document] of documents.entries()) arrayBytes += entryHeader(index).length + document.length;
  const restOfCursor = serialize(cursorRest);
  const restOfReply = serialize(replyRest);
  const cursorBytes = 4 + (2 + key.length) + arrayBytes + (restOfCursor.length - 4);
  const replyBytes = 4 + (2 + 'cursor'.length) + cursorBytes + (restOfReply.length - 4);

  chunks.push(int32(replyBytes), Buffer.from(`${String.fromCharCode(EMBEDDED_DOCUMENT)}cursor\0`, 'latin1'));
  chunks.push(int32(cursorBytes), Buffer.from(`${String.fromCharCode(ARRAY)}${key}\0`, 'latin1'));
  chunks.push(int32(arrayBytes));
  for (const [index, document] of documents.entries()) chunks.push(entryHeader(index), document);
  chunks.push(Buffer.from([0]));
  // A serialised document's elements and its closing zero, without its length: the cursor's, then the reply's.
  chunks.push(restOfCursor.subarray(4), restOfReply.subarray(4));
  return chunks;
}
