// The courses of this platform a person teaches (an active teacher membership), as launches and the class list stored them.
import { playrouteRolesOf } from '../../../lti/roles';
import type { LaunchSession } from '../../../lti/session-token';
import type { CourseRecords } from '../../../lti/store/course-records';
import type { ContextKey } from '../../playbooks/index';

export async function coursesTaughtBy(deps: { records: CourseRecords }, session: LaunchSession): Promise<ContextKey[]> {
  const memberships = await deps.records.listMembershipsOf(session.platformId, session.sub);
  return memberships
    .filter((m) => playrouteRolesOf(m.ltiRoles).includes('teacher'))
    .map((m) => ({ platformId: m.platformId, deploymentId: m.deploymentId, contextId: m.contextId }));
}
