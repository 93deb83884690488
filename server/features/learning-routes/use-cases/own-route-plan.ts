// A student's use cases on what surrounds the route: learning goals (level 3+), own activities (level 4) and the study plan.
import { addLearningGoal, removeLearningGoal } from '../../../domain/route-goals';
import { proposeActivity, type ProposedActivity } from '../../../domain/route-proposals';
import type { StudyPlan } from '../../../domain/route';
import { saveStudyPlan } from '../../../domain/study-plan';
import type { LaunchSession } from '../../../lti/session-token';
import { changeOwnRoute, type ChangeProps } from './change-route';
import type { LearningRouteDeps } from '../deps';
import { unknownCoach } from '../errors';
import type { OpenRoute } from './open-route';

export function addOwnGoal(deps: LearningRouteDeps, { text, ...props }: ChangeProps & { text: string }): Promise<OpenRoute> {
  const goalId = deps.newId();
  return changeOwnRoute(deps, props, (context) => addLearningGoal({ ...context, goalId, text }));
}

export function removeOwnGoal(deps: LearningRouteDeps, { goalId, ...props }: ChangeProps & { goalId: string }): Promise<OpenRoute> {
  return changeOwnRoute(deps, props, (context) => removeLearningGoal({ ...context, goalId }));
}

/** The proposal joins the route at once; the coach approves or rejects it before approving the route. */
export function proposeOwnActivity(deps: LearningRouteDeps, { activity, ...props }: ChangeProps & { activity: ProposedActivity }): Promise<OpenRoute> {
  const ownActivityId = `own-${deps.newId()}`;
  return changeOwnRoute(deps, props, (context) => proposeActivity({ ...context, ownActivityId, activity }));
}

export async function saveOwnStudyPlan(deps: LearningRouteDeps, { plan, ...props }: ChangeProps & { plan: StudyPlan }): Promise<OpenRoute> {
  if (plan.coachId) await assertCoachOfCourse(deps, props.session, plan.coachId);
  return changeOwnRoute(deps, props, (context) => saveStudyPlan({ ...context, plan }));
}

/** The plan names who guides the student: a teacher, assistant or coach on this course's class list (also one who never launched). */
async function assertCoachOfCourse(deps: LearningRouteDeps, session: LaunchSession, coachId: string): Promise<void> {
  const { members } = await deps.classList({ session, sync: 'if-stale' });
  const coach = members.find((m) => m.id === coachId && m.status === 'active');
  if (!coach?.roles.some((role) => role !== 'student')) throw unknownCoach(coachId);
}
