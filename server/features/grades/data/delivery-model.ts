// The grade outbox: one document per score to deliver to the LMS, with its state, lease and attempts; indexes for the worker's claim and the teacher's view.
import { randomUUID } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import type { ActivityProgress, GradingProgress } from '../../../lti/ags-client';

/**
 * waiting    due at nextAttemptAt (new, or retrying after a temporary failure)
 * sending    claimed by a worker until leaseUntil; an expired lease (a crashed process) is claimable again
 * sent       the LMS accepted it; never sent again
 * failed     the LMS refused it for good (4xx) or kept failing; lastError says why; retryDelivery → waiting
 * superseded a newer grade for the same student and line item replaced it before it went out
 */
export type DeliveryState = 'waiting' | 'sending' | 'sent' | 'failed' | 'superseded';

export interface ScorePayload {
  scoreGiven?: number;
  scoreMaximum?: number;
  comment?: string;
  activityProgress: ActivityProgress;
  gradingProgress: GradingProgress;
}

/** The line item: its URL once known, else what finds or creates it in the context's container. */
export interface DeliveryLineItem {
  url?: string;
  lineItemsUrl?: string;
  resourceId?: string;
  tag?: string;
  label?: string;
  scoreMaximum?: number;
  resourceLinkId?: string;
}

export interface DeliveryDocument {
  _id: string;
  /** platform, deployment, context, line item and student: one grade column cell. */
  key: string;
  /** Equal to `key` while waiting, absent otherwise: a unique sparse index keeps one waiting delivery per cell. */
  waitingKey?: string;
  platformId: string;
  deploymentId: string;
  contextId: string;
  /** The placement the grade belongs to, for the teacher's view. */
  resourceLinkId?: string;
  userId: string;
  lineItem: DeliveryLineItem;
  score: ScorePayload;
  /** The score timestamp sent to the LMS, taken once from the shared clock; every resend carries the same one. */
  timestamp: Date;
  state: DeliveryState;
  attempts: number;
  /** When a worker should next look at it: due time while waiting, lease end while sending. */
  nextAttemptAt: Date;
  claimedBy?: string;
  /** Which claimBatch of that worker took it, to read back its own when another worker took some of the same batch. */
  claimBatch?: string;
  leaseUntil?: Date;
  /** An attempt may have reached the LMS without us hearing the answer (timeout, crash): a 409 then means delivered. */
  uncertain: boolean;
  lastError?: string;
  lastStatus?: number;
  supersededBy?: string;
  sentAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

const lineItemSchema = new Schema<DeliveryLineItem>(
  { url: String, lineItemsUrl: String, resourceId: String, tag: String, label: String, scoreMaximum: Number, resourceLinkId: String },
  { _id: false },
);

const scoreSchema = new Schema<ScorePayload>(
  { scoreGiven: Number, scoreMaximum: Number, comment: String, activityProgress: { type: String, required: true }, gradingProgress: { type: String, required: true } },
  { _id: false },
);

const deliverySchema = new Schema<DeliveryDocument>(
  {
    _id: { type: String, default: () => randomUUID() },
    key: { type: String, required: true },
    waitingKey: String,
    platformId: { type: String, required: true },
    deploymentId: { type: String, required: true },
    contextId: { type: String, required: true },
    resourceLinkId: String,
    userId: { type: String, required: true },
    lineItem: { type: lineItemSchema, required: true },
    score: { type: scoreSchema, required: true },
    timestamp: { type: Date, required: true },
    state: { type: String, required: true },
    attempts: { type: Number, default: 0 },
    nextAttemptAt: { type: Date, required: true },
    claimedBy: String,
    claimBatch: String,
    leaseUntil: Date,
    uncertain: { type: Boolean, default: false },
    lastError: String,
    lastStatus: Number,
    supersededBy: String,
    sentAt: Date,
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'grade_deliveries' },
);
// The worker's claim: the earliest due waiting item or expired sending lease.
deliverySchema.index({ state: 1, nextAttemptAt: 1 });
// Never two waiting deliveries for one student and line item.
deliverySchema.index({ waitingKey: 1 }, { unique: true, sparse: true });
// Superseding and stale answers look at the other deliveries of a cell.
deliverySchema.index({ key: 1, timestamp: -1 });
// The teacher's view of a course or placement.
deliverySchema.index({ platformId: 1, deploymentId: 1, contextId: 1, createdAt: -1 });

export function deliveryModel(connection: Connection): Model<DeliveryDocument> {
  return (connection.models.GradeDelivery as Model<DeliveryDocument> | undefined) ?? connection.model<DeliveryDocument>('GradeDelivery', deliverySchema);
}

/** What the outside sees of a delivery: a plain object. */
export type ScoreDelivery = Omit<DeliveryDocument, '_id' | 'waitingKey'> & { id: string };

export function toDelivery(doc: DeliveryDocument): ScoreDelivery {
  const { _id, waitingKey: _waiting, ...rest } = doc;
  return { ...rest, id: _id };
}

const LINE_ITEM_FIELDS = ['url', 'lineItemsUrl', 'resourceId', 'tag', 'label', 'scoreMaximum', 'resourceLinkId'] as const;
const SCORE_FIELDS = ['scoreGiven', 'scoreMaximum', 'comment', 'activityProgress', 'gradingProgress'] as const;

function definedOnly<T extends object>(from: T, fields: readonly (keyof T)[]): T {
  const out: Partial<T> = {};
  for (const field of fields) if (from[field] !== undefined) out[field] = from[field];
  return out as T;
}

/**
 * A new delivery as the schema would store it, without building a mongoose document per grade (a class's grades go
 * in with one insertMany): the schema's fields of the line item and score only, and no undefined value anywhere —
 * the driver would store it as null, and `score.scoreGiven: { $exists: true }` tells a grade from progress.
 */
export function storedDelivery(doc: DeliveryDocument): DeliveryDocument {
  const out = definedOnly(doc, Object.keys(doc) as (keyof DeliveryDocument)[]);
  out.lineItem = definedOnly(doc.lineItem, LINE_ITEM_FIELDS);
  out.score = definedOnly(doc.score, SCORE_FIELDS);
  return out;
}
