// Which students a person may see and guide: the one scope rule for coach view, class overview and (reused) the roster.
import type { ClassList, ClassListMember } from '../../roster/index';
import type { LaunchSession } from '../../../lti/session-token';
import type { LearningRouteDeps } from '../deps';
import type { CourseKey } from '../data/coach-assignments';

export interface StudentsInScope {
  /** 'course' for a teacher (every student); 'mentees' for anyone else: only their own students. */
  scope: 'mentees' | 'course';
  /** Active students of the course roster this person may see, also those who never launched Playroute. */
  students: ClassListMember[];
  /** Their own students (assigned in Playroute or named by the LMS), among `students`; a teacher may have some too. */
  own: ClassListMember[];
  roster: ClassList['roster'];
}

/**
 * A teacher sees every student. Anyone else — assistant, LMS mentor, or a person with no role of ours — sees exactly
 * the students a teacher assigned to them plus the mentees the LMS named (role_scope_mentor), and nobody otherwise:
 * real LMSs rarely send a coach role (Moodle: only Instructor or Learner), so coaching is Playroute's own relation.
 */
export async function studentsInScope(
  deps: Pick<LearningRouteDeps, 'classList' | 'records' | 'assignments'>,
  { session }: { session: LaunchSession },
): Promise<StudentsInScope> {
  const list = await deps.classList({ session, sync: 'if-stale' });
  const students = list.members.filter((m) => m.status === 'active' && m.roles.includes('student'));
  const ownIds = await ownStudentIds(deps, session);
  const own = students.filter((s) => ownIds.has(s.id));
  if (session.roles.includes('teacher')) return { scope: 'course', students, own, roster: list.roster };
  return { scope: 'mentees', students: own, own, roster: list.roster };
}

export function courseOf(session: LaunchSession): CourseKey | undefined {
  const { platformId, deploymentId, contextId } = session;
  return contextId ? { platformId, deploymentId, contextId } : undefined;
}

async function ownStudentIds(deps: Pick<LearningRouteDeps, 'records' | 'assignments'>, session: LaunchSession): Promise<Set<string>> {
  const course = courseOf(session);
  if (!course) return new Set();
  // Only this person's own membership, not the whole class's (the class list is read once already, by the caller).
  const [assigned, membership] = await Promise.all([deps.assignments.studentsOf(course, session.sub), deps.records.getMembership({ ...course, sub: session.sub })]);
  // LMSs that send role_scope_mentor (Canvas observers, the spec's Mentor) name the mentor's students at each launch.
  const mentees = membership?.mentees ?? [];
  return new Set([...assigned, ...mentees]);
}
