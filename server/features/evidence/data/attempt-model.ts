// The stored attempt: one document per attempt, evidence and judgements embedded, with the indexes its queries use.
import { Schema, type Connection, type Model } from 'mongoose';
import type { Attempt } from '../use-cases/attempt';
import type { PlacementDocument } from '../../playbooks/index';

/** A stored attempt: the domain's Attempt with its id as _id and the placement as stored. */
export interface AttemptDocument extends Omit<Attempt, 'id' | 'placement'> {
  _id: string;
  placement: PlacementDocument;
}

const required = { type: String, required: true } as const;

// Items, judgements and results are validated by zod at the edge and by the grading domain; stored as written.
const attemptSchema = new Schema<AttemptDocument>(
  {
    _id: required,
    playbookId: required,
    placement: { platformId: required, deploymentId: required, contextId: required, resourceLinkId: required },
    outcomeId: required,
    studentId: required,
    number: { type: Number, required: true, min: 1 },
    status: { type: String, enum: ['draft', 'submitted', 'awaiting-second-assessor', 'disputed', 'graded'], required: true },
    items: { type: Schema.Types.Mixed, default: [] },
    selfAssessment: Schema.Types.Mixed,
    submittedAt: Date,
    assessment: Schema.Types.Mixed,
    fourEyes: Schema.Types.Mixed,
    gradedAt: Date,
    passed: Boolean,
    version: { type: Number, required: true, min: 1 },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'evidence_attempts', minimize: false, versionKey: false },
);

// One attempt per number per student and outcome: two tabs opening a new attempt at once cannot both win.
// Its prefixes serve a student's own list (playbook, student) and the history of one outcome (…, outcome, number).
attemptSchema.index({ playbookId: 1, studentId: 1, outcomeId: 1, number: 1 }, { unique: true, name: 'attempt_number_unique' });
// The grading queue: the waiting attempts of a playbook, oldest hand-in first.
attemptSchema.index({ playbookId: 1, status: 1, submittedAt: 1 }, { name: 'attempt_queue' });

export function attemptModel(connection: Connection): Model<AttemptDocument> {
  return (connection.models.EvidenceAttempt as Model<AttemptDocument> | undefined) ?? connection.model<AttemptDocument>('EvidenceAttempt', attemptSchema);
}
