// What Playroute sends the LMS for a grading or progress event, so that a grade in the gradebook only changes when a teacher's judgement does.
//
// Every LMS we serve treats a score without scoreGiven as "no grade" and stores it over the old one
// (sources in server/features/grades/SCORE-RULE.md):
// - Moodle 4.3 nulls scoreGiven unless gradingProgress is FullyGraded and saves the empty grade
//   (gradebookservices/classes/local/resources/scores.php, service/gradebookservices.php save_grade_item).
// - Canvas sets the submission's score to nil when gradingProgress is not FullyGraded/PendingManual
//   or scoreGiven is missing (app/controllers/lti/ims/scores_controller.rb, score_submission / ignore_score?).
// - The AGS 2.0 spec (which Brightspace implements) reads a score without scoreGiven as "no score".
// So once a grade exists, a progress-only score must never go out. Per LMS:
// - Moodle keeps nothing of activityProgress (save_grade_item reads only scoreGiven, scoreMaximum,
//   comment, timestamp): the progress is not sent at all.
// - Canvas, Brightspace and any other LMS store activityProgress with the result: the current grade
//   goes again, FullyGraded, carrying the new activityProgress, so the column keeps its value.

import type { AgsScoreFields } from './ags-score';

/** The gradebook behaviours Playroute tells apart, from the platform's product_family_code. */
export type GradebookFamily = 'moodle' | 'canvas' | 'brightspace' | 'other';

export function gradebookFamilyOf(productFamilyCode: string | undefined): GradebookFamily {
  switch (productFamilyCode?.toLowerCase()) {
    case 'moodle':
      return 'moodle';
    case 'canvas':
      return 'canvas';
    case 'desire2learn':
    case 'brightspace':
      return 'brightspace';
    default:
      return 'other';
  }
}

/** A grade as Playroute sent (or is sending) it to this gradebook cell. */
export interface StandingGrade {
  scoreGiven: number;
  scoreMaximum: number;
  comment?: string;
}

export type ScoreDecision =
  | { send: true; score: AgsScoreFields; carriesGrade: boolean }
  | { send: false; reason: 'moodle-ignores-progress' };

export interface DecideScoreProps {
  family: GradebookFamily;
  /** What the event would send on its own: a grade, or progress only. */
  score: AgsScoreFields;
  /** The newest teacher's grade for this cell, if any: Playroute's belief of what the gradebook holds or is about to hold. */
  standing?: StandingGrade;
}

export function decideScore({ family, score, standing }: DecideScoreProps): ScoreDecision {
  // A new judgement replaces the old one: that is the one change a gradebook should see.
  if (score.scoreGiven !== undefined) return { send: true, score, carriesGrade: true };
  // No grade yet: progress alone clears nothing.
  if (!standing) return { send: true, score, carriesGrade: false };
  if (family === 'moodle') return { send: false, reason: 'moodle-ignores-progress' };
  return {
    send: true,
    carriesGrade: true,
    score: {
      scoreGiven: standing.scoreGiven,
      scoreMaximum: standing.scoreMaximum,
      ...(standing.comment !== undefined && { comment: standing.comment }),
      activityProgress: score.activityProgress,
      gradingProgress: 'FullyGraded',
    },
  };
}
