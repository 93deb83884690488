// A learning activity in a playbook: one cell of the 3-3-5 grid, with its load, schedule and prerequisites.

import type { ActivityType, Environment, LearningForm } from './activity-grid';

export interface ActivityLink {
  title: string;
  url: string;
}

/** One scheduled occurrence of a synchronous activity that students sign up for. */
export interface ActivitySession {
  id: string;
  startsAt: Date;
  endsAt?: Date;
  place: string;
  capacity: number;
}

export type ActivitySchedule =
  | { kind: 'asynchronous' }
  | { kind: 'synchronous'; sessions: ActivitySession[] };

export interface Activity {
  id: string;
  title: string;
  description: string;
  environment: Environment;
  form: LearningForm;
  type: ActivityType;
  links: ActivityLink[];
  /** Estimated study load in hours. */
  studyLoadHours: number;
  schedule: ActivitySchedule;
  /** Activities that must come earlier in a route that contains this one. */
  prerequisiteIds: string[];
}
