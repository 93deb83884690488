// The kept playbooks' own rules: how long one is trusted, and what a write makes them forget.
import { describe, expect, it } from 'vitest';
import type { StoredPlaybook } from './playbook-repository';
import { KeptPlaybooks } from './kept-playbooks';

const playbook = (id: string) => ({ playbook: { id } }) as StoredPlaybook;

describe('kept playbooks', () => {
  it('answer a recent read within their trust time, and not after it', () => {
    let now = 500;
    const kept = new KeptPlaybooks({ trustKeptMs: 100, clockMs: () => now });
    kept.keep('link', playbook('pb'), kept.readStarts()());
    now += 99;
    expect(kept.recent('link')?.playbook.id).toBe('pb');
    now += 1;
    expect(kept.recent('link')).toBeUndefined();
  });

  it('forget a playbook on its write wherever it is kept, and the placements the write names', () => {
    const kept = new KeptPlaybooks({ clockMs: () => 0 });
    kept.keep('link-a', playbook('pb-1'), 0);
    kept.keep('link-b', playbook('pb-2'), 0);
    kept.keep('link-c', playbook('pb-3'), 0);
    kept.forget('pb-1', ['link-b']);
    expect([kept.recent('link-a'), kept.recent('link-b'), kept.recent('link-c')?.playbook.id]).toEqual([undefined, undefined, 'pb-3']);
  });

  it('do not trust as recent what a read brought while a write was under way: it may be the older revision', () => {
    const kept = new KeptPlaybooks({ clockMs: () => 0 });
    const checkedAt = kept.readStarts();
    kept.forget('pb-1');
    kept.keep('link', playbook('pb-1'), checkedAt());
    expect(kept.recent('link')).toBeUndefined();
    expect(kept.get('link')?.stored.playbook.id).toBe('pb-1');
  });
});
