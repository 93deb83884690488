// Which students a coach or teacher may see: a mentor's mentees when the LMS scoped them, otherwise every student of the course.
import type { ClassList, ClassListMember } from '../roster/index';
import type { LaunchSession } from '../lti/session-token';
import type { LearningRouteDeps } from './deps';

export interface StudentsInScope {
  /** 'mentees' when the LMS sent role_scope_mentor for this coach; 'course' otherwise (and always for teachers). */
  scope: 'mentees' | 'course';
  /** Active students of the course roster, also those who never launched Playroute. */
  students: ClassListMember[];
  roster: ClassList['roster'];
}

export async function studentsInScope(deps: Pick<LearningRouteDeps, 'classList' | 'records'>, { session }: { session: LaunchSession }): Promise<StudentsInScope> {
  const list = await deps.classList({ session, sync: 'if-stale' });
  const students = list.members.filter((m) => m.status === 'active' && m.roles.includes('student'));
  const mentees = await menteesOf(deps, session);
  if (!mentees) return { scope: 'course', students, roster: list.roster };
  return { scope: 'mentees', students: students.filter((s) => mentees.has(s.id)), roster: list.roster };
}

/**
 * LMSs that send role_scope_mentor (e.g. Moodle and Brightspace mentors) name the coach's own students;
 * Canvas and others send nothing, and then a coach guides the whole course. A teacher always sees everyone.
 */
async function menteesOf(deps: Pick<LearningRouteDeps, 'records'>, session: LaunchSession): Promise<Set<string> | undefined> {
  if (session.roles.includes('teacher') || !session.contextId) return undefined;
  const key = { platformId: session.platformId, deploymentId: session.deploymentId, contextId: session.contextId };
  const own = (await deps.records.listMembers(key)).find((m) => m.sub === session.sub);
  return own?.mentees ? new Set(own.mentees) : undefined;
}
