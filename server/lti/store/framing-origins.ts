// The LMS pages launches came from (their return_url origins), so frame-ancestors admits a Canvas on the school's own domain.
import { Schema, type Connection, type Model } from 'mongoose';
import { JOURNAL_LATER } from './journal-later';
import { RecentWrites } from './recent-writes';

/** A registered platform may name many course hosts, but not without end. */
const MAX_ORIGINS_PER_PLATFORM = 20;
/**
 * How exact lastSeenAt is: an origin this process saw (and stored) within this time is not written again, so a launch
 * from a known course page costs no store command. Nothing reads lastSeenAt yet; it is there to retire old origins.
 */
const LAST_SEEN_PRECISION_MS = 60 * 60_000;

export interface LearnedFramingOrigins {
  /** Records that a signed launch of this platform returns to pages on this origin. */
  remember(platformId: string, origin: string, seenAt: Date): Promise<void>;
  list(): Promise<string[]>;
}

interface FramingOriginDocument {
  platformId: string;
  origin: string;
  lastSeenAt: Date;
}

const framingOriginSchema = new Schema<FramingOriginDocument>(
  {
    platformId: { type: String, required: true },
    origin: { type: String, required: true },
    lastSeenAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'lti_framing_origins' },
);
framingOriginSchema.index({ platformId: 1, origin: 1 }, { unique: true });

export function createLearnedFramingOrigins(connection: Connection): LearnedFramingOrigins {
  // Both the launch and the security headers open this store on the same connection.
  const Origins: Model<FramingOriginDocument> =
    (connection.models.LtiFramingOrigin as Model<FramingOriginDocument> | undefined) ?? connection.model<FramingOriginDocument>('LtiFramingOrigin', framingOriginSchema);
  const seen = new RecentWrites(LAST_SEEN_PRECISION_MS);
  return {
    async remember(platformId, origin, seenAt) {
      const key = `${platformId} ${origin}`;
      const now = seenAt.getTime();
      if (seen.writtenAt(key, now) !== undefined) return;
      const known = await Origins.findOne({ platformId, origin }).select({ lastSeenAt: 1 }).lean<{ lastSeenAt: Date }>();
      if (known && now - known.lastSeenAt.getTime() < LAST_SEEN_PRECISION_MS) {
        seen.remember(key, '', known.lastSeenAt.getTime());
        return;
      }
      if (!known && (await Origins.countDocuments({ platformId })) >= MAX_ORIGINS_PER_PLATFORM) return;
      // Seen again in the next launch from that page if lost (journal-later.ts).
      await Origins.updateOne({ platformId, origin }, { $set: { lastSeenAt: seenAt } }, { upsert: true, ...JOURNAL_LATER });
      seen.remember(key, '', now);
    },
    async list() {
      const docs = await Origins.find().select({ origin: 1 }).lean<{ origin: string }[]>();
      return [...new Set(docs.map((doc) => doc.origin))];
    },
  };
}
