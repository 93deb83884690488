// An attempt: the evidence a student hands in for one learning outcome at one moment, and what became of it.
import type { Assessment, AssessorDecision, FourEyesRecord, OutcomeResult } from '../../../domain/grading/index';
import type { PlacementKey } from '../../playbooks/index';

/** draft: still collecting evidence; submitted: waits for a teacher; the two four-eyes states wait for more assessors. */
export type AttemptStatus = 'draft' | 'submitted' | 'awaiting-second-assessor' | 'disputed' | 'graded';

/** A claim that learning done elsewhere already shows the outcome (EVC); its proof is the attempt's other evidence. */
export type PriorLearningClaim = 'prior_learning' | 'work_experience';

export interface StoredFileRef {
  fileId: string;
  filename: string;
  contentType: string;
  size: number;
}

export type EvidenceItem =
  | { id: string; kind: 'file'; addedAt: Date; file: StoredFileRef }
  | { id: string; kind: 'link'; addedAt: Date; url: string; title?: string }
  | { id: string; kind: 'text'; addedAt: Date; text: string }
  | { id: string; kind: 'prior-learning'; addedAt: Date; claim: PriorLearningClaim; description: string };

export interface SelfAssessmentRecord extends Assessment {
  at: Date;
}

/** The teacher's judgement of the attempt against the rubric, with its score. */
export interface AttemptAssessment extends Assessment {
  assessorId: string;
  assessedAt: Date;
  result: OutcomeResult;
}

export interface Attempt {
  id: string;
  playbookId: string;
  placement: PlacementKey;
  outcomeId: string;
  studentId: string;
  /** 1 for the first attempt of this student on this outcome, then 2, 3…: a resubmission is a new attempt. */
  number: number;
  status: AttemptStatus;
  items: EvidenceItem[];
  selfAssessment?: SelfAssessmentRecord;
  submittedAt?: Date;
  assessment?: AttemptAssessment;
  /** Present for prior-learning claims: every assessor's decision, and whether two were required. */
  fourEyes?: FourEyesRecord;
  /** When the result became final (graded); mastery counts only graded attempts. */
  gradedAt?: Date;
  /** The standing verdict: the rubric's, or the assessors' when four-eyes overruled it. */
  passed?: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type { AssessorDecision };

/** Statuses in which an attempt waits for a teacher: the grading queue lists them. */
export const WAITING_STATUSES: readonly AttemptStatus[] = ['submitted', 'awaiting-second-assessor', 'disputed'];

export function isPriorLearningClaim(attempt: Pick<Attempt, 'items'>): boolean {
  return attempt.items.some((item) => item.kind === 'prior-learning');
}
