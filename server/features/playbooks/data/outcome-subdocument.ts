// The stored shape of a learning outcome and its rubric, embedded in the playbook document they belong to.
import { Schema } from 'mongoose';
import {
  EVIDENCE_FORMS,
  type Indicator,
  type OutcomeAssessment,
  type OutcomeStatus,
  type PossibleEvidence,
  type TuningParts,
} from '../../../domain/outcome';
import type { RubricCriterion, RubricLevel } from '../../../domain/rubric';

export interface OutcomeDocument {
  id: string;
  title: string;
  tuning: TuningParts;
  indicators: Indicator[];
  possibleEvidence: PossibleEvidence[];
  assessments: OutcomeAssessment[];
  rubric: { criteria: RubricCriterion[] };
  status: OutcomeStatus;
  publishedAt?: Date;
}

const levelSchema = new Schema<RubricLevel>(
  { id: { type: String, required: true }, label: String, description: { type: String, default: '' }, points: { type: Number, required: true } },
  { _id: false },
);

const criterionSchema = new Schema<RubricCriterion>(
  {
    id: { type: String, required: true },
    title: { type: String, required: true },
    description: String,
    weight: { type: Number, required: true, min: 0 },
    levels: { type: [levelSchema], default: [] },
    passLevelId: String,
  },
  { _id: false },
);

const tuningSchema = new Schema<TuningParts>(
  { verb: String, competence: String, subject: String, standard: String, context: String },
  { _id: false },
);

export const outcomeSchema = new Schema<OutcomeDocument>(
  {
    id: { type: String, required: true },
    title: { type: String, required: true },
    tuning: { type: tuningSchema, required: true },
    indicators: { type: [new Schema<Indicator>({ id: String, text: String }, { _id: false })], default: [] },
    possibleEvidence: {
      type: [new Schema<PossibleEvidence>({ id: String, form: { type: String, enum: EVIDENCE_FORMS }, description: String }, { _id: false })],
      default: [],
    },
    assessments: {
      type: [new Schema<OutcomeAssessment>({ id: String, title: String, description: String, integrated: Boolean }, { _id: false })],
      default: [],
    },
    rubric: { criteria: { type: [criterionSchema], default: [] } },
    status: { type: String, enum: ['draft', 'published'], required: true },
    publishedAt: Date,
  },
  { _id: false },
);
