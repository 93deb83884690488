// Cursor bookkeeping: batches, and the idle timeout that frees cursors a client forgot.
import { describe, expect, it } from 'vitest';
import { CursorRegistry } from './cursors';
import { CommandError } from './errors';

describe('cursor registry', () => {
  it('when a cursor sits idle past the timeout, getMore answers CursorNotFound and the cursor is freed', () => {
    const cursors = new CursorRegistry(1_000);
    const first = cursors.start('db.c', [{ n: 1 }, { n: 2 }, { n: 3 }], 1);
    expect(first.batch).toEqual([{ n: 1 }]);
    cursors.sweep(Date.now() + 500);
    expect(cursors.more(first.id, 1).batch).toEqual([{ n: 2 }]);
    cursors.sweep(Date.now() + 5_000);
    expect(cursors.size).toBe(0);
    expect(() => cursors.more(first.id, 1)).toThrow(CommandError);
  });

  it('when everything fits in the first batch, no cursor stays open (id 0)', () => {
    const cursors = new CursorRegistry();
    const batch = cursors.start('db.c', [{ n: 1 }], undefined);
    expect(batch.id.isZero()).toBe(true);
    expect(cursors.size).toBe(0);
  });
});
