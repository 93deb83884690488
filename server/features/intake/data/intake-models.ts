// The stored intake: one design per playbook (the teacher's) and one response per student per playbook.
import { Schema, type Connection, type Model } from 'mongoose';
import type { IntakeDesign, IntakeResponse } from '../../../domain/intake/index';

export interface IntakeDesignDocument extends IntakeDesign {
  /** The playbook's id: one design per playbook. */
  _id: string;
  version: number;
  updatedAt: Date;
  updatedBy: string;
}

export interface IntakeResponseDocument extends IntakeResponse {
  _id: string;
  playbookId: string;
  studentId: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const required = { type: String, required: true } as const;

const designSchema = new Schema<IntakeDesignDocument>(
  {
    _id: required,
    outcomes: [
      new Schema(
        { outcomeId: required, indicatorIds: { type: [String], default: [] }, diagnosticTask: { type: new Schema({ prompt: required }, { _id: false }), required: false } },
        { _id: false },
      ),
    ],
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
    updatedBy: required,
  },
  { collection: 'intake_designs', versionKey: false },
);

const reviewSchema = new Schema({ by: required, at: { type: Date, required: true }, comment: { type: String, default: '' }, rank: Number }, { _id: false });

// Who submitted or reopened the intake, and when (domain/intake/intake-history.ts); appended to, never rewritten.
const eventSchema = new Schema({ kind: { type: String, enum: ['submitted', 'reopened'], required: true }, by: required, at: { type: Date, required: true }, reason: String }, { _id: false });

const responseSchema = new Schema<IntakeResponseDocument>(
  {
    _id: required,
    playbookId: required,
    studentId: required,
    placements: [new Schema({ outcomeId: required, indicatorId: String, rank: { type: Number, required: true } }, { _id: false })],
    diagnostics: [new Schema({ outcomeId: required, answer: { type: String, default: '' }, review: { type: reviewSchema, required: false } }, { _id: false })],
    profile: {
      type: new Schema(
        { priorEducation: String, workExperience: String, hoursPerWeek: Number, when: String, expectations: String, why: String },
        { _id: false },
      ),
      default: {},
    },
    status: { type: String, enum: ['draft', 'submitted'], required: true },
    submittedAt: Date,
    history: { type: [eventSchema], default: [] },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'intake_responses', versionKey: false },
);

// One intake per student per playbook; the playbook prefix lists a class's intakes.
responseSchema.index({ playbookId: 1, studentId: 1 }, { unique: true, name: 'playbook_student' });

export function intakeDesignModel(connection: Connection): Model<IntakeDesignDocument> {
  return (connection.models.IntakeDesign as Model<IntakeDesignDocument> | undefined) ?? connection.model<IntakeDesignDocument>('IntakeDesign', designSchema);
}

export function intakeResponseModel(connection: Connection): Model<IntakeResponseDocument> {
  return (
    (connection.models.IntakeResponse as Model<IntakeResponseDocument> | undefined) ?? connection.model<IntakeResponseDocument>('IntakeResponse', responseSchema)
  );
}
