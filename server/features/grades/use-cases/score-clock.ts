// Score timestamps from one source shared by all processes: strictly increasing and at least a second apart per student and line item.
//
// The LMS orders scores by their timestamp: Canvas refuses an earlier one (400), the spec and Brightspace
// a not-later one (409), Moodle one in the same whole second (409). Each process's own clock is not
// enough with several processes or a fast regrade, so the last timestamp per cell lives in MongoDB and
// the next is max(now, last + 1 s), taken in one atomic pipeline update (upserting the first).
import { Schema, type Connection, type Model } from 'mongoose';

interface ClockDocument {
  _id: string;
  /** The last timestamp handed out, epoch milliseconds. */
  lastMs: number;
}

const clockSchema = new Schema<ClockDocument>({ _id: String, lastMs: Number }, { versionKey: false, collection: 'grade_score_clocks' });

const MIN_GAP_MS = 1000;

export interface ScoreClock {
  /** The next timestamp for this cell: ≥ now and ≥ the previous one + 1 s. */
  next(key: string): Promise<Date>;
}

export function createScoreClock(connection: Connection, now: () => Date = () => new Date()): ScoreClock {
  const Clocks = (connection.models.GradeScoreClock as Model<ClockDocument> | undefined) ?? connection.model<ClockDocument>('GradeScoreClock', clockSchema);
  return {
    async next(key) {
      // Two first-time upserts of one key may race to insert it; the loser retries and finds it.
      for (let attempt = 0; ; attempt += 1) {
        try {
          const doc = await Clocks.collection.findOneAndUpdate(
            { _id: key as never },
            [{ $set: { lastMs: { $max: [now().getTime(), { $add: [{ $ifNull: ['$lastMs', 0] }, MIN_GAP_MS] }] } } }],
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
    },
  };
}

export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}
