// The snapshot read a store thread starts before its modules load (snapshot-prefetch.ts) is used only when it is
// still the folder's snapshot once the store holds the folder's lock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Change } from './changes';
import { silentLogger } from './logger';
import { openDurableStore } from './persistence';
import { writeSnapshot } from './snapshot';
import { prefetchSnapshot } from './snapshot-prefetch';

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'playroute-prefetch-'));
  folders.push(dir);
  return dir;
}

function people(names: string[]): Change[] {
  return [{ o: 'create', db: 'kept', c: 'people', options: {}, uuid: undefined }, ...names.map((name, n): Change => ({ o: 'put', db: 'kept', c: 'people', doc: { _id: n, name } }))];
}

const settle = (): Promise<void> => new Promise((done) => setTimeout(done, 100));

describe('a snapshot read before the store holds its folder', () => {
  it('when it is still the folder’s snapshot, the store starts with its documents', async () => {
    const dir = tempDir();
    writeSnapshot(dir, 0, people(['ada', 'grace']));
    prefetchSnapshot(dir);
    await settle();
    const { catalog, persistence } = await openDurableStore(dir, silentLogger);
    expect(catalog.collection('kept', 'people')?.documents()).toEqual([{ _id: 0, name: 'ada' }, { _id: 1, name: 'grace' }]);
    await persistence.close();
  });

  it('when another snapshot took its place after the read (a compaction by the folder’s previous owner), the store loads the new one', async () => {
    const dir = tempDir();
    writeSnapshot(dir, 0, people(['ada', 'grace']));
    prefetchSnapshot(dir);
    await settle();
    // The same size, another file: only the file's identity tells them apart.
    writeSnapshot(dir, 0, people(['eve', 'bob']));
    const { catalog, persistence } = await openDurableStore(dir, silentLogger);
    expect(catalog.collection('kept', 'people')?.documents()).toEqual([{ _id: 0, name: 'eve' }, { _id: 1, name: 'bob' }]);
    await persistence.close();
  });

  it('when the folder has no snapshot yet, or one appears after the read began, the store starts from what is there', async () => {
    const empty = tempDir();
    prefetchSnapshot(empty);
    const first = await openDurableStore(empty, silentLogger);
    expect(first.catalog.databaseNames()).toEqual([]);
    await first.persistence.close();

    const late = tempDir();
    prefetchSnapshot(late);
    await settle();
    writeSnapshot(late, 0, people(['ada']));
    const second = await openDurableStore(late, silentLogger);
    expect(second.catalog.collection('kept', 'people')?.count).toBe(1);
    await second.persistence.close();
  });
});
