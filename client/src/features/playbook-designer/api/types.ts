// The shapes the teacher's playbook endpoints answer with, as the designer reads them.

// The activity grid's vocabulary comes from the shared domain module, written once for server and client.
export { ACTIVITY_TYPES, ENVIRONMENTS, LEARNING_FORMS } from '../../../lib/domain';
import type { ActivityType, Environment, LearningForm } from '../../../lib/domain';
export type { ActivityType, Environment, LearningForm };
export const TUNING_PARTS = ['verb', 'competence', 'subject', 'standard', 'context'] as const;
export const EVIDENCE_FORMS = ['work_product', 'report', 'video', 'oral', 'workplace_assessment', 'prior_learning', 'work_experience', 'other'] as const;

export type TuningPart = (typeof TUNING_PARTS)[number];
export type EvidenceForm = (typeof EVIDENCE_FORMS)[number];
export type SelfDirectionLevel = 1 | 2 | 3 | 4;

/** A message from the domain: a stable key and the values to fill in. */
export interface DomainMessage {
  key: string;
  params: Record<string, string | number | boolean | string[]>;
}

export type { RubricCriterion, RubricLevel } from '../../../lib/domain';
import type { RubricCriterion } from '../../../lib/domain';

export interface OutcomeInput {
  title: string;
  tuning: Record<TuningPart, string>;
  indicators: { id?: string; text: string }[];
  possibleEvidence: { id?: string; form: EvidenceForm; description: string }[];
  assessments: { id?: string; title: string; description: string; integrated: boolean }[];
}

export interface OutcomeView extends OutcomeInput {
  id: string;
  status: 'draft' | 'published';
  publishedAt?: string;
  rubric: { criteria: RubricCriterion[] };
  statement: { missing: TuningPart[] };
  publishProblems: string[];
}

export interface ActivitySession {
  id?: string;
  startsAt: string;
  endsAt?: string;
  place: string;
  capacity: number;
}

export interface ActivityInput {
  title: string;
  description: string;
  environment: Environment;
  form: LearningForm;
  type: ActivityType;
  links: { title: string; url: string }[];
  studyLoadHours: number;
  schedule: { kind: 'asynchronous' } | { kind: 'synchronous'; sessions: ActivitySession[] };
  prerequisiteIds: string[];
}

/** An activity as read: the same type the student's view uses (lib/activity.ts). */
import type { Activity as ActivityView } from '../../../lib/activity';
export type { ActivityView };

export interface RouteRules {
  minPerType: Partial<Record<ActivityType, number>>;
  minStudyLoadHours?: number;
  maxStudyLoadHours?: number;
  requiredActivityIds: string[];
  requiredEnvironments: Environment[];
}

export interface AssessmentWindow {
  id?: string;
  from: string;
  until: string;
}

export interface Playcard {
  type: ActivityType;
  titleKey: string;
  whatKey: string;
  blends: { environment: Environment; form: LearningForm; exampleKey: string }[];
  tools: string[];
}

export interface DesignView {
  id: string;
  revision: number;
  title: string;
  description: string;
  status: 'draft' | 'published';
  publishedAt: string | null;
  courseStartDate: string | null;
  selfDirectionLevel: SelfDirectionLevel;
  activities: ActivityView[];
  recommendedRoute: string[];
  rules: RouteRules;
  assessmentWindows: AssessmentWindow[];
  outcomes: OutcomeView[];
  playcards: { alignmentKey: string; cards: Playcard[] };
}

export interface QualityCheck {
  check: string;
  ok: boolean;
  message: DomainMessage;
  outcomeId?: string;
}

/** Every write is based on the revision the teacher read (If-Match) and answers the new one (schemas.ts `revised`). */
export const ifMatch = (revision: number) => ({ 'if-match': `"${revision}"` });
