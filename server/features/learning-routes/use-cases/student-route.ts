// A coach's or teacher's view of one student's route: only a student in their scope, in the launched placement's playbook.
import type { Playbook } from '../../../domain/playbook';
import type { Actor, Route } from '../../../domain/route';
import type { LaunchSession } from '../../../lti/session-token';
import type { ClassListMember } from '../../roster/index';
import { staffOf } from './actors';
import { studentsInScope } from './coach-students';
import type { LearningRouteDeps } from '../deps';
import { noRoute, studentNotFound } from '../errors';
import { playbookForSession } from './placement-playbook';

export interface StudentRouteProps {
  session: LaunchSession;
  studentId: string;
}

export interface FoundStudentRoute {
  playbook: Playbook;
  student: ClassListMember;
  /** Undefined while the student has not opened their route. */
  route: Route | undefined;
  actor: Actor;
}

export async function findStudentRoute(deps: LearningRouteDeps, { session, studentId }: StudentRouteProps): Promise<FoundStudentRoute> {
  const playbook = await playbookForSession(deps, { session, audience: 'staff' });
  const { students } = await studentsInScope(deps, { session });
  const student = students.find((s) => s.id === studentId);
  if (!student) throw studentNotFound(studentId);
  const route = await deps.routes.getForStudent(playbook.id, studentId);
  return { playbook, student, route, actor: staffOf(session) };
}

export async function openStudentRoute(deps: LearningRouteDeps, props: StudentRouteProps): Promise<FoundStudentRoute & { route: Route }> {
  const found = await findStudentRoute(deps, props);
  if (!found.route) throw noRoute(props.studentId);
  return { ...found, route: found.route };
}
