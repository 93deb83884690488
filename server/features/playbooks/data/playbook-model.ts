// The playbook aggregate: one document per LTI placement holding the playbook and its learning outcomes, so every change is one atomic write.
import { Schema, type Connection, type Model } from 'mongoose';
import { ACTIVITY_TYPES, ENVIRONMENTS } from '../../../domain/activity-grid';
import type { AssessmentWindow, PlaybookStatus, RouteRules } from '../../../domain/playbook';
import type { SelfDirectionLevel } from '../../../domain/self-direction';
import { activitySchema, type ActivityDocument } from './activity-subdocument';
import { outcomeSchema, type OutcomeDocument } from './outcome-subdocument';
import { historyEntrySchema, type PlaybookHistoryEntry } from './playbook-history';

export interface PlacementDocument {
  platformId: string;
  deploymentId: string;
  contextId: string;
  resourceLinkId: string;
}

export interface PlaybookDocument {
  /** The playbook id. */
  _id: string;
  placement: PlacementDocument;
  /** Raised by every write; a teacher's save applies only if it still holds the revision they read. */
  revision: number;
  title: string;
  description: string;
  outcomeIds: string[];
  activities: ActivityDocument[];
  recommendedRoute: string[];
  rules: RouteRules;
  selfDirectionLevel: SelfDirectionLevel;
  assessmentWindows: AssessmentWindow[];
  status: PlaybookStatus;
  publishedAt?: Date;
  courseStartDate?: Date;
  outcomes: OutcomeDocument[];
  /** Newest last; absent on playbooks stored before the history existed. */
  history?: PlaybookHistoryEntry[];
  createdAt: Date;
  updatedAt: Date;
}

const required = { type: String, required: true } as const;

const rulesSchema = new Schema<RouteRules>(
  {
    minPerType: Object.fromEntries(ACTIVITY_TYPES.map((type) => [type, { type: Number, min: 0 }])),
    minStudyLoadHours: Number,
    maxStudyLoadHours: Number,
    requiredActivityIds: { type: [String], default: [] },
    requiredEnvironments: { type: [{ type: String, enum: ENVIRONMENTS }], default: [] },
  },
  { _id: false, minimize: false },
);

const windowSchema = new Schema<AssessmentWindow>(
  { id: required, from: { type: Date, required: true }, until: { type: Date, required: true } },
  { _id: false },
);

const playbookSchema = new Schema<PlaybookDocument>(
  {
    _id: required,
    placement: {
      platformId: required,
      deploymentId: required,
      contextId: required,
      resourceLinkId: required,
    },
    revision: { type: Number, required: true, min: 1 },
    title: { type: String, default: '' },
    description: { type: String, default: '' },
    outcomeIds: { type: [String], default: [] },
    activities: { type: [activitySchema], default: [] },
    recommendedRoute: { type: [String], default: [] },
    rules: { type: rulesSchema, required: true },
    selfDirectionLevel: { type: Number, enum: [1, 2, 3, 4], required: true },
    assessmentWindows: { type: [windowSchema], default: [] },
    status: { type: String, enum: ['draft', 'published'], required: true },
    publishedAt: Date,
    courseStartDate: Date,
    outcomes: { type: [outcomeSchema], default: [] },
    history: { type: [historyEntrySchema], default: undefined },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  // minimize: false keeps empty objects (rules.minPerType = {}) as written instead of dropping them.
  { collection: 'playbooks', minimize: false, versionKey: false },
);

// One playbook per placement. Its prefixes also serve listing by course (platform, deployment, context).
playbookSchema.index(
  { 'placement.platformId': 1, 'placement.deploymentId': 1, 'placement.contextId': 1, 'placement.resourceLinkId': 1 },
  { unique: true, name: 'placement_unique' },
);

/** The model on this connection, compiled once however many repositories ask for it. */
export function playbookModel(connection: Connection): Model<PlaybookDocument> {
  return (connection.models.Playbook as Model<PlaybookDocument> | undefined) ?? connection.model<PlaybookDocument>('Playbook', playbookSchema);
}
