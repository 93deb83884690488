// Where graded results go on their way to the LMS gradebook: an interface the AGS outbox implements, and a no-op until it is wired.
import type { AgsActivityProgress, AgsGradingProgress, FinalGrade, MasteryResult, OutcomeResult, ScaleGrade } from '../../domain/grading/index';
import type { PlacementKey } from '../playbooks/index';

interface Publication {
  placement: PlacementKey;
  playbookId: string;
  studentSub: string;
  activityProgress: AgsActivityProgress;
  gradingProgress: AgsGradingProgress;
}

/** A final result on one outcome: the score is the mastery across attempts, on the outcome's scale. */
export interface OutcomeResultPublication extends Publication {
  outcomeId: string;
  /** The attempt whose grading produced this result. */
  attemptId: string;
  /** That attempt's own result on the rubric. */
  result: OutcomeResult;
  /** What the grade is of: the mastery across the student's graded attempts. */
  mastery: Extract<MasteryResult, { status: 'assessed' }>;
  grade: ScaleGrade;
  /** Grade, overall feedback and one line per criterion, as the gradebook shows it. */
  comment: string;
}

/** The placement's final grade, sent once every outcome has a result. */
export interface FinalGradePublication extends Publication {
  finalGrade: Extract<FinalGrade, { status: 'graded' }>;
  grade: ScaleGrade;
  comment: string;
}

/** Progress without a score: a route approved (no outcome yet), evidence handed in, or a grade waiting for a second assessor. */
export interface ActivityProgressPublication extends Publication {
  outcomeId?: string;
  attemptId?: string;
}

export interface GradePublisher {
  publishOutcomeResult(publication: OutcomeResultPublication): Promise<void>;
  publishFinalGrade(publication: FinalGradePublication): Promise<void>;
  publishActivityProgress(publication: ActivityProgressPublication): Promise<void>;
}

/** Publishes nothing: the default until the AGS outbox is wired in. */
export const noGradePublisher: GradePublisher = {
  publishOutcomeResult: async () => undefined,
  publishFinalGrade: async () => undefined,
  publishActivityProgress: async () => undefined,
};
