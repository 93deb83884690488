// The playbook this process read last per placement, decoded, mapped and frozen, and when the store last vouched for it.
import type { StoredPlaybook } from './playbook-repository';

/**
 * How long a kept playbook answers a `recent` read without asking the store. Every write this process makes through
 * the playbook repository (a design save, publish or unpublish, an import, a deep-linked placement claimed or created)
 * forgets the placement's kept playbook at once, so here the next read sees it. An edit by another process is seen
 * at most this much later: the same race a save already has, only a second wider, since a save reads the playbook,
 * then writes the route, and an edit landing in between is not seen either (the route is checked against the
 * revision it read). A route may so name an activity a newer revision removed; the domain reports it
 * (route.rule.unknown_activity) and the student saves without it (test/api/route-playbook-edit.test.ts). Nothing
 * else writes the playbooks: an erasure only pseudonymises their history (never read with the design) and the
 * retention job keeps playbooks.
 */
export const KEPT_PLAYBOOK_TRUST_MS = 1_000;
/** Placements whose playbook is kept decoded; past this the oldest kept one makes room. */
const KEPT_PLAYBOOKS = 500;

export interface KeptPlaybookOptions {
  /** How long a kept playbook answers a `recent` read; KEPT_PLAYBOOK_TRUST_MS unless a test says otherwise. */
  trustKeptMs?: number;
  /** Milliseconds for that trust; tests move it instead of waiting. */
  clockMs?: () => number;
}

export interface KeptPlaybook {
  stored: StoredPlaybook;
  /** When the store last said this is the placement's playbook (clockMs); -Infinity when a write may have crossed that. */
  checkedAt: number;
}

export class KeptPlaybooks {
  private readonly kept = new Map<string, KeptPlaybook>();
  // Moves on every write: a read begun before a write ended may carry the old playbook, so it is not trusted as recent.
  private writes = 0;
  private readonly trustMs: number;
  private readonly clockMs: () => number;

  constructor(options: KeptPlaybookOptions = {}) {
    this.trustMs = options.trustKeptMs ?? KEPT_PLAYBOOK_TRUST_MS;
    this.clockMs = options.clockMs ?? Date.now;
  }

  get(key: string): KeptPlaybook | undefined {
    return this.kept.get(key);
  }

  /** The kept playbook when the store vouched for it within the trust time. */
  recent(key: string): StoredPlaybook | undefined {
    const entry = this.kept.get(key);
    return entry && this.clockMs() - entry.checkedAt < this.trustMs ? entry.stored : undefined;
  }

  /** Call before asking the store; what it returns, called once the answer is in, is the time to record as checked. */
  readStarts(): () => number {
    const writesBefore = this.writes;
    const startedAt = this.clockMs();
    return () => (this.writes === writesBefore ? startedAt : -Infinity);
  }

  /** The store said the kept playbook is still the placement's. */
  confirm(entry: KeptPlaybook, checkedAt: number): void {
    entry.checkedAt = Math.max(entry.checkedAt, checkedAt);
  }

  keep(key: string, stored: StoredPlaybook, checkedAt: number): void {
    this.kept.delete(key);
    if (this.kept.size >= KEPT_PLAYBOOKS) this.kept.delete(this.kept.keys().next().value ?? key);
    this.kept.set(key, { stored, checkedAt });
  }

  /** Drops the entry if it is still the one kept (a newer one may have taken its place meanwhile). */
  drop(key: string, entry: KeptPlaybook): void {
    if (this.kept.get(key) === entry) this.kept.delete(key);
  }

  /** Forgets what a write touches: the placements it names, and wherever the playbook itself is kept. */
  forget(playbookId: string, placementKeys: string[] = []): void {
    this.writes += 1;
    for (const key of placementKeys) this.kept.delete(key);
    for (const [key, entry] of this.kept) if (entry.stored.playbook.id === playbookId) this.kept.delete(key);
  }
}
