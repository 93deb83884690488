// MongoDB wire protocol framing: reading OP_MSG and legacy OP_QUERY requests, writing OP_MSG and OP_REPLY replies.
import { deserialize } from 'bson';
import type { Document } from './documents';
import { replyChunks } from './encoded-batch';

export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_COMPRESSED = 2012;
export const OP_MSG = 2013;

const HEADER_SIZE = 16;
const CHECKSUM_PRESENT = 1 << 0;
const MORE_TO_COME = 1 << 1;
/** The largest message accepted, as advertised in hello's maxMessageSizeBytes. */
export const MAX_MESSAGE_SIZE = 48_000_000;

/** A request reduced to what the router needs: one command document and the database it targets. */
export interface IncomingCommand {
  requestId: number;
  opCode: number;
  command: Document;
  db: string;
  /** OP_MSG moreToCome: the client wants no reply (unacknowledged write). */
  moreToCome: boolean;
}

export class ProtocolError extends Error {}

/**
 * Splits a byte stream into whole messages by their length prefix. Chunks are kept as they arrive and joined
 * once per message, so a 32 MiB message in 64 KiB chunks costs one copy, not one copy of everything so far per chunk.
 */
export class MessageFramer {
  private chunks: Buffer[] = [];
  private bufferedBytes = 0;
  /** How many times bytes were copied to join chunks; tests read it to prove the cost stays linear. */
  joins = 0;

  push(chunk: Buffer): Buffer[] {
    if (chunk.length) {
      this.chunks.push(chunk);
      this.bufferedBytes += chunk.length;
    }
    const messages: Buffer[] = [];
    while (this.bufferedBytes >= 4) {
      const length = this.peekLength();
      if (length < HEADER_SIZE || length > MAX_MESSAGE_SIZE) throw new ProtocolError(`invalid message length ${length}`);
      if (this.bufferedBytes < length) break;
      messages.push(this.take(length));
    }
    return messages;
  }

  private peekLength(): number {
    const first = this.chunks[0] as Buffer;
    if (first.length >= 4) return first.readInt32LE(0);
    return this.take(4, false).readInt32LE(0);
  }

  /** The next `length` bytes; `consume` false leaves them buffered (joined into the first chunk). */
  private take(length: number, consume = true): Buffer {
    const first = this.chunks[0] as Buffer;
    let out: Buffer;
    if (first.length >= length) {
      out = first.subarray(0, length);
    } else {
      const parts: Buffer[] = [];
      let collected = 0;
      for (const chunk of this.chunks) {
        parts.push(chunk);
        collected += chunk.length;
        if (collected >= length) break;
      }
      this.joins += 1;
      const joined = Buffer.concat(parts, collected);
      this.chunks.splice(0, parts.length, joined);
      out = joined.subarray(0, length);
    }
    if (consume) {
      const head = this.chunks[0] as Buffer;
      if (head.length === length) this.chunks.shift();
      else this.chunks[0] = head.subarray(length);
      this.bufferedBytes -= length;
    }
    return out;
  }
}

/**
 * Decodes one whole message; OP_MSG document sequences (kind 1) become array fields of the command.
 * Every length inside is checked against the bytes that hold it, so a lying length is a ProtocolError
 * (the connection closes), never a read out of bounds or a loop that does not advance.
 */
export function parseMessage(message: Buffer): IncomingCommand {
  if (message.length < HEADER_SIZE + 4 || message.readInt32LE(0) !== message.length) {
    throw new ProtocolError('message shorter than its header or not matching its length');
  }
  const requestId = message.readInt32LE(4);
  const opCode = message.readInt32LE(12);
  if (opCode === OP_MSG) return parseOpMsg(message, requestId);
  if (opCode === OP_QUERY) return parseOpQuery(message, requestId);
  throw new ProtocolError(`unsupported opCode ${opCode}`);
}

/** Reads the BSON document at `offset`, which must end at or before `end`; returns it and its size. */
function documentAt(message: Buffer, offset: number, end: number, what: string): { doc: Document; size: number } {
  if (end - offset < 5) throw new ProtocolError(`${what}: no room for a document`);
  const size = message.readInt32LE(offset);
  if (size < 5 || size > end - offset) throw new ProtocolError(`${what}: invalid document length ${size}`);
  if (message[offset + size - 1] !== 0) throw new ProtocolError(`${what}: document does not end in a NUL byte`);
  try {
    return { doc: deserialize(message.subarray(offset, offset + size)), size };
  } catch (error) {
    throw new ProtocolError(`${what}: unreadable BSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

function parseOpMsg(message: Buffer, requestId: number): IncomingCommand {
  const flags = message.readUInt32LE(HEADER_SIZE);
  // The checksum is optional for us to verify; TCP on localhost already guards the bytes.
  const end = message.length - (flags & CHECKSUM_PRESENT ? 4 : 0);
  let offset = HEADER_SIZE + 4;
  let command: Document | undefined;
  const sequences: Record<string, Document[]> = {};
  while (offset < end) {
    const kind = message.readUInt8(offset);
    offset += 1;
    if (kind === 0) {
      if (command) throw new ProtocolError('OP_MSG with more than one body section');
      const body = documentAt(message, offset, end, 'OP_MSG body');
      command = body.doc;
      offset += body.size;
    } else if (kind === 1) {
      if (end - offset < 4) throw new ProtocolError('OP_MSG document sequence without a length');
      const size = message.readInt32LE(offset);
      // At least the length itself and an empty, NUL-terminated identifier.
      if (size < 5 || size > end - offset) throw new ProtocolError(`OP_MSG document sequence with invalid length ${size}`);
      const sectionEnd = offset + size;
      const nameEnd = message.indexOf(0, offset + 4);
      if (nameEnd < 0 || nameEnd >= sectionEnd) throw new ProtocolError('OP_MSG document sequence identifier is not terminated');
      const identifier = message.toString('utf8', offset + 4, nameEnd);
      const docs: Document[] = [];
      for (let at = nameEnd + 1; at < sectionEnd; ) {
        const item = documentAt(message, at, sectionEnd, `OP_MSG sequence '${identifier}'`);
        docs.push(item.doc);
        at += item.size;
      }
      sequences[identifier] = docs;
      offset = sectionEnd;
    } else {
      throw new ProtocolError(`unknown OP_MSG section kind ${kind}`);
    }
  }
  if (!command) throw new ProtocolError('OP_MSG without a body section');
  Object.assign(command, sequences);
  const db = typeof command.$db === 'string' ? command.$db : 'admin';
  return { requestId, opCode: OP_MSG, command, db, moreToCome: (flags & MORE_TO_COME) !== 0 };
}

function parseOpQuery(message: Buffer, requestId: number): IncomingCommand {
  let offset = HEADER_SIZE + 4; // flags
  const nameEnd = message.indexOf(0, offset);
  if (nameEnd < 0) throw new ProtocolError('OP_QUERY namespace is not terminated');
  const namespace = message.toString('utf8', offset, nameEnd);
  offset = nameEnd + 1 + 8; // numberToSkip, numberToReturn
  let command = documentAt(message, offset, message.length, 'OP_QUERY query').doc;
  // Legacy drivers wrap the command with read preference: { $query: {...}, $readPreference }.
  if (command.$query && typeof command.$query === 'object') command = command.$query as Document;
  const [db = 'admin', collection = ''] = splitNamespace(namespace);
  if (collection !== '$cmd') throw new ProtocolError(`OP_QUERY is only supported for commands, not on ${namespace}`);
  return { requestId, opCode: OP_QUERY, command, db, moreToCome: false };
}

function splitNamespace(namespace: string): [string, string] {
  const dot = namespace.indexOf('.');
  return dot < 0 ? [namespace, ''] : [namespace.slice(0, dot), namespace.slice(dot + 1)];
}

let nextRequestId = 1;

function header(length: number, responseTo: number, opCode: number): Buffer {
  const head = Buffer.alloc(HEADER_SIZE);
  head.writeInt32LE(length, 0);
  head.writeInt32LE(nextRequestId++ & 0x7fffffff, 4);
  head.writeInt32LE(responseTo, 8);
  head.writeInt32LE(opCode, 12);
  return head;
}

/** An OP_MSG reply with a single body section (a batch serialised already goes in as its bytes: encoded-batch.ts). */
export function encodeOpMsg(responseTo: number, reply: Document): Buffer {
  const body = replyChunks(reply);
  const flags = Buffer.alloc(5); // flagBits 0, then section kind 0
  const length = HEADER_SIZE + flags.length + byteLength(body);
  return Buffer.concat([header(length, responseTo, OP_MSG), flags, ...body], length);
}

/** An OP_REPLY for a legacy OP_QUERY command: one document, no cursor. */
export function encodeOpReply(responseTo: number, reply: Document): Buffer {
  const body = replyChunks(reply);
  const fields = Buffer.alloc(20); // responseFlags, cursorID (int64), startingFrom, numberReturned
  fields.writeInt32LE(1, 16);
  const length = HEADER_SIZE + fields.length + byteLength(body);
  return Buffer.concat([header(length, responseTo, OP_REPLY), fields, ...body], length);
}

function byteLength(chunks: Uint8Array[]): number {
  let total = 0;
  for (const chunk of chunks) total += chunk.length;
  return total;
}
