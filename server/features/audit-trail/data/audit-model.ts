// The audit trail as stored: one document per assessment decision, appended and never changed through the model.
import { Schema, type Connection, type Model } from 'mongoose';

export const AUDIT_COLLECTION = 'audit_trail';

export type AuditKind = 'grade-given' | 'grade-changed' | 'prior-learning-decision' | 'second-assessor' | 'grade-sent' | 'grade-resent';

export interface AuditEntryDocument {
  platformId: string;
  deploymentId: string;
  contextId: string;
  resourceLinkId?: string;
  playbookId?: string;
  kind: AuditKind;
  /** Who decided: the LTI sub and the Playroute role it acted in ('system' for what Playroute did by itself). */
  actor: { id: string; role: string };
  /** Whose result it is. */
  studentId: string;
  attemptId?: string;
  outcomeId?: string;
  before?: Record<string, unknown>;
  after: Record<string, unknown>;
  comment?: string;
  at: Date;
}

const auditSchema = new Schema<AuditEntryDocument>(
  {
    platformId: { type: String, required: true },
    deploymentId: { type: String, required: true },
    contextId: { type: String, required: true },
    resourceLinkId: String,
    playbookId: String,
    kind: { type: String, required: true },
    actor: { id: { type: String, required: true }, role: { type: String, required: true } },
    studentId: { type: String, required: true },
    attemptId: String,
    outcomeId: String,
    before: Schema.Types.Mixed,
    after: { type: Schema.Types.Mixed, required: true },
    comment: String,
    at: { type: Date, required: true },
  },
  { collection: AUDIT_COLLECTION, versionKey: false, minimize: false },
);
auditSchema.index({ platformId: 1, deploymentId: 1, contextId: 1, at: 1 }, { name: 'course_at' });

// Append-only, second line: no API edits the trail, and the model itself refuses every update, replace and delete, so
// a later feature cannot change it by accident. Only erasure (server/features/privacy) removes a person's entries,
// through the driver on purpose, and it appends a note that it did.
const refused = function (): never {
  throw new Error('the audit trail is append-only: entries are never updated or deleted');
};
for (const op of ['updateOne', 'updateMany', 'findOneAndUpdate', 'replaceOne', 'findOneAndReplace', 'deleteOne', 'deleteMany', 'findOneAndDelete'] as const) {
  auditSchema.pre(op, refused);
}
auditSchema.pre('save', function () {
  if (!this.isNew) refused();
});

export function auditModel(connection: Connection): Model<AuditEntryDocument> {
  return (connection.models.AuditEntry as Model<AuditEntryDocument> | undefined) ?? connection.model<AuditEntryDocument>('AuditEntry', auditSchema);
}
