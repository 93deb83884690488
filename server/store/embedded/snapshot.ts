// Snapshots: the whole state written to a temporary file, fsynced, then renamed into place so a crash never leaves half of one.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open, rename, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Change } from './changes';
import { deserialize, type Document } from 'bson';
import { encodeRecord, forEachRawRecord } from './record-file';

export const SNAPSHOT_FILE = 'snapshot.bson';
const TEMP_FILE = 'snapshot.tmp';
const FORMAT = 1;
const CHUNK_BYTES = 4 * 1024 * 1024;
/** How long one slice of a background snapshot may hold the event loop before it lets requests run. */
const SLICE_MS = 4;

const header = (generation: number): Change => ({ o: 'header', format: FORMAT, generation, createdAt: new Date() }) as unknown as Change;

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
    for (const change of changes) {
      const record = encoded(change);
      chunk.push(record);
      size += record.length;
      if (size >= CHUNK_BYTES) {
        writeAll(fd, Buffer.concat(chunk));
        chunk = [];
        size = 0;
      }
    }
    writeAll(fd, Buffer.concat(chunk));
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
      if (size > 0) await writeAllAsync(fd, Buffer.concat(chunk));
      else await new Promise((resolve) => setImmediate(resolve));
      chunk = [];
      size = 0;
    }
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
 * `size` bytes at `start`, its CRC already checked), and returns its generation (the first journal that continues
 * it), or undefined when the folder has none yet. A damaged snapshot is an error: it was fsynced whole.
 */
export function loadSnapshot(dir: string, load: (data: Buffer, start: number, size: number) => void): number | undefined {
  const path = join(dir, SNAPSHOT_FILE);
  if (!existsSync(path)) return undefined;
  let generation: number | undefined;
  let first = true;
  let damaged = false;
  const data = readFileSync(path);
  const { torn } = forEachRawRecord(data, (start, size) => {
    if (first) {
      first = false;
      let record: Document;
      try {
        record = deserialize(data.subarray(start, start + size));
      } catch {
        return false;
      }
      if (record.o === 'header' && typeof record.generation === 'number') generation = record.generation;
      else damaged = true;
      return true;
    }
    if (!damaged) load(data, start, size);
    return true;
  });
  if (torn || damaged || generation === undefined) {
    throw new Error(`The embedded store's snapshot ${path} is damaged; restore the folder from a backup or move it aside.`);
  }
  return generation;
}
