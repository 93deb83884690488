// A teacher's use cases on coaching: who may coach (staff of the class list), assign a coach to students, unassign.
import type { LaunchSession } from '../../../lti/session-token';
import type { ClassListMember } from '../../roster/index';
import { courseOf } from './coach-students';
import type { LearningRouteDeps } from '../deps';
import { studentNotFound, unknownCoach } from '../errors';
import type { CoachAssignment, CourseKey } from '../data/coach-assignments';

type Deps = Pick<LearningRouteDeps, 'classList' | 'assignments' | 'now'>;

export interface CoachingOverview {
  /** Who a teacher may choose as coach: active teachers and assistants of the class list, also those who never launched. */
  staff: ClassListMember[];
  students: ClassListMember[];
  assignments: CoachAssignment[];
}

export interface AssignCoachProps {
  session: LaunchSession;
  coachId: string;
  /** One student, or a group at once. */
  studentIds: string[];
}

export async function listCoaching(deps: Deps, { session }: { session: LaunchSession }): Promise<CoachingOverview> {
  const { members } = await deps.classList({ session, sync: 'if-stale' });
  const active = members.filter((m) => m.status === 'active');
  const course = requireCourse(session);
  return {
    staff: active.filter(isStaff),
    students: active.filter((m) => m.roles.includes('student')),
    assignments: await deps.assignments.listByCourse(course),
  };
}

export async function assignCoach(deps: Deps, { session, coachId, studentIds }: AssignCoachProps): Promise<CoachingOverview> {
  await checkPeople(deps, { session, coachId, studentIds });
  await deps.assignments.assign(requireCourse(session), { coachId, studentIds, by: session.sub, at: deps.now() });
  return listCoaching(deps, { session });
}

/** Unassigning needs no check on the class list: a coach or student who left the course can still be let go. */
export async function unassignCoach(deps: Deps, { session, coachId, studentIds }: AssignCoachProps): Promise<CoachingOverview> {
  await deps.assignments.unassign(requireCourse(session), { coachId, studentIds });
  return listCoaching(deps, { session });
}

function isStaff(member: ClassListMember): boolean {
  return member.roles.includes('teacher') || member.roles.includes('assistant');
}

async function checkPeople(deps: Deps, { session, coachId, studentIds }: AssignCoachProps): Promise<void> {
  const { members } = await deps.classList({ session, sync: 'if-stale' });
  const active = new Map(members.filter((m) => m.status === 'active').map((m) => [m.id, m]));
  const coach = active.get(coachId);
  if (!coach || !isStaff(coach)) throw unknownCoach(coachId);
  const stranger = studentIds.find((id) => !active.get(id)?.roles.includes('student'));
  if (stranger !== undefined) throw studentNotFound(stranger);
}

function requireCourse(session: LaunchSession): CourseKey {
  const course = courseOf(session);
  // Launches without a course never reach here: the class list already refused them (no_course).
  if (!course) throw new Error('coaching needs a course');
  return course;
}
