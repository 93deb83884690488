// AGS activity progress derived from where a student is on their route.
//
// The route states here are the grading domain's view; the routes module should map its own
// states onto them. Started means the coach approved the route (not merely that a draft
// exists), Submitted means evidence is handed in, Completed means it is graded.

export type RouteProgressState =
  | 'not-started'
  | 'draft'
  | 'awaiting-approval'
  | 'approved'
  | 'in-progress'
  | 'evidence-submitted'
  | 'graded';

/** The values LTI AGS defines for activityProgress. */
export type AgsActivityProgress = 'Initialized' | 'Started' | 'InProgress' | 'Submitted' | 'Completed';

const ACTIVITY_PROGRESS: Record<RouteProgressState, AgsActivityProgress> = {
  'not-started': 'Initialized',
  draft: 'Initialized',
  'awaiting-approval': 'Initialized',
  approved: 'Started',
  'in-progress': 'InProgress',
  'evidence-submitted': 'Submitted',
  graded: 'Completed',
};

export function activityProgressFor(state: RouteProgressState): AgsActivityProgress {
  return ACTIVITY_PROGRESS[state];
}
