// A student's route through a playbook: chosen activities with progress, goals, proposals, study plan and approval.

import type { Activity } from './activity';
import type { EvidenceForm } from './outcome';
import type { RouteHistoryEntry } from './route-history';
import type { SelfDirectionLevel } from './self-direction';

export const ENTRY_STATUSES = ['planned', 'in_progress', 'done', 'skipped'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export interface RouteEntry {
  /** A playbook activity id, or the id of one of the route's own activities. */
  activityId: string;
  status: EntryStatus;
  plannedFor?: Date;
  startedAt?: Date;
  completedAt?: Date;
  skippedAt?: Date;
  /** When the status last changed; monitoring reads stalls from it. */
  statusChangedAt?: Date;
}

/** A personal learning goal a level-3+ student adds to the fixed outcome. */
export interface LearningGoal {
  id: string;
  text: string;
}

export type ProposalStatus = 'proposed' | 'approved' | 'rejected';

/** An activity outside the catalogue a level-4 student proposes; only an approved one counts in the route. */
export interface OwnActivity
  extends Pick<Activity, 'id' | 'title' | 'description' | 'environment' | 'form' | 'type' | 'studyLoadHours'> {
  status: ProposalStatus;
  reviewComment?: string;
}

/** The studieplan: ambition, how and when the outcome will be shown, and who guides the student. */
export interface StudyPlan {
  ambition: string;
  demonstration: {
    plannedDate?: Date;
    evidenceForm?: EvidenceForm;
    description: string;
  };
  coachId?: string;
}

export type RouteStatus = 'draft' | 'submitted' | 'approved' | 'returned';

export interface RouteReview {
  decision: 'approved' | 'returned';
  by: string;
  at: Date;
  comment?: string;
}

export interface Route {
  id: string;
  playbookId: string;
  studentId: string;
  status: RouteStatus;
  entries: RouteEntry[];
  ownActivities: OwnActivity[];
  learningGoals: LearningGoal[];
  studyPlan: StudyPlan;
  /** A coach's per-student level; absent means the playbook's level applies. */
  levelOverride?: SelfDirectionLevel;
  /** The latest review; kept after a change reopens the route, so the coach can see what they approved. */
  lastReview?: RouteReview;
  /** Activity ids of the last approved composition, for comparing after a change. */
  approvedActivityIds?: string[];
  /** Incremented by every change; the store saves only if the version it read is still current. */
  version: number;
  /**
   * The history this route object carries: every change appends the entries it records, and the store appends
   * those to the route's history. A route read from the store carries none; its history only grows, so it is
   * read on its own where it is shown.
   */
  history: RouteHistoryEntry[];
  createdAt: Date;
  updatedAt: Date;
}

export type Role = 'student' | 'teacher' | 'coach';

/** Who performs a use case; the lti layer maps LTI roles onto these. */
export interface Actor {
  id: string;
  role: Role;
}

export function emptyStudyPlan(): StudyPlan {
  return { ambition: '', demonstration: { description: '' } };
}
