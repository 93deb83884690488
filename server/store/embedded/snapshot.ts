// Snapshots: the whole state written to a temporary file, fsynced, then renamed into place so a crash never leaves half of one.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open, rename, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { Change } from './changes';
import { deserialize, Double, type Document } from 'bson';
import { encodeRecord, forEachRawRecord, forEachRecordPlace } from './record-file';
import { SNAPSHOT_FILE } from './snapshot-prefetch';

export { SNAPSHOT_FILE };
const TEMP_FILE = 'snapshot.tmp';
/**
 * Format 2 ends in the record `{ o: 'end', crc }`, the CRC-32 of every byte before it: a load checks the whole
 * file in one pass instead of one CRC per record (half a million calls cost ~0.15 s of a start), and a file that
 * lost its last records is seen as damaged even when it was cut between two records. Its records are format 1's,
 * each with its own CRC, so format 1 (no end record) is read record by record as before, and a store of format 1
 * reading format 2 replays the end record as nothing (an unknown record).
 */
const FORMAT = 2;
const CHUNK_BYTES = 4 * 1024 * 1024;
/** How long one slice of a background snapshot may hold the event loop before it lets requests run. */
const SLICE_MS = 4;

const header = (generation: number): Change => ({ o: 'header', format: FORMAT, generation, createdAt: new Date() }) as unknown as Change;
/** The end record for `crc`; a Double, so the record has one size whatever the value (END_BYTES). */
export const endRecord = (crc: number): Buffer => encodeRecord({ o: 'end', crc: new Double(crc) });
/** Bytes of the end record: its BSON (29) and its own CRC. */
const END_BYTES = 33;

/** A change to write, or a record already encoded (a document kept as bytes since it was loaded, see raw-documents.ts). */
export type SnapshotEntry = Change | Uint8Array;

const encoded = (entry: SnapshotEntry): Uint8Array => (entry instanceof Uint8Array ? entry : encodeRecord(entry));

/** Writes a snapshot synchronously (seeding a folder; the running store writes its snapshots in slices instead). */
export function writeSnapshot(dir: string, generation: number, changes: Iterable<SnapshotEntry>): void {
  const temp = join(dir, TEMP_FILE);
  const fd = openSync(temp, 'w');
  try {
    let chunk: Uint8Array[] = [encodeRecord(header(generation))];
    let size = 0;
    let crc = 0;
    const flush = (): void => {
      const data = Buffer.concat(chunk);
      crc = crc32(data, crc);
      writeAll(fd, data);
      chunk = [];
      size = 0;
    };
    for (const change of changes) {
      const record = encoded(change);
      chunk.push(record);
      size += record.length;
      if (size >= CHUNK_BYTES) flush();
    }
    flush();
    writeAll(fd, endRecord(crc));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, join(dir, SNAPSHOT_FILE));
  syncDirectory(dir);
}

/**
 * Writes a snapshot while the store keeps serving: records are encoded for a few milliseconds at a time and
 * written asynchronously, so the event loop answers requests between slices. `changes` must describe a state
 * that no longer changes (stored documents are never mutated, so a list of them taken at one moment is one).
 * Returns false, leaving the old snapshot in place, when `stopped()` turns true before the end.
 */
export async function writeSnapshotInSlices(dir: string, generation: number, changes: Iterable<SnapshotEntry>, stopped: () => boolean): Promise<boolean> {
  const temp = join(dir, TEMP_FILE);
  const fd = await open(temp, 'w');
  let complete = false;
  try {
    const iterator = changes[Symbol.iterator]();
    let chunk: Uint8Array[] = [encodeRecord(header(generation))];
    let size = chunk[0]?.length ?? 0;
    let crc = 0;
    for (let done = false; !done; ) {
      if (stopped()) return false;
      const sliceEnds = performance.now() + SLICE_MS;
      while (size < CHUNK_BYTES && performance.now() < sliceEnds) {
        const next = iterator.next();
        if (next.done) {
          done = true;
          break;
        }
        const record = encoded(next.value);
        chunk.push(record);
        size += record.length;
      }
      if (size > 0) {
        const data = Buffer.concat(chunk);
        crc = crc32(data, crc);
        await writeAllAsync(fd, data);
      } else await new Promise((resolve) => setImmediate(resolve));
      chunk = [];
      size = 0;
    }
    await writeAllAsync(fd, endRecord(crc));
    await fd.sync();
    complete = true;
  } finally {
    await fd.close();
    if (!complete) rmSync(temp, { force: true });
  }
  await rename(temp, join(dir, SNAPSHOT_FILE));
  await syncDirectoryAsync(dir);
  return true;
}

async function writeAllAsync(fd: FileHandle, data: Buffer): Promise<void> {
  for (let written = 0; written < data.length; ) written += (await fd.write(data, written, data.length - written)).bytesWritten;
}

function writeAll(fd: number, data: Buffer): void {
  for (let written = 0; written < data.length; ) written += writeSync(fd, data, written, data.length - written);
}

/** Makes a rename or a new file in `dir` itself durable. */
export function syncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** syncDirectory without holding the thread: the fsync runs on libuv's pool. */
export async function syncDirectoryAsync(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Hands the snapshot's records to `load` one by one, undecoded (`data` holds the whole file; a record's BSON is
 * `size` bytes at `start`, already checked), and returns its generation (the first journal that continues it), or
 * undefined when the folder has none yet. A damaged snapshot is an error: it was fsynced whole. `prefetched`: the
 * file's bytes when they were read already (snapshot-prefetch.ts).
 */
export function loadSnapshot(dir: string, load: (data: Buffer, start: number, size: number) => void, prefetched?: Buffer): number | undefined {
  const path = join(dir, SNAPSHOT_FILE);
  if (!prefetched && !existsSync(path)) return undefined;
  const damaged = (): Error => new Error(`The embedded store's snapshot ${path} is damaged; restore the folder from a backup or move it aside.`);
  const data = prefetched ?? readFileSync(path);
  let header: Document | undefined;
  // The header, its own CRC checked: it tells the format.
  const { validBytes: headerEnd } = forEachRawRecord(data.subarray(0, recordEnd(data, 0)), (start, size) => {
    try {
      header = deserialize(data.subarray(start, start + size));
    } catch {
      return false;
    }
    return true;
  });
  if (!header || header.o !== 'header' || typeof header.generation !== 'number') throw damaged();
  const generation = header.generation;
  if (header.format === 2) {
    const end = data.length - END_BYTES;
    if (end < headerEnd || !endRecord(crc32(data.subarray(0, end))).equals(data.subarray(end))) throw damaged();
    // The whole file checked, each record's place is read by its length alone.
    if (!forEachRecordPlace(data, headerEnd, end, (start, size) => load(data, start, size))) throw damaged();
    return generation;
  }
  const { torn } = forEachRawRecord(data, (start, size) => {
    if (start > 0) load(data, start, size);
    return true;
  });
  if (torn) throw damaged();
  return generation;
}

/** Where the record at `offset` ends (its BSON's length and CRC), bounded by the data. */
function recordEnd(data: Buffer, offset: number): number {
  if (data.length - offset < 4) return data.length;
  return Math.min(data.length, Math.max(offset, offset + data.readInt32LE(offset) + 4));
}
