// Score timestamps from one source shared by all processes: strictly increasing and at least a second apart per student and line item.
//
// The LMS orders scores by their timestamp: Canvas refuses an earlier one (400), the spec and Brightspace
// a not-later one (409), Moodle one in the same whole second (409). Each process's own clock is not
// enough with several processes or a fast regrade, so the last timestamp per cell lives in MongoDB and
// the next is max(now, last + 1 s), taken in one atomic pipeline update (upserting the first).
import { randomUUID } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import { coalesce } from '../data/coalesce';

interface ClockDocument {
  _id: string;
  /** The last timestamp handed out, epoch milliseconds. */
  lastMs: number;
  /** Which batch (see takeTogether) or single findAndModify last moved lastMs. */
  batch?: string;
}

const clockSchema = new Schema<ClockDocument>({ _id: String, lastMs: Number, batch: String }, { versionKey: false, collection: 'grade_score_clocks' });

const MIN_GAP_MS = 1000;

export interface ScoreClock {
  /** The next timestamp for this cell: ≥ now and ≥ the previous one + 1 s. */
  next(key: string): Promise<Date>;
}

export function createScoreClock(connection: Connection, now: () => Date = () => new Date()): ScoreClock {
  const Clocks = (connection.models.GradeScoreClock as Model<ClockDocument> | undefined) ?? connection.model<ClockDocument>('GradeScoreClock', clockSchema);

  /** One timestamp in one atomic findAndModify: the careful path, for a cell another process moved under a batch. */
  async function takeOne(key: string): Promise<Date> {
    // Two first-time upserts of one key may race to insert it; the loser retries and finds it.
    for (let attempt = 0; ; attempt += 1) {
      try {
        const doc = await Clocks.collection.findOneAndUpdate(
          { _id: key as never },
          // A fresh batch mark too: a batch that wrote this cell before must not read this timestamp back as its own.
          [{ $set: { lastMs: { $max: [now().getTime(), { $add: [{ $ifNull: ['$lastMs', 0] }, MIN_GAP_MS] }] }, batch: randomUUID() } }],
          { upsert: true, returnDocument: 'after' },
        );
        const lastMs = (doc as ClockDocument | null)?.lastMs;
        if (typeof lastMs !== 'number') throw new Error('the score clock returned no timestamp');
        return new Date(lastMs);
      } catch (error) {
        if (attempt < 3 && isDuplicateKey(error)) continue;
        throw error;
      }
    }
  }

  // Every timestamp asked for in one turn (a teacher's class of grades) in one read and one write: per cell the n
  // timestamps asked for are max(now, last + 1 s) and the n - 1 seconds after it, in the order they were asked, and
  // lastMs moves to the last of them only where it still holds what was read (a new cell: is inserted only if still
  // absent). A cell another process moved in between keeps that process's value and this batch takes the careful
  // path for it, one findAndModify per timestamp. Which writes held is read back by this batch's mark only when the
  // write says some did not.
  const takeTogether = coalesce(async (keys: string[]): Promise<Date[]> => {
    // One timestamp alone (a teacher grading one student): one findAndModify is one round trip less.
    if (keys.length === 1) return [await takeOne(keys[0] as string)];
    const counts = new Map<string, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    const cells = [...counts.keys()];
    const read = await Clocks.collection.find({ _id: { $in: cells as never[] } }).project<ClockDocument>({ lastMs: 1 }).toArray();
    const last = new Map(read.map((doc) => [doc._id, doc.lastMs]));
    const at = now().getTime();
    const batch = randomUUID();
    const first = new Map<string, number>();
    for (const key of cells) first.set(key, Math.max(at, (last.get(key) ?? 0) + MIN_GAP_MS));
    let allHeld = false;
    try {
      const result = await Clocks.collection.bulkWrite(
        cells.map((key) => {
          const lastMs = (first.get(key) ?? at) + ((counts.get(key) ?? 1) - 1) * MIN_GAP_MS;
          const before = last.get(key);
          return {
            updateOne: {
              filter: { _id: key as never, lastMs: before === undefined ? { $exists: false } : before },
              update: { $set: { lastMs, batch } },
              upsert: before === undefined,
            },
          };
        }),
        { ordered: false },
      );
      allHeld = result.matchedCount + result.upsertedCount === cells.length;
    } catch (error) {
      // A duplicate key is a new cell another process inserted first: that cell's problem only.
      const writeErrors = (error as { writeErrors?: unknown }).writeErrors;
      const list = (Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : []) as { code?: number }[];
      if (list.length === 0 || list.some((writeError) => writeError.code !== 11000)) throw error;
    }
    const held = allHeld
      ? new Set(cells)
      : new Set((await Clocks.collection.find({ _id: { $in: cells as never[] }, batch }).project<ClockDocument>({ _id: 1 }).toArray()).map((doc) => doc._id));
    return Promise.all(
      keys.map((key) => {
        const ms = first.get(key);
        if (ms === undefined || !held.has(key)) return takeOne(key);
        first.set(key, ms + MIN_GAP_MS);
        return new Date(ms);
      }),
    );
  });

  return { next: takeTogether };
}

export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}
