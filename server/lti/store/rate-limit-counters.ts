// express-rate-limit's Store on our own MongoDB connection, so a limit holds across every Playroute process.
// rate-limit-mongo was the candidate, but it pins the mongodb 3.x driver and opens a connection of its own;
// this is one atomic upsert with $inc per request, and a TTL index that removes finished windows.
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

/** Fixed windows: each key counts in the window `now` falls in; the window's document is the counter. */
export function createRateLimitCounters(connection: Connection, options: { prefix: string; now?: () => Date }): Store {
  const Counters = connection.model<CounterDocument>('LtiRateLimitCounter', counterSchema);
  // Every login counts a hit: straight to the driver, as the rest of the launch's commands (login-states.ts).
  const raw = Counters.collection as unknown as mongo.Collection<CounterDocument>;
  const now = options.now ?? (() => new Date());
  let windowMs = 60_000;

  function windowOf(key: string): { id: string; resetAt: Date } {
    const start = Math.floor(now().getTime() / windowMs) * windowMs;
    return { id: `${options.prefix}:${key}:${start}`, resetAt: new Date(start + windowMs) };
  }

  async function increment(key: string): Promise<ClientRateLimitInfo> {
    const { id, resetAt } = windowOf(key);
    const update = { $inc: { hits: 1 }, $setOnInsert: { key: `${options.prefix}:${key}`, resetAt } };
    for (let attempt = 0; ; attempt += 1) {
      try {
        // A hit lost in a crash lets one more login through in this minute: not worth waiting for the journal (journal-later.ts).
        const doc = await raw.findOneAndUpdate({ _id: id }, update, { upsert: true, returnDocument: 'after', ...JOURNAL_LATER });
        return { totalHits: doc?.hits ?? 1, resetTime: resetAt };
      } catch (err) {
        // Two first hits at once: one upsert inserts, the other meets the unique _id; its retry simply increments.
        if ((err as { code?: number }).code !== 11000 || attempt > 0) throw err;
      }
    }
  }

  return {
    prefix: options.prefix,
    localKeys: false,
    init(limiterOptions: Options) {
      windowMs = limiterOptions.windowMs;
    },
    async get(key) {
      const { id, resetAt } = windowOf(key);
      const doc = await Counters.findById(id).lean<CounterDocument>();
      return doc ? { totalHits: doc.hits, resetTime: resetAt } : undefined;
    },
    increment,
    async decrement(key) {
      await Counters.updateOne({ _id: windowOf(key).id }, { $inc: { hits: -1 } });
    },
    async resetKey(key) {
      await Counters.deleteMany({ key: `${options.prefix}:${key}` });
    },
  };
}
