// Compaction: a journal past its size limit is folded into a new snapshot without losing or reordering anything.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from './logger';
import { openDurableStore } from './persistence';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('journal compaction', () => {
  it('when the journal outgrows its limit, a new snapshot and journal generation replace it and a restart sees every write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'playroute-compact-'));
    dirs.push(dir);
    const first = await openDurableStore(dir, silentLogger, 4_000);
    const journalsBefore = readdirSync(dir).filter((f) => f.startsWith('journal-'));
    const notes = first.catalog.ensureCollection('app', 'notes');
    for (let n = 0; n < 200; n += 1) {
      const doc = notes.insert({ n, text: 'x'.repeat(50) });
      if (n % 2) notes.replace(doc, { ...doc, text: 'changed' });
      await first.persistence.sync();
    }
    await first.persistence.settled();
    const journalsAfter = readdirSync(dir).filter((f) => f.startsWith('journal-'));
    expect(journalsAfter).toHaveLength(1);
    expect(journalsAfter).not.toEqual(journalsBefore);
    await first.persistence.close();

    const second = await openDurableStore(dir, silentLogger);
    const restored = second.catalog.collection('app', 'notes');
    expect(restored?.count).toBe(200);
    expect(restored?.documents().filter((d) => d.text === 'changed')).toHaveLength(100);
    await second.persistence.close();
  });
});
