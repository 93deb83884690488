// Learning outcomes: what a learner can do at the end, written with the Tuning model and assessed with one rubric.

import type { Rubric } from './rubric';

/** The five Tuning parts, in the order the model puts them in a statement. */
export const TUNING_PARTS = ['verb', 'competence', 'subject', 'standard', 'context'] as const;
export type TuningPart = (typeof TUNING_PARTS)[number];

/**
 * verb: the active verb ("designs"); competence: the competence or final qualification served;
 * subject: the field it is applied to; standard: the guidelines or methods applied; context: where it is shown.
 */
export type TuningParts = Record<TuningPart, string>;

/** Forms of evidence path-independent assessment accepts, including prior learning and work experience. */
export const EVIDENCE_FORMS = [
  'work_product',
  'report',
  'video',
  'oral',
  'workplace_assessment',
  'prior_learning',
  'work_experience',
  'other',
] as const;
export type EvidenceForm = (typeof EVIDENCE_FORMS)[number];

/** An observable sign that the outcome has been reached (ZelCom model). */
export interface Indicator {
  id: string;
  text: string;
}

/** Something a student could hand in to show the outcome. */
export interface PossibleEvidence {
  id: string;
  form: EvidenceForm;
  description: string;
}

/** A summative assessment of the outcome; LOT asks for exactly one, integrated. */
export interface OutcomeAssessment {
  id: string;
  title: string;
  description: string;
  /** True when it assesses the whole outcome at once rather than a part of it. */
  integrated: boolean;
}

export type OutcomeStatus = 'draft' | 'published';

export interface LearningOutcome {
  id: string;
  title: string;
  tuning: TuningParts;
  indicators: Indicator[];
  possibleEvidence: PossibleEvidence[];
  assessments: OutcomeAssessment[];
  /** The assessment criteria: the same for every student, whatever their route. */
  rubric: Rubric;
  status: OutcomeStatus;
  publishedAt?: Date;
}
