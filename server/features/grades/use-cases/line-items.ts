// Resolves a delivery's line item to its URL once per course: find-or-create at the LMS under a short lock in MongoDB, so two workers never create the same column twice.
import { randomUUID } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import type { AgsClient } from '../../../lti/ags-client';
import type { TokenPlatform } from '../../../lti/service-token';
import type { DeliveryLineItem } from '../data/delivery-model';
import { isDuplicateKey } from './score-clock';

interface LineItemDocument {
  /** platform, deployment, container, resourceId and tag */
  _id: string;
  url?: string;
  lockedBy?: string;
  lockUntil?: Date;
  resolvedAt?: Date;
}

const lineItemSchema = new Schema<LineItemDocument>(
  { _id: String, url: String, lockedBy: String, lockUntil: Date, resolvedAt: Date },
  { versionKey: false, collection: 'grade_line_items' },
);

const BUSY_POLL_MS = 25;

/** Another worker is finding or creating this line item right now: come back shortly. */
export class LineItemBusy extends Error {
  override readonly name = 'LineItemBusy';
}

export interface LineItemResolver {
  /** The URL of the delivery's line item, found or created at the LMS the first time. */
  resolve(platform: TokenPlatform & { id: string }, deploymentId: string, lineItem: DeliveryLineItem): Promise<string>;
  /** Forgets a resolved URL (the LMS said 404: the column may have been deleted), so the next attempt looks again. */
  forget(platformId: string, deploymentId: string, lineItem: DeliveryLineItem): Promise<void>;
}

export interface LineItemResolverDeps {
  connection: Connection;
  ags: AgsClient;
  now?: () => Date;
  /** How long one find-or-create may hold the lock. Default 60 s. */
  lockMs?: number;
  /** How long to wait for another process's find-or-create before the grade goes back to wait. Default 2 s. */
  busyWaitMs?: number;
}

export function createLineItemResolver(deps: LineItemResolverDeps): LineItemResolver {
  const now = deps.now ?? (() => new Date());
  const lockMs = deps.lockMs ?? 60_000;
  const busyWaitMs = deps.busyWaitMs ?? 2_000;
  const LineItems = (deps.connection.models.GradeLineItem as Model<LineItemDocument> | undefined) ?? deps.connection.model<LineItemDocument>('GradeLineItem', lineItemSchema);
  // Safe to lose or duplicate: a resolved URL never changes until forget().
  const cache = new Map<string, string>();
  // The lanes of this process that need the same unresolved line item wait for one lookup, instead of racing each
  // other for the lock and putting their grades back to wait (LineItemBusy is for another process's lookup).
  const resolving = new Map<string, Promise<string>>();
  const owner = randomUUID();

  const keyOf = (platformId: string, deploymentId: string, item: DeliveryLineItem) =>
    JSON.stringify([platformId, deploymentId, item.lineItemsUrl ?? '', item.resourceId ?? '', item.tag ?? '']);

  return {
    async resolve(platform, deploymentId, lineItem) {
      if (lineItem.url) return lineItem.url;
      const { lineItemsUrl, resourceId, label, scoreMaximum } = lineItem;
      if (!lineItemsUrl || !resourceId || !label || !scoreMaximum) throw new TypeError('the delivery names no line item');
      const key = keyOf(platform.id, deploymentId, lineItem);
      const cached = cache.get(key);
      if (cached) return cached;
      let lookup = resolving.get(key);
      if (!lookup) {
        lookup = lookUp(key, platform, lineItemsUrl, { ...lineItem, resourceId, label, scoreMaximum }).finally(() => resolving.delete(key));
        resolving.set(key, lookup);
      }
      return lookup;
    },
    async forget(platformId, deploymentId, lineItem) {
      if (lineItem.url && lineItem.resourceId === undefined) return;
      const key = keyOf(platformId, deploymentId, lineItem);
      cache.delete(key);
      await LineItems.updateOne({ _id: key }, { $unset: { url: 1, resolvedAt: 1 } });
    },
  };

  /** The URL another process's lookup stored, read every BUSY_POLL_MS for up to busyWaitMs; undefined if it did not come (or its lock ran out). */
  async function answerOfOther(key: string): Promise<string | undefined> {
    for (const until = Date.now() + busyWaitMs; Date.now() < until; ) {
      await new Promise((resolve) => setTimeout(resolve, BUSY_POLL_MS));
      const doc = await LineItems.findById(key, { url: 1, lockUntil: 1 }).lean<LineItemDocument>();
      if (doc?.url) return doc.url;
      if (!doc?.lockUntil || doc.lockUntil.getTime() <= now().getTime()) return undefined;
    }
    return undefined;
  }

  async function lookUp(
    key: string,
    platform: TokenPlatform & { id: string },
    lineItemsUrl: string,
    lineItem: DeliveryLineItem & { resourceId: string; label: string; scoreMaximum: number },
  ): Promise<string> {
    const { resourceId, label, scoreMaximum } = lineItem;
    const known = await LineItems.findById(key).lean<LineItemDocument>();
    if (known?.url) {
      cache.set(key, known.url);
      return known.url;
    }
    // The document exists first (a no-op upsert), then the lock is taken without upsert: an upsert that loses
    // a lock race would otherwise try to insert the same _id again.
    try {
      await LineItems.updateOne({ _id: key }, { $setOnInsert: { _id: key } }, { upsert: true });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const at = now();
    const locked = await LineItems.findOneAndUpdate(
      { _id: key, url: { $exists: false }, $or: [{ lockUntil: { $exists: false } }, { lockUntil: { $lte: at } }] },
      { $set: { lockedBy: owner, lockUntil: new Date(at.getTime() + lockMs) } },
      { returnDocument: 'after' },
    ).lean<LineItemDocument>();
    if (!locked) {
      // Another process is finding or creating it (a request or two to the LMS): wait for its answer a little, rather
      // than put every grade of the column back to wait and claim it again; LineItemBusy only if it takes long.
      const url = await answerOfOther(key);
      if (url === undefined) throw new LineItemBusy();
      cache.set(key, url);
      return url;
    }
    try {
      const item = await deps.ags.findOrCreateLineItem(platform, lineItemsUrl, {
        resourceId,
        label,
        scoreMaximum,
        ...(lineItem.tag !== undefined && { tag: lineItem.tag }),
        ...(lineItem.resourceLinkId !== undefined && { resourceLinkId: lineItem.resourceLinkId }),
      });
      await LineItems.updateOne({ _id: key, lockedBy: owner }, { $set: { url: item.id, resolvedAt: now() }, $unset: { lockedBy: 1, lockUntil: 1 } });
      cache.set(key, item.id);
      return item.id;
    } catch (error) {
      await LineItems.updateOne({ _id: key, lockedBy: owner }, { $unset: { lockedBy: 1, lockUntil: 1 } });
      throw error;
    }
  }
}
