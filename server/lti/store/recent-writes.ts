// What this process wrote lately, so a launch can leave out a write that would store what is already there.
// Only a shortcut: the store stays the truth, and an entry is trusted for a bounded time (a write by another
// process, or a restart, is at most that old when it is seen again).

/** Entries kept at most; the oldest go first. A class of 1,000 with a few courses is far below. */
const MAX_ENTRIES = 50_000;

export class RecentWrites {
  private readonly entries = new Map<string, { content: string; at: number }>();

  constructor(private readonly maxAgeMs: number) {}

  /** True when this process wrote exactly this content under this key less than maxAgeMs ago. */
  wroteLately(key: string, content: string, now: number): boolean {
    const entry = this.entries.get(key);
    return entry !== undefined && entry.content === content && now - entry.at < this.maxAgeMs;
  }

  /** When this key was last written with any content, if within maxAgeMs. */
  writtenAt(key: string, now: number): number | undefined {
    const entry = this.entries.get(key);
    return entry && now - entry.at < this.maxAgeMs ? entry.at : undefined;
  }

  remember(key: string, content: string, now: number): void {
    this.entries.delete(key);
    this.entries.set(key, { content, at: now });
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  forget(key: string): void {
    this.entries.delete(key);
  }
}

/** A stable text of a value (keys sorted), to compare what would be written with what was. */
export function contentOf(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
