// express-rate-limit's Store on our own MongoDB connection, so a limit holds across every Playroute process.
// rate-limit-mongo was the candidate, but it pins the mongodb 3.x driver and opens a connection of its own;
// this is an atomic upsert with $inc per block of a client's requests (see LocalCounts), and a TTL index that removes
// finished windows.
import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import { Schema, type Connection, type mongo } from 'mongoose';
import { JOURNAL_LATER } from './journal-later';

interface CounterDocument {
  _id: string;
  key: string;
  hits: number;
  resetAt: Date;
}

const counterSchema = new Schema<CounterDocument>(
  {
    _id: String,
    key: { type: String, required: true, index: true },
    hits: { type: Number, required: true },
    resetAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'lti_rate_limits' },
);
counterSchema.index({ resetAt: 1 }, { expireAfterSeconds: 0 });

/** Largest block of requests a process admits on its own count before adding them to the shared count. */
const MAX_BLOCK = 16;
/** Distinct clients counted locally per window; past it every further client is counted in the store per request. */
const MAX_LOCAL_KEYS = 50_000;

/**
 * K, the block: a twentieth of the limit (at most MAX_BLOCK), so a process's own unshared count is under 5 % of the
 * limit; below twenty a minute K is 1 and every request is counted in the store at once, exactly as it arrives.
 */
export function blockSizeFor(limit: number): number {
  return Math.max(1, Math.min(MAX_BLOCK, Math.floor(limit / 20)));
}

/**
 * What one process knows of a client's requests in the current window: `shared`, the count in the store when this
 * process last added to it (every process's requests, its own included), and `unshared`, its own requests since.
 *
 * A request is admitted on this knowledge alone while `unshared` < K and shared + unshared ≤ limit; the K-th (or the
 * one that would pass the limit) adds all `unshared` to the store with one $inc and is judged on the total the store
 * answers, which counts every request any process has shared. The bounds, for P processes within one window:
 * - never refused early: shared + unshared never exceeds the requests really made, so a refusal means more than the
 *   limit were made;
 * - at most limit + P×(K−1) admitted: the requests shared while the store's total stayed ≤ limit are at most the
 *   limit; after a process's last such share it admits at most K−1 more on its own count, since its next share
 *   answers a total over the limit, and from then on it refuses the client until the window ends, asking nothing.
 * A process that stops (or a window that ends) loses its unshared requests: at most K−1, as in the bound.
 */
interface LocalCount {
  shared: number;
  unshared: number;
}

/** Fixed windows: each key counts in the window `now` falls in; the window's document is the shared counter. */
export function createRateLimitCounters(connection: Connection, options: { prefix: string; limit: number; now?: () => Date }): Store {
  const Counters = connection.model<CounterDocument>('LtiRateLimitCounter', counterSchema);
  // Every block of hits goes straight to the driver, as the rest of the launch's commands (login-states.ts).
  const raw = Counters.collection as unknown as mongo.Collection<CounterDocument>;
  const now = options.now ?? (() => new Date());
  const block = blockSizeFor(options.limit);
  let windowMs = 60_000;
  // The local counts of the current window only: a new window starts every client afresh.
  let localWindow = -1;
  let local = new Map<string, LocalCount>();

  function windowOf(key: string): { id: string; start: number; resetAt: Date } {
    const start = Math.floor(now().getTime() / windowMs) * windowMs;
    return { id: `${options.prefix}:${key}:${start}`, start, resetAt: new Date(start + windowMs) };
  }

  function localCount(key: string, start: number): LocalCount | undefined {
    if (start !== localWindow) {
      localWindow = start;
      local = new Map();
    }
    let count = local.get(key);
    if (!count && local.size < MAX_LOCAL_KEYS) local.set(key, (count = { shared: 0, unshared: 0 }));
    return count;
  }

  /** Adds `hits` to the window's shared count in one atomic upsert; the total after it. */
  async function share(id: string, key: string, hits: number, resetAt: Date): Promise<number> {
    const update = { $inc: { hits }, $setOnInsert: { key: `${options.prefix}:${key}`, resetAt } };
    for (let attempt = 0; ; attempt += 1) {
      try {
        // A hit lost in a crash lets one more login through in this minute: not worth waiting for the journal (journal-later.ts).
        const doc = await raw.findOneAndUpdate({ _id: id }, update, { upsert: true, returnDocument: 'after', ...JOURNAL_LATER });
        return doc?.hits ?? hits;
      } catch (err) {
        // Two first hits at once: one upsert inserts, the other meets the unique _id; its retry simply increments.
        if ((err as { code?: number }).code !== 11000 || attempt > 0) throw err;
      }
    }
  }

  async function increment(key: string): Promise<ClientRateLimitInfo> {
    const { id, start, resetAt } = windowOf(key);
    const count = localCount(key, start);
    if (!count) return { totalHits: await share(id, key, 1, resetAt), resetTime: resetAt };
    count.unshared += 1;
    const known = count.shared + count.unshared;
    // Over the limit by the store's own answer: refused for the rest of the window, without asking again.
    if (count.shared > options.limit) return { totalHits: known, resetTime: resetAt };
    if (count.unshared < block && known <= options.limit) return { totalHits: known, resetTime: resetAt };
    const hits = count.unshared;
    count.unshared = 0;
    const total = await share(id, key, hits, resetAt);
    count.shared = Math.max(count.shared, total);
    return { totalHits: total, resetTime: resetAt };
  }

  return {
    prefix: options.prefix,
    localKeys: false,
    init(limiterOptions: Options) {
      windowMs = limiterOptions.windowMs;
    },
    async get(key) {
      const { id, start, resetAt } = windowOf(key);
      const doc = await Counters.findById(id).lean<CounterDocument>();
      const unshared = start === localWindow ? (local.get(key)?.unshared ?? 0) : 0;
      return doc || unshared ? { totalHits: (doc?.hits ?? 0) + unshared, resetTime: resetAt } : undefined;
    },
    increment,
    async decrement(key) {
      const { id, start } = windowOf(key);
      const count = start === localWindow ? local.get(key) : undefined;
      if (count && count.unshared > 0) count.unshared -= 1;
      else await Counters.updateOne({ _id: id }, { $inc: { hits: -1 } });
    },
    async resetKey(key) {
      local.delete(key);
      await Counters.deleteMany({ key: `${options.prefix}:${key}` });
    },
  };
}
