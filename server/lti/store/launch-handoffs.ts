// Short-lived records that carry a verified launch across one more browser round trip (Platform Storage check, deep-linking picker).
import { randomUUID } from 'node:crypto';
import { Schema, type Connection } from 'mongoose';
import type { LtiLaunch } from '../launch-claims';

export const PENDING_LAUNCH_TTL_SECONDS = 120;
export const DEEP_LINK_REQUEST_TTL_SECONDS = 3600;

export interface PendingLaunch {
  id: string;
  platformId: string;
  state: string;
  launch: LtiLaunch;
  createdAt: Date;
}

export interface DeepLinkRequest {
  id: string;
  platformId: string;
  launch: LtiLaunch;
  createdAt: Date;
}

const pendingSchema = new Schema(
  { _id: String, platformId: String, state: String, launch: Schema.Types.Mixed, createdAt: Date },
  { versionKey: false, collection: 'lti_pending_launches' },
);
pendingSchema.index({ createdAt: 1 }, { expireAfterSeconds: PENDING_LAUNCH_TTL_SECONDS });

const deepLinkSchema = new Schema(
  { _id: String, platformId: String, launch: Schema.Types.Mixed, createdAt: Date },
  { versionKey: false, collection: 'lti_deep_link_requests' },
);
deepLinkSchema.index({ createdAt: 1 }, { expireAfterSeconds: DEEP_LINK_REQUEST_TTL_SECONDS });

export interface LaunchHandoffs {
  holdPendingLaunch(props: Omit<PendingLaunch, 'id'>): Promise<string>;
  /** Takes the pending launch out (single use); undefined when unknown, used or expired. */
  takePendingLaunch(id: string, now: Date): Promise<PendingLaunch | undefined>;
  saveDeepLinkRequest(props: Omit<DeepLinkRequest, 'id'>): Promise<string>;
  getDeepLinkRequest(id: string, now: Date): Promise<DeepLinkRequest | undefined>;
  /** Single use: a deep-linking response is sent once per request. */
  takeDeepLinkRequest(id: string, now: Date): Promise<DeepLinkRequest | undefined>;
}

interface HandoffDocument {
  _id: string;
  platformId: string;
  state?: string;
  launch: LtiLaunch;
  createdAt: Date;
}

export function createLaunchHandoffs(connection: Connection): LaunchHandoffs {
  const Pending = connection.model<HandoffDocument>('LtiPendingLaunch', pendingSchema);
  const DeepLinks = connection.model<HandoffDocument>('LtiDeepLinkRequest', deepLinkSchema);
  // The TTL sweep is coarse (about a minute on MongoDB), so expiry is also checked on read.
  const fresh = (doc: HandoffDocument | null, now: Date, ttlSeconds: number) =>
    doc && now.getTime() - doc.createdAt.getTime() <= ttlSeconds * 1000 ? doc : undefined;
  return {
    async holdPendingLaunch(props) {
      const id = randomUUID();
      await Pending.create({ _id: id, ...props });
      return id;
    },
    async takePendingLaunch(id, now) {
      const doc = fresh(await Pending.findOneAndDelete({ _id: id }).lean<HandoffDocument>(), now, PENDING_LAUNCH_TTL_SECONDS);
      return doc && { id: doc._id, platformId: doc.platformId, state: doc.state ?? '', launch: doc.launch, createdAt: doc.createdAt };
    },
    async saveDeepLinkRequest(props) {
      const id = randomUUID();
      await DeepLinks.create({ _id: id, ...props });
      return id;
    },
    async getDeepLinkRequest(id, now) {
      const doc = fresh(await DeepLinks.findById(id).lean<HandoffDocument>(), now, DEEP_LINK_REQUEST_TTL_SECONDS);
      return doc && { id: doc._id, platformId: doc.platformId, launch: doc.launch, createdAt: doc.createdAt };
    },
    async takeDeepLinkRequest(id, now) {
      const doc = fresh(await DeepLinks.findOneAndDelete({ _id: id }).lean<HandoffDocument>(), now, DEEP_LINK_REQUEST_TTL_SECONDS);
      return doc && { id: doc._id, platformId: doc.platformId, launch: doc.launch, createdAt: doc.createdAt };
    },
  };
}
