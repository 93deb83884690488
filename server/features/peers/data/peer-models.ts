// The stored peer relation: the teacher's settings per playbook, each student's offer (with the juniors it carries), and requests.
import { Schema, type Connection, type Model } from 'mongoose';
import type { PeerRequestStatus } from '../../../domain/peers/index';

export interface PeerSettingsDocument {
  /** The playbook's id. */
  _id: string;
  maxJuniorsPerPeer: number;
  minimumPeerRank: number | null;
  version: number;
  updatedAt: Date;
  updatedBy: string;
}

export interface PeerOfferDocument {
  _id: string;
  playbookId: string;
  studentId: string;
  /** Point keys the student offers to help on. */
  points: string[];
  /** Accepted juniors; `load` is their count, kept in the same document so the cap is checked and raised in one write. */
  juniors: { requestId: string; juniorId: string; point: string }[];
  load: number;
  updatedAt: Date;
}

export interface PeerRequestDocument {
  _id: string;
  playbookId: string;
  juniorId: string;
  peerId: string;
  point: string;
  status: PeerRequestStatus;
  /** Set while the request is pending or accepted: the unique index allows one open request per junior per point. */
  openSlot?: string;
  createdAt: Date;
  decidedAt?: Date;
  /** When an accepted pair ended, and who ended it (the junior, the peer or a teacher). */
  endedAt?: Date;
  endedBy?: string;
}

const required = { type: String, required: true } as const;

const settingsSchema = new Schema<PeerSettingsDocument>(
  {
    _id: required,
    maxJuniorsPerPeer: { type: Number, required: true },
    minimumPeerRank: { type: Number, default: null },
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
    updatedBy: required,
  },
  { collection: 'peer_settings', versionKey: false },
);

const offerSchema = new Schema<PeerOfferDocument>(
  {
    _id: required,
    playbookId: required,
    studentId: required,
    points: { type: [String], default: [] },
    juniors: [new Schema({ requestId: required, juniorId: required, point: required }, { _id: false })],
    load: { type: Number, required: true, default: 0 },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'peer_offers', versionKey: false },
);
offerSchema.index({ playbookId: 1, studentId: 1 }, { unique: true, name: 'playbook_student' });

const requestSchema = new Schema<PeerRequestDocument>(
  {
    _id: required,
    playbookId: required,
    juniorId: required,
    peerId: required,
    point: required,
    status: { type: String, enum: ['pending', 'accepted', 'declined', 'withdrawn', 'ended'], required: true },
    openSlot: String,
    createdAt: { type: Date, required: true },
    decidedAt: Date,
    endedAt: Date,
    endedBy: String,
  },
  { collection: 'peer_requests', versionKey: false },
);
requestSchema.index({ playbookId: 1, juniorId: 1 }, { name: 'playbook_junior' });
requestSchema.index({ playbookId: 1, peerId: 1 }, { name: 'playbook_peer' });
requestSchema.index({ openSlot: 1 }, { unique: true, sparse: true, name: 'open_slot' });

export function peerSettingsModel(connection: Connection): Model<PeerSettingsDocument> {
  return (connection.models.PeerSettings as Model<PeerSettingsDocument> | undefined) ?? connection.model<PeerSettingsDocument>('PeerSettings', settingsSchema);
}

export function peerOfferModel(connection: Connection): Model<PeerOfferDocument> {
  return (connection.models.PeerOffer as Model<PeerOfferDocument> | undefined) ?? connection.model<PeerOfferDocument>('PeerOffer', offerSchema);
}

export function peerRequestModel(connection: Connection): Model<PeerRequestDocument> {
  return (connection.models.PeerRequest as Model<PeerRequestDocument> | undefined) ?? connection.model<PeerRequestDocument>('PeerRequest', requestSchema);
}
