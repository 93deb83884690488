// The stored shape of a playbook's learning activities, embedded in the playbook document.
import { Schema } from 'mongoose';
import type { ActivityLink, ActivitySession } from '../../../domain/activity';
import { ACTIVITY_TYPES, ENVIRONMENTS, LEARNING_FORMS, type ActivityType, type Environment, type LearningForm } from '../../../domain/activity-grid';

export interface ActivityDocument {
  id: string;
  title: string;
  description: string;
  environment: Environment;
  form: LearningForm;
  type: ActivityType;
  links: ActivityLink[];
  studyLoadHours: number;
  /** `sessions` is present exactly when kind is 'synchronous'. */
  schedule: { kind: 'asynchronous' | 'synchronous'; sessions?: ActivitySession[] };
  prerequisiteIds: string[];
}

const linkSchema = new Schema<ActivityLink>({ title: { type: String, default: '' }, url: { type: String, required: true } }, { _id: false });

const sessionSchema = new Schema<ActivitySession>(
  {
    id: { type: String, required: true },
    startsAt: { type: Date, required: true },
    endsAt: Date,
    place: { type: String, default: '' },
    capacity: { type: Number, required: true, min: 1 },
  },
  { _id: false },
);

export const activitySchema = new Schema<ActivityDocument>(
  {
    id: { type: String, required: true },
    title: { type: String, required: true },
    description: { type: String, default: '' },
    environment: { type: String, enum: ENVIRONMENTS, required: true },
    form: { type: String, enum: LEARNING_FORMS, required: true },
    type: { type: String, enum: ACTIVITY_TYPES, required: true },
    links: { type: [linkSchema], default: [] },
    studyLoadHours: { type: Number, required: true, min: 0 },
    schedule: {
      kind: { type: String, enum: ['asynchronous', 'synchronous'], required: true },
      // No default: an asynchronous activity has no sessions list at all, as in the domain.
      sessions: { type: [sessionSchema], default: undefined },
    },
    prerequisiteIds: { type: [String], default: [] },
  },
  { _id: false },
);
