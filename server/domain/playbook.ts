// The playbook of one LTI placement: the activity catalogue for one or more outcomes, the recommended route and the rules.

import type { Activity } from './activity';
import type { ActivityType, Environment } from './activity-grid';
import type { SelfDirectionLevel } from './self-direction';

/** What every route must satisfy; the checker reports each unmet rule. */
export interface RouteRules {
  /** Minimum number of activities per type; a type that is absent needs none. */
  minPerType: Partial<Record<ActivityType, number>>;
  minStudyLoadHours?: number;
  maxStudyLoadHours?: number;
  requiredActivityIds: string[];
  /** Environments in which a route needs at least one activity, e.g. the workplace. */
  requiredEnvironments: Environment[];
}

/** A period in which a student may choose to have the outcome assessed. */
export interface AssessmentWindow {
  id: string;
  from: Date;
  until: Date;
}

export type PlaybookStatus = 'draft' | 'published';

export interface Playbook {
  id: string;
  /** Opaque identity of the LTI placement (the lti layer decides what it is made of). */
  placementId: string;
  title: string;
  description: string;
  outcomeIds: string[];
  activities: Activity[];
  /** Activity ids in order: the route for the average student, and the route of every level-1 student. */
  recommendedRoute: string[];
  rules: RouteRules;
  selfDirectionLevel: SelfDirectionLevel;
  assessmentWindows: AssessmentWindow[];
  status: PlaybookStatus;
  publishedAt?: Date;
  courseStartDate?: Date;
}

export function emptyRules(): RouteRules {
  return { minPerType: {}, requiredActivityIds: [], requiredEnvironments: [] };
}

export function activityMap(playbook: Pick<Playbook, 'activities'>): Map<string, Activity> {
  return new Map(playbook.activities.map((a) => [a.id, a]));
}

export function findActivity(playbook: Pick<Playbook, 'activities'>, id: string): Activity | undefined {
  return playbook.activities.find((a) => a.id === id);
}

export function isWithinAssessmentWindow(playbook: Pick<Playbook, 'assessmentWindows'>, at: Date): boolean {
  return playbook.assessmentWindows.some((w) => w.from <= at && at <= w.until);
}
