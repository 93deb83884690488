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
  let offset = 0;
  let count = 0;
  while (offset < data.length) {
    if (data.length - offset < 9) return { count, validBytes: offset, torn: true };
    const size = data.readInt32LE(offset);
    if (size < 5 || offset + size + 4 > data.length) return { count, validBytes: offset, torn: true };
    const body = data.subarray(offset, offset + size);
    if ((crc32(body) >>> 0) !== data.readUInt32LE(offset + size)) return { count, validBytes: offset, torn: true };
    let record: Document;
    try {
      record = deserialize(body);
    } catch {
      return { count, validBytes: offset, torn: true };
    }
    visit(record);
    count += 1;
    offset += size + 4;
  }
  return { count, validBytes: offset, torn: false };
}
