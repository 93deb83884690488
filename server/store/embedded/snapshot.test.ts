// The snapshot file's formats: what this version writes (format 2, one CRC over the whole file in its last record),
// what earlier versions wrote (format 1, a CRC per record and no end record), and damage to either.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import { deserialize, ObjectId } from 'bson';
import type { Change } from './changes';
import { startEmbeddedMongo } from './index';
import { decodeRecords, encodeRecord } from './record-file';
import { loadSnapshot, SNAPSHOT_FILE, writeSnapshot, writeSnapshotInSlices } from './snapshot';

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'playroute-snapshot-'));
  folders.push(dir);
  return dir;
}

const docs = Array.from({ length: 200 }, (_, n) => ({ _id: new ObjectId(n.toString(16).padStart(24, '0')), email: `person-${n}@example.org`, n }));

function changes(): Change[] {
  return [
    { o: 'create', db: 'kept', c: 'people', options: {}, uuid: undefined },
    { o: 'index', db: 'kept', c: 'people', spec: { v: 2, key: { email: 1 }, name: 'email_1', unique: true } },
    ...docs.map((doc): Change => ({ o: 'put', db: 'kept', c: 'people', doc })),
  ];
}

/** The folder as the store's format 1 wrote it: a header of format 1, then every record with its CRC, nothing after. */
function writeFormat1(dir: string, generation: number): void {
  const header = encodeRecord({ o: 'header', format: 1, generation, createdAt: new Date() });
  writeFileSync(join(dir, SNAPSHOT_FILE), Buffer.concat([header, ...changes().map((change) => encodeRecord(change))]));
}

/** The records loadSnapshot hands over, decoded. */
function load(dir: string): { generation: number | undefined; records: Change[] } {
  const records: Change[] = [];
  const generation = loadSnapshot(dir, (data, start, size) => records.push(deserialize(data.subarray(start, start + size)) as Change));
  return { generation, records };
}

const expectedRecords = (): unknown[] => changes().map((change) => deserialize(encodeRecord(change).subarray(0, -4)));

describe('snapshot files', () => {
  it('a snapshot ends in a record holding the CRC-32 of every byte before it, and loads back record for record', async () => {
    for (const write of [
      (dir: string) => writeSnapshot(dir, 3, changes()),
      (dir: string) => writeSnapshotInSlices(dir, 3, changes(), () => false),
    ]) {
      const dir = tempDir();
      await write(dir);
      const file = readFileSync(join(dir, SNAPSHOT_FILE));
      const { records, torn } = decodeRecords(file);
      expect(torn).toBe(false);
      expect(records[0]).toMatchObject({ o: 'header', format: 2, generation: 3 });
      const last = records.at(-1);
      expect(last).toEqual({ o: 'end', crc: crc32(file.subarray(0, file.length - 33)) });
      // The end record is the load's to check, not a change to replay.
      expect(load(dir)).toEqual({ generation: 3, records: expectedRecords() });
    }
  });

  it('a folder written by the previous format (a CRC per record, no end record) loads, and a store started on it serves its documents', async () => {
    const dir = tempDir();
    writeFormat1(dir, 4);
    expect(load(dir)).toEqual({ generation: 4, records: expectedRecords() });
    const store = await startEmbeddedMongo({ dataDir: dir });
    const connection = mongoose.createConnection(store.uri, { dbName: 'kept' });
    try {
      await connection.asPromise();
      const people = connection.collection('people');
      expect(await people.countDocuments()).toBe(docs.length);
      expect(await people.findOne({ email: 'person-150@example.org' })).toEqual(docs[150]);
      await expect(people.insertOne({ email: 'person-3@example.org' })).rejects.toThrow(/E11000/);
    } finally {
      await connection.close();
      await store.close();
    }
  });

  it('a snapshot with one byte changed anywhere, or cut short even between two records, is refused as damaged', () => {
    const dir = tempDir();
    writeSnapshot(dir, 1, changes());
    const whole = readFileSync(join(dir, SNAPSHOT_FILE));
    const recordEnds: number[] = [];
    for (let offset = 0; offset < whole.length; ) recordEnds.push((offset += whole.readInt32LE(offset) + 4));
    const damaged: Buffer[] = [];
    // A byte inside a document's value (not its length), in the header, in the end record.
    for (const at of [Math.floor(whole.length / 2), 20, whole.length - 10]) {
      const copy = Buffer.from(whole);
      copy[at] = (copy[at] as number) ^ 0x01;
      damaged.push(copy);
    }
    // Cut at a record's end: every record left is whole, only the last ones (and the end record) are gone.
    damaged.push(whole.subarray(0, recordEnds.at(-2)), whole.subarray(0, recordEnds[100]), whole.subarray(0, whole.length - 1));
    for (const bytes of damaged) {
      writeFileSync(join(dir, SNAPSHOT_FILE), bytes);
      expect(() => load(dir)).toThrow(/damaged/);
    }
    writeFileSync(join(dir, SNAPSHOT_FILE), whole);
    expect(load(dir).records).toHaveLength(changes().length);
  });

  it('a previous-format snapshot with one byte changed is refused as damaged, as before', () => {
    const dir = tempDir();
    writeFormat1(dir, 1);
    const file = readFileSync(join(dir, SNAPSHOT_FILE));
    const middle = Math.floor(file.length / 2);
    file[middle] = (file[middle] as number) ^ 0x01;
    writeFileSync(join(dir, SNAPSHOT_FILE), file);
    expect(() => load(dir)).toThrow(/damaged/);
  });
});
