// The fields of an AGS score for one student on one outcome; timestamp and userId are added by the sender.
//
// gradingProgress:
// - FullyGraded   a grade that stands: scoreGiven, scoreMaximum and the comment are sent, and
//                 activityProgress is Completed whatever the route state says.
// - Pending       a grade exists but waits for a second assessor (four-eyes) or is disputed:
//                 no score is sent, because it does not stand yet.
// - PendingManual evidence is handed in and waits for the teacher.
// - NotReady      nothing to grade yet.

import { activityProgressFor, type AgsActivityProgress, type RouteProgressState } from './activity-progress';
import type { ScaleGrade } from './grade-input';

export type AgsGradingProgress = 'FullyGraded' | 'Pending' | 'PendingManual' | 'Failed' | 'NotReady';

export interface AgsScoreFields {
  scoreGiven?: number;
  scoreMaximum?: number;
  comment?: string;
  activityProgress: AgsActivityProgress;
  gradingProgress: AgsGradingProgress;
}

/** Feedback lines for the comment; an OutcomeResult's explanation.criteria fits as is. */
export interface ScoreFeedback {
  overall?: string;
  criteria?: ReadonlyArray<{ title: string; levelLabel: string; comment?: string }>;
}

export interface BuildAgsScoreProps {
  routeState: RouteProgressState;
  grade?: ScaleGrade;
  /** True while four-eyes is waiting for a second assessor or disputed. */
  awaitingSecondAssessor?: boolean;
  feedback?: ScoreFeedback;
  /** The grade's name in the student's language, e.g. "Voldoende"; defaults to grade.display. */
  gradeLabel?: string;
}

export function buildAgsScore(props: BuildAgsScoreProps): AgsScoreFields {
  const { routeState, grade, awaitingSecondAssessor = false } = props;
  if (grade && !awaitingSecondAssessor) {
    return {
      scoreGiven: grade.scoreGiven,
      scoreMaximum: grade.scoreMaximum,
      comment: composeComment(props.gradeLabel ?? grade.display, props.feedback),
      activityProgress: 'Completed',
      gradingProgress: 'FullyGraded',
    };
  }
  const activityProgress = activityProgressFor(routeState);
  if (grade) return { activityProgress, gradingProgress: 'Pending' };
  const waiting = routeState === 'evidence-submitted';
  return { activityProgress, gradingProgress: waiting ? 'PendingManual' : 'NotReady' };
}

/** Grade first, then the overall feedback, then one line per criterion: "Title: Level — comment". */
export function composeComment(gradeLabel: string, feedback: ScoreFeedback = {}): string {
  const criteria = (feedback.criteria ?? []).map((c) =>
    c.comment?.trim() ? `${c.title}: ${c.levelLabel} — ${c.comment.trim()}` : `${c.title}: ${c.levelLabel}`,
  );
  const overall = feedback.overall?.trim();
  return [gradeLabel, ...(overall ? [overall] : []), ...(criteria.length > 0 ? ['', ...criteria] : [])].join('\n');
}
