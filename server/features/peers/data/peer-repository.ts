// The peer settings, offers and requests as plain objects. The cap on juniors is checked and raised in one write on the
// peer's offer, so two juniors accepted at once can never take a peer past N.
import type { Connection } from 'mongoose';
import { DEFAULT_PEER_SETTINGS, type PeerRequest, type PeerRequestStatus, type PeerSettings } from '../../../domain/peers/index';
import { newId } from '../../../store/ids';
import { isDuplicateKeyError } from '../../../store/mongo-errors';
import { AlreadyExistsError, ConcurrencyConflictError } from '../../../store/store-errors';
import { peerOfferModel, peerRequestModel, peerSettingsModel, type PeerOfferDocument, type PeerRequestDocument, type PeerSettingsDocument } from './peer-models';

export interface StoredPeerSettings extends PeerSettings {
  /** 0 while the teacher kept the defaults. */
  version: number;
}

export interface PeerOffer {
  studentId: string;
  points: string[];
  load: number;
}

export interface StoredPeerRequest extends PeerRequest {
  createdAt: Date;
  decidedAt?: Date;
  endedAt?: Date;
  endedBy?: string;
}

export interface PeerRepository {
  getSettings(playbookId: string): Promise<StoredPeerSettings>;
  saveSettings(playbookId: string, settings: PeerSettings, props: { expectedVersion: number; by: string; at: Date }): Promise<StoredPeerSettings>;
  listOffers(playbookId: string): Promise<PeerOffer[]>;
  /** Replaces the points a student offers; the juniors they already help stay. */
  setOffer(playbookId: string, studentId: string, points: string[], at: Date): Promise<PeerOffer>;
  /** AlreadyExistsError when the junior has an open (pending or accepted) request on this point. */
  createRequest(props: { playbookId: string; juniorId: string; peerId: string; point: string; at: Date }): Promise<StoredPeerRequest>;
  getRequest(playbookId: string, id: string): Promise<StoredPeerRequest | undefined>;
  listRequests(playbookId: string, filter?: { juniorId?: string; peerId?: string }): Promise<StoredPeerRequest[]>;
  /** Moves a pending request to `status`; undefined when it was no longer pending. */
  closeRequest(id: string, status: Exclude<PeerRequestStatus, 'pending' | 'accepted'>, at: Date): Promise<StoredPeerRequest | undefined>;
  /**
   * Takes the junior on: raises the peer's load only while it is below `max`, then marks the request accepted.
   * 'full' when the peer has N juniors, 'gone' when the request was withdrawn in between (the load is given back).
   */
  acceptRequest(request: PeerRequest & { playbookId: string }, max: number, at: Date): Promise<StoredPeerRequest | 'full' | 'gone'>;
  /**
   * Ends an accepted pair and gives the peer's place back; undefined when it was no longer accepted (ended in another
   * tab). The junior's open slot on the point is freed, so they may ask again.
   */
  endPair(request: PeerRequest & { playbookId: string }, props: { by: string; at: Date }): Promise<StoredPeerRequest | undefined>;
}

export function createPeerRepository(connection: Connection): PeerRepository {
  const settings = peerSettingsModel(connection);
  const offers = peerOfferModel(connection);
  const requests = peerRequestModel(connection);

  return {
    async getSettings(playbookId) {
      const doc = await settings.findById(playbookId).lean<PeerSettingsDocument>();
      return doc ? toSettings(doc) : { ...DEFAULT_PEER_SETTINGS, version: 0 };
    },

    async saveSettings(playbookId, values, { expectedVersion, by, at }) {
      const fields = { maxJuniorsPerPeer: values.maxJuniorsPerPeer, minimumPeerRank: values.minimumPeerRank, updatedAt: at, updatedBy: by };
      if (expectedVersion === 0) {
        try {
          return toSettings((await settings.create({ _id: playbookId, ...fields, version: 1 })).toObject<PeerSettingsDocument>());
        } catch (error) {
          if (isDuplicateKeyError(error)) throw new ConcurrencyConflictError('peer settings', playbookId, 0, 1);
          throw error;
        }
      }
      const saved = await settings.findOneAndUpdate({ _id: playbookId, version: expectedVersion }, { $set: fields, $inc: { version: 1 } }, { returnDocument: 'after' }).lean<PeerSettingsDocument>();
      if (saved) return toSettings(saved);
      const current = await settings.findById(playbookId, { version: 1 }).lean<Pick<PeerSettingsDocument, 'version'>>();
      throw new ConcurrencyConflictError('peer settings', playbookId, expectedVersion, current?.version ?? 0);
    },

    async listOffers(playbookId) {
      const docs = await offers.find({ playbookId }).lean<PeerOfferDocument[]>();
      return docs.map(toOffer);
    },

    async setOffer(playbookId, studentId, points, at) {
      await offers.init();
      const update = { $set: { points, updatedAt: at }, $setOnInsert: { _id: newId(), playbookId, studentId, juniors: [], load: 0 } };
      const write = () => offers.findOneAndUpdate({ playbookId, studentId }, update, { upsert: true, returnDocument: 'after' }).lean<PeerOfferDocument>();
      // Two tabs creating the offer at once meet on the unique index; the second then updates the first's document.
      const doc = await write().catch((error: unknown) => (isDuplicateKeyError(error) ? write() : Promise.reject(error)));
      if (!doc) throw new Error('offer upsert returned nothing');
      return toOffer(doc);
    },

    async createRequest({ playbookId, juniorId, peerId, point, at }) {
      await requests.init();
      const doc = { _id: newId(), playbookId, juniorId, peerId, point, status: 'pending' as const, openSlot: slotOf(playbookId, juniorId, point), createdAt: at };
      try {
        return toRequest((await requests.create(doc)).toObject<PeerRequestDocument>());
      } catch (error) {
        if (isDuplicateKeyError(error)) throw new AlreadyExistsError('peer request', { juniorId, point });
        throw error;
      }
    },

    async getRequest(playbookId, id) {
      const doc = await requests.findOne({ _id: id, playbookId }).lean<PeerRequestDocument>();
      return doc ? toRequest(doc) : undefined;
    },

    async listRequests(playbookId, filter = {}) {
      const docs = await requests.find({ playbookId, ...filter }).sort({ createdAt: 1 }).lean<PeerRequestDocument[]>();
      return docs.map(toRequest);
    },

    async closeRequest(id, status, at) {
      const doc = await requests
        .findOneAndUpdate({ _id: id, status: 'pending' }, { $set: { status, decidedAt: at }, $unset: { openSlot: '' } }, { returnDocument: 'after' })
        .lean<PeerRequestDocument>();
      return doc ? toRequest(doc) : undefined;
    },

    async acceptRequest(request, max, at) {
      const junior = { requestId: request.id, juniorId: request.juniorId, point: request.point };
      const taken = await offers
        .findOneAndUpdate(
          { playbookId: request.playbookId, studentId: request.peerId, load: { $lt: max }, 'juniors.requestId': { $ne: request.id } },
          { $inc: { load: 1 }, $push: { juniors: junior } },
          { returnDocument: 'after' },
        )
        .lean<PeerOfferDocument>();
      if (!taken) return 'full';
      const accepted = await requests
        .findOneAndUpdate({ _id: request.id, status: 'pending' }, { $set: { status: 'accepted', decidedAt: at } }, { returnDocument: 'after' })
        .lean<PeerRequestDocument>();
      if (accepted) return toRequest(accepted);
      // Withdrawn while being accepted: give the place back, so the load stays the number of accepted juniors.
      await offers.updateOne({ playbookId: request.playbookId, studentId: request.peerId, 'juniors.requestId': request.id }, { $inc: { load: -1 }, $pull: { juniors: { requestId: request.id } } });
      return 'gone';
    },

    async endPair(request, { by, at }) {
      const ended = await requests
        .findOneAndUpdate({ _id: request.id, playbookId: request.playbookId, status: 'accepted' }, { $set: { status: 'ended', endedAt: at, endedBy: by }, $unset: { openSlot: '' } }, { returnDocument: 'after' })
        .lean<PeerRequestDocument>();
      if (!ended) return undefined;
      // Only the write that ended the pair gives the place back (the filter on the request id), so the load stays the
      // number of accepted juniors. Should the process stop in between, the load stays one too high: N is never passed.
      await offers.updateOne({ playbookId: request.playbookId, studentId: request.peerId, 'juniors.requestId': request.id }, { $inc: { load: -1 }, $pull: { juniors: { requestId: request.id } } });
      return toRequest(ended);
    },
  };
}

function slotOf(playbookId: string, juniorId: string, point: string): string {
  return JSON.stringify([playbookId, juniorId, point]);
}

function toSettings(doc: PeerSettingsDocument): StoredPeerSettings {
  return { maxJuniorsPerPeer: doc.maxJuniorsPerPeer, minimumPeerRank: doc.minimumPeerRank ?? null, version: doc.version };
}

function toOffer(doc: PeerOfferDocument): PeerOffer {
  return { studentId: doc.studentId, points: [...doc.points], load: doc.load };
}

function toRequest(doc: PeerRequestDocument): StoredPeerRequest {
  return {
    id: doc._id,
    juniorId: doc.juniorId,
    peerId: doc.peerId,
    point: doc.point,
    status: doc.status,
    createdAt: doc.createdAt,
    ...(doc.decidedAt ? { decidedAt: doc.decidedAt } : {}),
    ...(doc.endedAt ? { endedAt: doc.endedAt } : {}),
    ...(doc.endedBy ? { endedBy: doc.endedBy } : {}),
  };
}
