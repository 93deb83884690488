// GET /api/assessment/attempts/:id: an attempt's evidence beside the outcome's rubric, the self-assessment, history and standing.
import { apiFetch } from '../../../lib/api-client';
import type { AttemptStatus } from './get-queue';

export interface Judgement {
  criterionId: string;
  levelId: string;
  comment?: string;
}

export type EvidenceItem =
  | { id: string; kind: 'file'; addedAt: string; file: { fileId: string; filename: string; contentType: string; size: number } }
  | { id: string; kind: 'link'; addedAt: string; url: string; title?: string }
  | { id: string; kind: 'text'; addedAt: string; text: string }
  | { id: string; kind: 'prior-learning'; addedAt: string; claim: 'prior_learning' | 'work_experience'; description: string };

export interface AssessorDecision {
  assessorId: string;
  verdict: 'pass' | 'fail';
  decidedAt: string;
  comment?: string;
}

export interface Attempt {
  id: string;
  outcomeId: string;
  studentId: string;
  number: number;
  status: AttemptStatus;
  items: EvidenceItem[];
  selfAssessment?: { judgements: Judgement[]; comment?: string; at: string };
  submittedAt?: string;
  assessment?: { judgements: Judgement[]; comment?: string; assessorId: string; assessedAt: string; result: { points: number; maxPoints: number; fraction: number; passed: boolean } };
  fourEyes?: { required: boolean; decisions: AssessorDecision[] };
  passed?: boolean;
  version: number;
}

export type { RubricCriterion, RubricLevel } from '../../../lib/domain';
import type { RubricCriterion } from '../../../lib/domain';

export interface CriterionComparison {
  criterionId: string;
  title: string;
  studentLevelId?: string;
  teacherLevelId?: string;
  difference: number | null;
  agreement: 'same' | 'student-higher' | 'student-lower' | 'incomplete';
}

export type FourEyesStatus =
  | { state: 'waiting-for-first-assessor' }
  | { state: 'waiting-for-second-assessor'; assessorIds: string[] }
  | { state: 'disputed'; assessorIds: string[] }
  | { state: 'final'; verdict: 'pass' | 'fail'; assessorIds: string[] };

export interface AttemptDetail {
  attempt: Attempt;
  outcome?: { id: string; title: string; rubric: { criteria: RubricCriterion[] } };
  selfAssessment: CriterionComparison[];
  fourEyes?: FourEyesStatus;
  history: Attempt[];
  standing: { outcomeId: string; grade?: { display: string; scoreGiven: number; scoreMaximum: number; passed: boolean } };
}

export const getAttempt = (attemptId: string) => apiFetch<AttemptDetail>(`/api/assessment/attempts/${encodeURIComponent(attemptId)}`);
