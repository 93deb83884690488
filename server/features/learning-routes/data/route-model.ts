// A student's route through a playbook: one document per student per playbook, with its version; its history is kept apart (route-history-model.ts).
import { Schema, type Connection, type Model } from 'mongoose';
import { ACTIVITY_TYPES, ENVIRONMENTS, LEARNING_FORMS } from '../../../domain/activity-grid';
import { EVIDENCE_FORMS } from '../../../domain/outcome';
import {
  ENTRY_STATUSES,
  type LearningGoal,
  type OwnActivity,
  type Route,
  type RouteEntry,
  type RouteReview,
  type StudyPlan,
} from '../../../domain/route';
import type { RouteHistoryEntry } from '../../../domain/route-history';

/** A stored route: the domain's Route with its id as _id, without its history. */
export interface RouteDocument extends Omit<Route, 'id' | 'history'> {
  _id: string;
  /** Only in routes stored before the history had a collection of its own; moved out on its first read. */
  history?: RouteHistoryEntry[];
}

const required = { type: String, required: true } as const;

const entrySchema = new Schema<RouteEntry>(
  {
    activityId: required,
    status: { type: String, enum: ENTRY_STATUSES, required: true },
    plannedFor: Date,
    startedAt: Date,
    completedAt: Date,
    skippedAt: Date,
    statusChangedAt: Date,
  },
  { _id: false },
);

const ownActivitySchema = new Schema<OwnActivity>(
  {
    id: required,
    title: required,
    description: { type: String, default: '' },
    environment: { type: String, enum: ENVIRONMENTS, required: true },
    form: { type: String, enum: LEARNING_FORMS, required: true },
    type: { type: String, enum: ACTIVITY_TYPES, required: true },
    studyLoadHours: { type: Number, required: true, min: 0 },
    status: { type: String, enum: ['proposed', 'approved', 'rejected'], required: true },
    reviewComment: String,
  },
  { _id: false },
);

const studyPlanSchema = new Schema<StudyPlan>(
  {
    ambition: { type: String, default: '' },
    demonstration: {
      plannedDate: Date,
      evidenceForm: { type: String, enum: EVIDENCE_FORMS },
      description: { type: String, default: '' },
    },
    coachId: String,
  },
  { _id: false },
);

const reviewSchema = new Schema<RouteReview>(
  { decision: { type: String, enum: ['approved', 'returned'], required: true }, by: required, at: { type: Date, required: true }, comment: String },
  { _id: false },
);

const historySchema = new Schema<RouteHistoryEntry>(
  {
    at: { type: Date, required: true },
    actorId: required,
    actorRole: { type: String, enum: ['student', 'teacher', 'coach'], required: true },
    version: { type: Number, required: true },
    // A union of many small shapes that the domain defines and checks; the store keeps it as written.
    change: { type: Schema.Types.Mixed, required: true },
  },
  { _id: false },
);

const routeSchema = new Schema<RouteDocument>(
  {
    _id: required,
    playbookId: required,
    studentId: required,
    status: { type: String, enum: ['draft', 'submitted', 'approved', 'returned'], required: true },
    entries: { type: [entrySchema], default: [] },
    ownActivities: { type: [ownActivitySchema], default: [] },
    learningGoals: { type: [new Schema<LearningGoal>({ id: required, text: { type: String, default: '' } }, { _id: false })], default: [] },
    studyPlan: { type: studyPlanSchema, required: true },
    levelOverride: { type: Number, enum: [1, 2, 3, 4] },
    lastReview: reviewSchema,
    // No default: absent (never approved) differs from an empty approved composition.
    approvedActivityIds: { type: [String], default: undefined },
    version: { type: Number, required: true, min: 1 },
    // Legacy only (see RouteDocument.history): no default, so new routes never carry it.
    history: { type: [historySchema], default: undefined },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'routes', minimize: false, versionKey: false },
);

// One route per student per playbook; the playbookId prefix also serves the class overview (all routes of a playbook).
routeSchema.index({ playbookId: 1, studentId: 1 }, { unique: true, name: 'playbook_student_unique' });

export function routeModel(connection: Connection): Model<RouteDocument> {
  return (connection.models.Route as Model<RouteDocument> | undefined) ?? connection.model<RouteDocument>('Route', routeSchema);
}
