// The grade outbox in MongoDB: enqueue a score, claim the next due one atomically, and settle it; no transactions needed.
import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { deliveryModel, storedDelivery, toDelivery, type DeliveryDocument, type DeliveryLineItem, type DeliveryState, type ScoreDelivery, type ScorePayload } from './delivery-model';
import { createScoreClock, isDuplicateKey, type ScoreClock } from '../use-cases/score-clock';
import { coalesce } from './coalesce';

export interface EnqueueScoreProps {
  platformId: string;
  deploymentId: string;
  contextId: string;
  /** The placement this grade belongs to, for the teacher's view. */
  resourceLinkId?: string;
  /** The student's `sub` on the platform. */
  userId: string;
  /** A known line item URL (PlacementRecord.lineItemUrl), or what finds or creates one in lineItemsUrl. */
  lineItem: DeliveryLineItem;
  score: ScorePayload;
}

/** A delivery held by one worker: the claim is valid while state, claimedBy and attempts still match. */
export type ClaimedDelivery = ScoreDelivery & { state: 'sending'; claimedBy: string };

export interface Settlement {
  status?: number;
  error?: string;
}

export interface Outbox {
  /** Queues a score; a waiting older grade for the same student and line item is superseded. Returns the delivery id. */
  enqueue(props: EnqueueScoreProps): Promise<{ id: string; state: DeliveryState }>;
  /** The earliest due delivery (waiting, or sending with an expired lease), now leased to `workerId`. */
  claimNext(workerId: string, leaseMs: number): Promise<ClaimedDelivery | undefined>;
  /**
   * Up to `limit` of the earliest due deliveries, leased to `workerId` in one update: each one is claimed by one
   * worker only (the update matches it only while it is still due), and an expired lease among them comes back
   * marked uncertain, as claimNext does.
   */
  claimBatch(workerId: string, leaseMs: number, limit: number): Promise<ClaimedDelivery[]>;
  markSent(claim: ClaimedDelivery, settlement: Settlement & { lineItemUrl?: string }): Promise<boolean>;
  markFailed(claim: ClaimedDelivery, settlement: Settlement): Promise<boolean>;
  markSuperseded(claim: ClaimedDelivery, byId: string): Promise<boolean>;
  /** Back to waiting, due after `delayMs`; `uncertain` when the attempt may have reached the LMS. */
  scheduleRetry(claim: ClaimedDelivery, props: Settlement & { delayMs: number; uncertain: boolean }): Promise<boolean>;
  /** Gives an untouched claim back (the worker stops, or must wait for another worker): the attempt does not count. */
  release(claim: ClaimedDelivery, delayMs?: number): Promise<boolean>;
  /** A newer grade for the same cell in one of these states (default waiting, sending, sent): its id, else undefined. */
  newerThan(delivery: Pick<ScoreDelivery, 'key' | 'timestamp'>, states?: DeliveryState[]): Promise<string | undefined>;
  get(id: string): Promise<ScoreDelivery | undefined>;
  /** The newest teacher's grade of a cell (a delivery with scoreGiven, not replaced): what the gradebook holds or is about to hold. */
  standingGrade(key: string): Promise<ScoreDelivery | undefined>;
  list(filter: DeliveryFilter): Promise<ScoreDelivery[]>;
  /** failed → waiting; refused (returns the delivery as is) when a newer grade for the cell exists or it is not failed. */
  retry(id: string): Promise<ScoreDelivery | undefined>;
}

export interface DeliveryFilter {
  platformId: string;
  deploymentId: string;
  contextId: string;
  resourceLinkId?: string;
  userId?: string;
  states?: DeliveryState[];
  limit?: number;
}

export interface OutboxDeps {
  connection: Connection;
  now?: () => Date;
  clock?: ScoreClock;
}

/** The cell a score fills: platform, deployment, course, line item and student. */
export function cellKey(props: Pick<EnqueueScoreProps, 'platformId' | 'deploymentId' | 'contextId' | 'userId' | 'lineItem'>): string {
  const { lineItem } = props;
  const item = lineItem.resourceId !== undefined ? ['resource', lineItem.resourceId, lineItem.tag ?? ''] : ['url', lineItem.url ?? ''];
  return JSON.stringify([props.platformId, props.deploymentId, props.contextId, ...item, props.userId]);
}

/** How long settlements gather before one bulk write: short against a lease (minutes), long against one LMS answer. */
const SETTLE_WINDOW_MS = 20;

export function createOutbox(deps: OutboxDeps): Outbox {
  const now = deps.now ?? (() => new Date());
  const clock = deps.clock ?? createScoreClock(deps.connection, now);
  const Deliveries = deliveryModel(deps.connection);
  // The unique index on waitingKey must exist before the first insert relies on it.
  const ready = Deliveries.init();

  const claimFilter = (claim: ClaimedDelivery) => ({ _id: claim.id, state: 'sending' as DeliveryState, claimedBy: claim.claimedBy, attempts: claim.attempts });
  const leaseFields = { claimedBy: 1, claimBatch: 1, leaseUntil: 1 } as const;

  // Settlements of deliveries finishing within a few milliseconds of each other go to the store as one bulk write
  // (the worker does not wait for them to go on posting; the lease holds meanwhile). Each update still matches only
  // while this worker's claim holds; when fewer matched than were sent, the documents say which held.
  const settleTogether = coalesce(async (settlements: { claim: ClaimedDelivery; set: Partial<DeliveryDocument>; unset: Record<string, 1> }[]) => {
    const at = now();
    // Straight to the driver: the fields are this module's own, typed, and casting them per settlement cost more than the write.
    const result = await Deliveries.collection.bulkWrite(
      settlements.map(({ claim, set, unset }) => ({ updateOne: { filter: claimFilter(claim) as never, update: { $set: { ...set, updatedAt: at }, $unset: { ...leaseFields, ...unset } } } })),
      { ordered: false },
    );
    if (result.matchedCount === settlements.length) return settlements.map(() => true);
    const docs = await Deliveries.find({ _id: { $in: settlements.map(({ claim }) => claim.id) } }, { state: 1, updatedAt: 1, claimedBy: 1 }).lean<DeliveryDocument[]>();
    const byId = new Map(docs.map((doc) => [doc._id, doc]));
    return settlements.map(({ claim, set }) => {
      const doc = byId.get(claim.id);
      return doc !== undefined && doc.state === set.state && doc.updatedAt.getTime() === at.getTime() && doc.claimedBy === undefined;
    });
  }, { windowMs: SETTLE_WINDOW_MS });

  function settle(claim: ClaimedDelivery, set: Partial<DeliveryDocument>, unset: Record<string, 1> = {}): Promise<boolean> {
    return settleTogether({ claim, set, unset });
  }

  /**
   * Moves a delivery back to waiting. The unique waitingKey refuses it when another waiting delivery holds
   * the cell: the one with the later timestamp stays waiting, the other is superseded.
   */
  async function toWaiting(filter: Record<string, unknown>, delivery: Pick<ScoreDelivery, 'id' | 'key'>, set: Partial<DeliveryDocument>, extra: Record<string, unknown> = {}): Promise<boolean> {
    const self = await Deliveries.findById(delivery.id).lean<DeliveryDocument>();
    const timestamp = set.timestamp ?? self?.timestamp;
    const isGrade = (doc: Pick<DeliveryDocument, 'score'> | null | undefined) => doc?.score.scoreGiven !== undefined;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      try {
        const result = await Deliveries.updateOne(filter, { $set: { ...set, state: 'waiting', waitingKey: delivery.key, updatedAt: now() }, $unset: leaseFields, ...extra });
        return result.matchedCount === 1;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      const other = await Deliveries.findOne({ waitingKey: delivery.key }).lean<DeliveryDocument>();
      if (!other) continue;
      // A grade beats progress whatever the timestamps; otherwise the later timestamp stays.
      const otherGoes = isGrade(self) !== isGrade(other) ? isGrade(self) : Boolean(timestamp && other.timestamp.getTime() < timestamp.getTime());
      if (otherGoes) {
        await Deliveries.updateOne({ _id: other._id, state: 'waiting' }, { $set: { state: 'superseded', supersededBy: delivery.id, updatedAt: now() }, $unset: { waitingKey: 1 } });
        continue;
      }
      const result = await Deliveries.updateOne(filter, { $set: { state: 'superseded', supersededBy: other._id, updatedAt: now() }, $unset: leaseFields });
      return result.matchedCount === 1;
    }
    throw new Error(`could not settle delivery ${delivery.id}: the cell kept changing`);
  }

  // The first insert of every grade queued in this turn goes out as one insertMany (unordered): a grade whose cell
  // already has a waiting delivery meets the unique waitingKey alone and takes the careful path in enqueue.
  const insertTogether = coalesce(async (docs: DeliveryDocument[]): Promise<unknown[]> => {
    const outcomes: unknown[] = docs.map(() => undefined);
    try {
      await Deliveries.collection.insertMany(docs.map((doc) => storedDelivery(doc) as never), { ordered: false });
    } catch (error) {
      const writeErrors = (error as { writeErrors?: unknown }).writeErrors;
      const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : undefined;
      if (!list) return docs.map(() => error);
      for (const writeError of list as { index: number; code?: number; errmsg?: string }[]) {
        outcomes[writeError.index] = Object.assign(new Error(writeError.errmsg ?? 'insert failed'), { code: writeError.code });
      }
    }
    return outcomes;
  });

  // Concurrent deliveries ask for newer grades of their cells in one query per turn and set of states.
  const newerTogether = coalesce(async (asks: { key: string; timestamp: Date; states: DeliveryState[] }[]) => {
    const byStates = new Map<string, typeof asks>();
    for (const ask of asks) byStates.set(ask.states.join(' '), [...(byStates.get(ask.states.join(' ')) ?? []), ask]);
    const answers = new Map<(typeof asks)[number], string | undefined>();
    for (const group of byStates.values()) {
      const states = group[0]?.states ?? [];
      const earliest = new Map<string, Date>();
      for (const ask of group) if (!earliest.has(ask.key) || ask.timestamp < (earliest.get(ask.key) as Date)) earliest.set(ask.key, ask.timestamp);
      const candidates = await Deliveries.find(
        { $or: [...earliest].map(([key, timestamp]) => ({ key, timestamp: { $gt: timestamp } })), state: { $in: states } },
        { _id: 1, key: 1, timestamp: 1 },
      ).lean<Pick<DeliveryDocument, '_id' | 'key' | 'timestamp'>[]>();
      for (const ask of group) answers.set(ask, candidates.find((doc) => doc.key === ask.key && doc.timestamp.getTime() > ask.timestamp.getTime())?._id);
    }
    return asks.map((ask) => answers.get(ask));
  });

  function newerThan(delivery: Pick<ScoreDelivery, 'key' | 'timestamp'>, states: DeliveryState[] = ['waiting', 'sending', 'sent']): Promise<string | undefined> {
    return newerTogether({ key: delivery.key, timestamp: delivery.timestamp, states });
  }

  async function get(id: string): Promise<ScoreDelivery | undefined> {
    const doc = await Deliveries.findById(id).lean<DeliveryDocument>();
    return doc ? toDelivery(doc) : undefined;
  }

  return {
    async enqueue(props) {
      await ready;
      if (props.score.scoreGiven !== undefined && props.score.scoreMaximum === undefined) throw new TypeError('a score with scoreGiven needs scoreMaximum');
      if (props.score.scoreGiven !== undefined && props.score.gradingProgress !== 'FullyGraded') throw new TypeError('a score with scoreGiven must be FullyGraded');
      if (!props.lineItem.url && !(props.lineItem.lineItemsUrl && props.lineItem.resourceId && props.lineItem.label && props.lineItem.scoreMaximum)) {
        throw new TypeError('a delivery needs a line item URL, or lineItemsUrl, resourceId, label and scoreMaximum');
      }
      const key = cellKey(props);
      const timestamp = await clock.next(key);
      const id = randomUUID();
      const at = now();
      const doc: DeliveryDocument = {
        _id: id,
        key,
        platformId: props.platformId,
        deploymentId: props.deploymentId,
        contextId: props.contextId,
        ...(props.resourceLinkId !== undefined && { resourceLinkId: props.resourceLinkId }),
        userId: props.userId,
        lineItem: props.lineItem,
        score: props.score,
        timestamp,
        state: 'waiting',
        attempts: 0,
        nextAttemptAt: at,
        uncertain: false,
        createdAt: at,
        updatedAt: at,
      };
      for (let attempt = 0; attempt < 5; attempt += 1) {
        try {
          if (attempt === 0) {
            const failure = await insertTogether({ ...doc, waitingKey: key });
            if (failure) throw failure;
          } else {
            await Deliveries.create({ ...doc, waitingKey: key });
          }
          return { id, state: 'waiting' };
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
        }
        // An older delivery still waiting for this cell: this one replaces it, unless this is progress only
        // and the waiting one a grade — progress never takes a grade's place (server/grades/SCORE-RULE.md).
        const older = await Deliveries.findOneAndUpdate(
          { waitingKey: key, timestamp: { $lt: timestamp }, ...(props.score.scoreGiven === undefined && { 'score.scoreGiven': { $exists: false } }) },
          { $set: { state: 'superseded', supersededBy: id, updatedAt: now() }, $unset: { waitingKey: 1 } },
        ).lean<DeliveryDocument>();
        if (older) continue;
        // A concurrent enqueue took a later timestamp, or a grade waits and this is progress only: that one stays, this one is replaced at birth.
        const newer = await Deliveries.findOne({ waitingKey: key }).lean<DeliveryDocument>();
        // An older one that took the cell between the two reads (a concurrent enqueue's insert): supersede it on the next turn.
        const replaceable = newer && newer.timestamp.getTime() < timestamp.getTime() && (props.score.scoreGiven !== undefined || newer.score.scoreGiven === undefined);
        if (newer && !replaceable) {
          await Deliveries.create({ ...doc, state: 'superseded', supersededBy: newer._id });
          return { id, state: 'superseded' };
        }
      }
      throw new Error('could not queue the grade: its grade cell kept changing');
    },

    async claimNext(workerId, leaseMs) {
      await ready;
      const at = now();
      const leaseUntil = new Date(at.getTime() + leaseMs);
      const before = await Deliveries.findOneAndUpdate(
        { state: { $in: ['waiting', 'sending'] }, nextAttemptAt: { $lte: at } },
        { $set: { state: 'sending', claimedBy: workerId, leaseUntil, nextAttemptAt: leaseUntil, updatedAt: at }, $unset: { waitingKey: 1 }, $inc: { attempts: 1 } },
        { sort: { nextAttemptAt: 1 }, returnDocument: 'before' },
      ).lean<DeliveryDocument>();
      if (!before) return undefined;
      // A lease that ran out: the worker holding it may have posted the score before it died.
      const uncertain = before.uncertain || before.state === 'sending';
      const claim = { ...toDelivery(before), state: 'sending', claimedBy: workerId, leaseUntil, nextAttemptAt: leaseUntil, attempts: before.attempts + 1, uncertain } as ClaimedDelivery;
      if (uncertain && !before.uncertain) await Deliveries.updateOne(claimFilter(claim), { $set: { uncertain: true } });
      return claim;
    },

    async claimBatch(workerId, leaseMs, limit) {
      await ready;
      const at = now();
      const leaseUntil = new Date(at.getTime() + leaseMs);
      const batch = randomUUID();
      const claimed: ClaimedDelivery[] = [];
      // Workers that look at the same moment find the same earliest due ones and all but one lose them: a loser looks
      // again for the next due ones (those just taken are no longer due), rather than leaving its lanes idle until the
      // next poll. A few rounds at most; a round that lost nothing ends it.
      for (let round = 0; round < 4 && claimed.length < limit; round += 1) {
        const due = await Deliveries.find({ state: { $in: ['waiting', 'sending'] }, nextAttemptAt: { $lte: at } })
          .sort({ nextAttemptAt: 1 })
          .limit(limit - claimed.length)
          .lean<DeliveryDocument[]>();
        if (due.length === 0) break;
        let lost = false;
        // Waiting ones and expired leases in separate updates, so each claim knows which it was (an expired lease is uncertain).
        for (const state of ['waiting', 'sending'] as const) {
          const picked = due.filter((doc) => doc.state === state);
          if (picked.length === 0) continue;
          const result = await Deliveries.updateMany(
            { _id: { $in: picked.map((doc) => doc._id) }, state, nextAttemptAt: { $lte: at } },
            {
              $set: { state: 'sending', claimedBy: workerId, claimBatch: batch, leaseUntil, nextAttemptAt: leaseUntil, updatedAt: at, ...(state === 'sending' && { uncertain: true }) },
              $unset: { waitingKey: 1 },
              $inc: { attempts: 1 },
            },
          );
          lost ||= result.modifiedCount < picked.length;
          // Another worker took some in between: read back which are ours (this batch's, not yet counted).
          const ours =
            result.modifiedCount === picked.length
              ? picked
              : await Deliveries.find({ _id: { $in: picked.map((doc) => doc._id) }, claimedBy: workerId, claimBatch: batch }).lean<DeliveryDocument[]>();
          for (const doc of ours) {
            const attempts = result.modifiedCount === picked.length ? doc.attempts + 1 : doc.attempts;
            claimed.push({ ...toDelivery(doc), state: 'sending', claimedBy: workerId, leaseUntil, nextAttemptAt: leaseUntil, attempts, uncertain: doc.uncertain || state === 'sending' } as ClaimedDelivery);
          }
        }
        if (!lost) break;
      }
      return claimed.sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
    },

    markSent: (claim, { status, lineItemUrl }) =>
      settle(claim, { state: 'sent', sentAt: now(), ...(status !== undefined && { lastStatus: status }), ...(lineItemUrl && { 'lineItem.url': lineItemUrl } as object) }, { lastError: 1 }),
    markFailed: (claim, { status, error }) => settle(claim, { state: 'failed', ...(status !== undefined && { lastStatus: status }), ...(error !== undefined && { lastError: error }) }),
    markSuperseded: (claim, byId) => settle(claim, { state: 'superseded', supersededBy: byId }),
    scheduleRetry: (claim, { delayMs, uncertain, status, error }) =>
      toWaiting(claimFilter(claim), claim, {
        nextAttemptAt: new Date(now().getTime() + delayMs),
        uncertain: claim.uncertain || uncertain,
        ...(status !== undefined && { lastStatus: status }),
        ...(error !== undefined && { lastError: error }),
      }),
    release: (claim, delayMs = 0) =>
      toWaiting(claimFilter(claim), claim, { nextAttemptAt: new Date(now().getTime() + delayMs), uncertain: claim.uncertain }, { $inc: { attempts: -1 } }),

    newerThan,
    get,

    async standingGrade(key) {
      const doc = await Deliveries.findOne({ key, 'score.scoreGiven': { $exists: true }, state: { $in: ['waiting', 'sending', 'sent', 'failed'] } })
        .sort({ timestamp: -1 })
        .lean<DeliveryDocument>();
      return doc ? toDelivery(doc) : undefined;
    },

    async list(filter) {
      const query: Record<string, unknown> = { platformId: filter.platformId, deploymentId: filter.deploymentId, contextId: filter.contextId };
      if (filter.resourceLinkId !== undefined) query.resourceLinkId = filter.resourceLinkId;
      if (filter.userId !== undefined) query.userId = filter.userId;
      query.state = { $in: filter.states ?? ['waiting', 'sending', 'sent', 'failed'] };
      const docs = await Deliveries.find(query).sort({ createdAt: -1 }).limit(filter.limit ?? 500).lean<DeliveryDocument[]>();
      return docs.map(toDelivery);
    },

    async retry(id) {
      await ready;
      const doc = await Deliveries.findById(id).lean<DeliveryDocument>();
      if (!doc) return undefined;
      if (doc.state !== 'failed') return toDelivery(doc);
      // The teacher should retry the newest grade of a cell, not an older one it replaced.
      const newer = await newerThan({ key: doc.key, timestamp: doc.timestamp }, ['waiting', 'sending', 'sent', 'failed']);
      if (newer) {
        await Deliveries.updateOne({ _id: id, state: 'failed' }, { $set: { state: 'superseded', supersededBy: newer, updatedAt: now() } });
      } else {
        // Refused for good, so it did not land: a fresh timestamp. Possibly landed (uncertain): keep it, so a resend stays idempotent.
        const timestamp = doc.uncertain ? doc.timestamp : await clock.next(doc.key);
        await toWaiting({ _id: id, state: 'failed' }, { id, key: doc.key }, { timestamp, attempts: 0, nextAttemptAt: now() }, { $unset: { ...leaseFields, lastError: 1 } });
      }
      return get(id);
    },
  };
}
