// Use case for saving a student's study plan: ambition, when and how the outcome will be shown, and the coach.

import { DomainError } from './errors';
import { isWithinAssessmentWindow, type Playbook } from './playbook';
import type { Route, StudyPlan } from './route';
import { assertOwner, assertVersion, commit, type RouteCommandProps } from './route-command';
import { reopenForChange } from './route-status';

export interface SaveStudyPlanProps extends RouteCommandProps {
  playbook: Playbook;
  plan: StudyPlan;
}

/** The student picks the moment of assessment, but within a window the teacher set (when any are set). */
export function saveStudyPlan({ playbook, route, actor, plan, now, expectedVersion }: SaveStudyPlanProps): Route {
  assertVersion(route, expectedVersion);
  assertOwner(route, actor, 'save_study_plan');
  const planned = plan.demonstration.plannedDate;
  if (planned && playbook.assessmentWindows.length > 0 && !isWithinAssessmentWindow(playbook, planned)) {
    throw new DomainError('outside_assessment_window', 'choose a date within an assessment window', {
      plannedDate: planned.toISOString(),
    });
  }
  const reopened = reopenForChange(route.status);
  return commit(route, { actor, now }, { status: reopened.status, studyPlan: plan }, [
    ...reopened.changes,
    { kind: 'study_plan_saved' },
  ]);
}
