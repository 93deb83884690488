// The students a coach (or teacher) follows — their own students when they have any in the launched placement, each with their route when they have one.
import type { Playbook } from '../../../domain/playbook';
import type { Route } from '../../../domain/route';
import type { LaunchSession } from '../../../lti/session-token';
import type { ClassListMember } from '../../roster/index';
import { studentsInScope, type StudentsInScope } from './coach-students';
import type { LearningRouteDeps } from '../deps';
import { playbookForSession } from './placement-playbook';

export interface CoachStudentList {
  playbook: Playbook;
  scope: StudentsInScope['scope'];
  roster: StudentsInScope['roster'];
  students: { student: ClassListMember; route: Route | undefined }[];
}

export async function listCoachStudents(deps: LearningRouteDeps, { session }: { session: LaunchSession }): Promise<CoachStudentList> {
  const playbook = await playbookForSession(deps, { session, audience: 'staff' });
  const inScope = await studentsInScope(deps, { session });
  // "My students": a teacher who is also someone's coach sees those first and only; one who coaches nobody sees the class.
  const mine = inScope.scope === 'course' && inScope.own.length > 0;
  const { roster } = inScope;
  const scope = mine ? 'mentees' : inScope.scope;
  const students = mine ? inScope.own : inScope.students;
  const routes = new Map((await deps.routes.listByPlaybook(playbook.id)).map((r) => [r.studentId, r]));
  return { playbook, scope, roster, students: students.map((student) => ({ student, route: routes.get(student.id) })) };
}
