// The on-disk record format shared by the journal and snapshots: a BSON document followed by its CRC-32.
import { crc32 } from 'node:zlib';
import { deserialize, serialize } from 'bson';
import type { Document } from './documents';

/** Encodes one record; BSON's own int32 length prefix frames it, the trailing CRC proves it complete. */
export function encodeRecord(record: Document): Buffer {
  const body = serialize(record);
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32LE(crc32(body) >>> 0, 0);
  return Buffer.concat([body, trailer]);
}

export interface DecodedRecords {
  records: Document[];
  /** Bytes of whole, valid records from the start of the file. */
  validBytes: number;
  /** True when the data ends in a partial or corrupt record, as a crash mid-write leaves it. */
  torn: boolean;
}

export interface ScannedRecords {
  count: number;
  /** Bytes of whole, valid records from the start of the file. */
  validBytes: number;
  /** True when the data ends in a partial or corrupt record, as a crash mid-write leaves it. */
  torn: boolean;
}

/** Decodes records up to the first incomplete or corrupt one. */
export function decodeRecords(data: Buffer): DecodedRecords {
  const records: Document[] = [];
  const { validBytes, torn } = forEachRecord(data, (record) => records.push(record));
  return { records, validBytes, torn };
}

/**
 * Hands each record to `visit` as it is decoded, up to the first incomplete or corrupt one: a start replays a
 * large snapshot without holding every decoded record in a list first.
 */
export function forEachRecord(data: Buffer, visit: (record: Document) => void): ScannedRecords {
  return forEachRawRecord(data, (start, size) => {
    let record: Document;
    try {
      record = deserialize(data.subarray(start, start + size));
    } catch {
      return false;
    }
    visit(record);
    return true;
  });
}

/**
 * Hands each whole record's place to `visit` (its BSON starts at `start` and is `size` bytes) after checking its
 * CRC, without decoding it; `visit` returns false for a record it cannot read, which counts as the torn end.
 */
export function forEachRawRecord(data: Buffer, visit: (start: number, size: number) => boolean): ScannedRecords {
  let offset = 0;
  let count = 0;
  while (offset < data.length) {
    if (data.length - offset < 9) return { count, validBytes: offset, torn: true };
    const size = data.readInt32LE(offset);
    if (size < 5 || offset + size + 4 > data.length) return { count, validBytes: offset, torn: true };
    if ((crc32(data.subarray(offset, offset + size)) >>> 0) !== data.readUInt32LE(offset + size)) return { count, validBytes: offset, torn: true };
    if (!visit(offset, size)) return { count, validBytes: offset, torn: true };
    count += 1;
    offset += size + 4;
  }
  return { count, validBytes: offset, torn: false };
}

/**
 * Hands the place of each record from `from` to `to` to `visit` by its length alone, without checking its CRC (the
 * caller checked these bytes as a whole, see snapshot.ts); false when the lengths do not end exactly at `to`.
 */
export function forEachRecordPlace(data: Buffer, from: number, to: number, visit: (start: number, size: number) => void): boolean {
  let offset = from;
  while (offset < to) {
    if (to - offset < 9) return false;
    const size = data.readInt32LE(offset);
    if (size < 5 || offset + size + 4 > to) return false;
    visit(offset, size);
    offset += size + 4;
  }
  return offset === to;
}

/**
 * The record `{ o: 'put', db, c, doc }` for a document still held as its BSON bytes, byte for byte what
 * encodeRecord writes for the decoded document, without decoding and encoding it again (compaction copies it).
 */
export function encodeRawPut(db: string, c: string, doc: Uint8Array): Buffer {
  const dbLength = Buffer.byteLength(db);
  const cLength = Buffer.byteLength(c);
  const size = 4 + 11 + (9 + dbLength) + (8 + cLength) + (5 + doc.length) + 1;
  const record = Buffer.allocUnsafe(size + 4);
  let at = record.writeInt32LE(size, 0);
  at = record.writeUInt8(0x02, at);
  at += record.write('o\0', at, 'latin1');
  at = record.writeInt32LE(4, at);
  at += record.write('put\0', at, 'latin1');
  at = record.writeUInt8(0x02, at);
  at += record.write('db\0', at, 'latin1');
  at = record.writeInt32LE(dbLength + 1, at);
  at += record.write(db, at, 'utf8');
  at = record.writeUInt8(0, at);
  at = record.writeUInt8(0x02, at);
  at += record.write('c\0', at, 'latin1');
  at = record.writeInt32LE(cLength + 1, at);
  at += record.write(c, at, 'utf8');
  at = record.writeUInt8(0, at);
  at = record.writeUInt8(0x03, at);
  at += record.write('doc\0', at, 'latin1');
  record.set(doc, at);
  at += doc.length;
  at = record.writeUInt8(0, at);
  record.writeUInt32LE(crc32(record.subarray(0, size)) >>> 0, at);
  return record;
}
