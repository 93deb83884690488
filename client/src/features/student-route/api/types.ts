// What the student's endpoints answer, as the client reads them (dates arrive as ISO strings).

export { ACTIVITY_TYPES, ENVIRONMENTS, LEARNING_FORMS as FORMS } from '../../../lib/domain';
export type { ActivityType, Environment, LearningForm, Message } from '../../../lib/domain';
import type { ActivityType, Environment, Message } from '../../../lib/domain';
export const EVIDENCE_FORMS = ['work_product', 'report', 'video', 'oral', 'workplace_assessment', 'prior_learning', 'work_experience', 'other'] as const;

export type EvidenceForm = (typeof EVIDENCE_FORMS)[number];


export type { RubricCriterion, RubricLevel } from '../../../lib/domain';
import type { RubricCriterion } from '../../../lib/domain';

export interface PublishedOutcome {
  id: string;
  title: string;
  statement: { parts: { part: string; text: string }[]; sentence: Message; missing: string[] };
  indicators: { id: string; text: string }[];
  possibleEvidence: { id: string; form: EvidenceForm; description: string }[];
  assessments: { id: string; title: string; description: string; integrated: boolean }[];
  rubric: { criteria: RubricCriterion[] };
}

// Written once for every feature (lib/activity.ts), from the domain's own type.
export type { Activity, ActivitySession } from '../../../lib/activity';
import type { Activity } from '../../../lib/activity';

export interface RouteRules {
  minPerType: Partial<Record<ActivityType, number>>;
  minStudyLoadHours?: number;
  maxStudyLoadHours?: number;
  requiredActivityIds: string[];
  requiredEnvironments: Environment[];
}

export interface PublishedPlaybook {
  id: string;
  title: string;
  description: string;
  selfDirectionLevel: 1 | 2 | 3 | 4;
  activities: Activity[];
  recommendedRoute: string[];
  rules: RouteRules;
  assessmentWindows: { id: string; from: string; until: string }[];
  outcomes: PublishedOutcome[];
}

export type EntryStatus = 'planned' | 'in_progress' | 'done' | 'skipped';
export type RouteStatus = 'draft' | 'submitted' | 'approved' | 'returned';

export interface RouteEntry {
  activityId: string;
  status: EntryStatus;
}

export interface OwnActivity extends Pick<Activity, 'id' | 'title' | 'description' | 'environment' | 'form' | 'type' | 'studyLoadHours'> {
  status: 'proposed' | 'approved' | 'rejected';
  /** The coach's comment with their decision, if they gave one. */
  reviewComment?: string;
}

export interface StudyPlan {
  ambition: string;
  demonstration: { plannedDate?: string; evidenceForm?: EvidenceForm; description: string };
  coachId?: string;
}

export interface RouteView {
  playbook: { id: string; title: string };
  route: {
    status: RouteStatus;
    entries: RouteEntry[];
    version: number;
    learningGoals: { id: string; text: string }[];
    ownActivities: OwnActivity[];
    studyPlan: StudyPlan;
    lastReview?: { decision: 'approved' | 'returned'; at: string; comment?: string };
  };
  level: { effective: 1 | 2 | 3 | 4; may: { composeRoute: boolean; setLearningGoals: boolean; selfAssess: boolean; proposeActivities: boolean } };
  progress: { done: number; total: number; inProgress: number; skipped: number; studyLoadDoneHours: number; studyLoadTotalHours: number; fraction: number };
}

export interface RouteCheck {
  ok: boolean;
  violations: Message[];
}

export interface SessionOffer {
  activityId: string;
  sessionId: string;
  capacity: number;
  taken: number;
  seatsLeft: number;
  title: string;
  startsAt: string;
  endsAt: string | null;
  place: string;
  signedUp: boolean;
}

export type EvidenceItem =
  | { id: string; kind: 'file'; addedAt: string; file: { fileId: string; filename: string; contentType: string; size: number } }
  | { id: string; kind: 'link'; addedAt: string; url: string; title?: string }
  | { id: string; kind: 'text'; addedAt: string; text: string }
  | { id: string; kind: 'prior-learning'; addedAt: string; claim: 'prior_learning' | 'work_experience'; description: string };

export interface Judgement {
  criterionId: string;
  levelId: string;
  comment?: string;
}

export interface ScaleGrade {
  display: string;
  labelKey: string;
  scoreGiven: number;
  scoreMaximum: number;
  passed: boolean;
}

export interface Attempt {
  id: string;
  outcomeId: string;
  number: number;
  status: 'draft' | 'submitted' | 'graded';
  items: EvidenceItem[];
  selfAssessment: { judgements: Judgement[]; comment?: string } | null;
  submittedAt: string | null;
  gradedAt: string | null;
  feedback: { judgements: Judgement[]; comment: string | null; passed: boolean | null; grade: ScaleGrade | null } | null;
}

export interface Standing {
  outcomes: { outcomeId: string; mastery: { status: 'not-assessed' | 'assessed'; passed?: boolean; fraction?: number }; grade?: ScaleGrade }[];
  final: { status: 'incomplete' | 'graded'; passed?: boolean };
  finalGrade?: ScaleGrade;
}
