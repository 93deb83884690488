// Snapshots: the whole state written to a temporary file, fsynced, then renamed into place so a crash never leaves half of one.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Change } from './changes';
import { decodeRecords, encodeRecord } from './record-file';

export const SNAPSHOT_FILE = 'snapshot.bson';
const TEMP_FILE = 'snapshot.tmp';
const FORMAT = 1;
const CHUNK_BYTES = 4 * 1024 * 1024;

export interface Snapshot {
  /** The journal generation that continues this snapshot (journal-<generation>.bson). */
  generation: number;
  changes: Change[];
}

/** Writes a snapshot synchronously, so no command can change the state while it is taken. */
export function writeSnapshot(dir: string, generation: number, changes: Iterable<Change>): void {
  const temp = join(dir, TEMP_FILE);
  const fd = openSync(temp, 'w');
  try {
    let chunk: Buffer[] = [encodeRecord({ o: 'header', format: FORMAT, generation, createdAt: new Date() })];
    let size = 0;
    for (const change of changes) {
      const record = encodeRecord(change);
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

/** Reads the snapshot, or undefined when the folder has none yet. A damaged snapshot is an error: it was fsynced whole. */
export function readSnapshot(dir: string): Snapshot | undefined {
  const path = join(dir, SNAPSHOT_FILE);
  if (!existsSync(path)) return undefined;
  const { records, torn } = decodeRecords(readFileSync(path));
  const [header, ...changes] = records;
  if (torn || !header || header.o !== 'header' || typeof header.generation !== 'number') {
    throw new Error(`The embedded store's snapshot ${path} is damaged; restore the folder from a backup or move it aside.`);
  }
  return { generation: header.generation, changes: changes as Change[] };
}
