// A coach's (or teacher's) use cases on a student's route: approve, return with a comment, set the level, decide on proposals.
import { approveRoute, returnRoute } from '../../../domain/route-approval';
import { reviewProposal } from '../../../domain/route-proposals';
import type { SelfDirectionLevel } from '../../../domain/self-direction';
import { setStudentLevel } from '../../../domain/student-level';
import { changeStudentRoute, type ChangeProps } from './change-route';
import type { LearningRouteDeps } from '../deps';
import type { OpenRoute } from './open-route';

type StudentChangeProps = ChangeProps & { studentId: string };

/** An approved route is where the student's work starts: the LMS hears it as activity progress 'Started'. */
export async function approveStudentRoute(deps: LearningRouteDeps, props: StudentChangeProps): Promise<OpenRoute> {
  const opened = await changeStudentRoute(deps, props, approveRoute);
  const { platformId, deploymentId, contextId, resourceLinkId } = props.session;
  if (contextId && resourceLinkId) {
    await deps.publisher.publishActivityProgress({
      placement: { platformId, deploymentId, contextId, resourceLinkId },
      playbookId: opened.playbook.id,
      studentSub: props.studentId,
      activityProgress: 'Started',
      gradingProgress: 'NotReady',
    });
  }
  return opened;
}

export function returnStudentRoute(deps: LearningRouteDeps, { comment, ...props }: StudentChangeProps & { comment: string }): Promise<OpenRoute> {
  return changeStudentRoute(deps, props, (context) => returnRoute({ ...context, comment }));
}

/** null removes the coach's override, so the playbook's level applies again. */
export function setLevelOfStudent(
  deps: LearningRouteDeps,
  { level, ...props }: StudentChangeProps & { level: SelfDirectionLevel | null },
): Promise<OpenRoute> {
  return changeStudentRoute(deps, props, (context) => setStudentLevel({ ...context, level }));
}

export interface ReviewStudentProposalProps extends StudentChangeProps {
  ownActivityId: string;
  decision: 'approved' | 'rejected';
  comment?: string;
}

export function reviewStudentProposal(deps: LearningRouteDeps, { ownActivityId, decision, comment, ...props }: ReviewStudentProposalProps): Promise<OpenRoute> {
  return changeStudentRoute(deps, props, (context) => reviewProposal({ ...context, ownActivityId, decision, ...(comment ? { comment } : {}) }));
}
