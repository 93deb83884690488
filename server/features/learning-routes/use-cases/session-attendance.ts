// Attendance for the sessions of synchronous activities: a teacher (every student) or a coach (their own) sees who signed up and marks who came.
import type { LaunchSession } from '../../../lti/session-token';
import type { LearningRouteDeps } from '../deps';
import { notSignedUp, sessionNotStarted, studentNotFound } from '../errors';
import { studentsInScope } from './coach-students';
import { playbookForSession } from './placement-playbook';
import { sessionIn } from './session-signup';

export interface SessionAttendee {
  studentId: string;
  name: string | null;
  /** Null until someone marks it. */
  attended: boolean | null;
  markedBy?: string;
  markedAt?: Date;
}

export interface SessionAttendanceView {
  activityId: string;
  sessionId: string;
  title: string;
  startsAt: Date;
  endsAt: Date | null;
  place: string;
  capacity: number;
  /** Marking opens at the start: before it, nobody can have attended. */
  started: boolean;
  /** The signed-up students this person may see, in sign-up order. */
  attendees: SessionAttendee[];
}

type AttendanceDeps = Pick<LearningRouteDeps, 'playbooks' | 'records' | 'signups' | 'attendance' | 'classList' | 'assignments' | 'now'>;

/** Every session of the playbook (also a draft one: staff prepare sessions too), earliest first. */
export async function listSessionAttendance(deps: AttendanceDeps, { session }: { session: LaunchSession }): Promise<SessionAttendanceView[]> {
  const playbook = await playbookForSession(deps, { session, audience: 'staff' });
  const [scope, signups, marks] = await Promise.all([
    studentsInScope(deps, { session }),
    deps.signups.listByPlaybook(playbook.id),
    deps.attendance.listByPlaybook(playbook.id),
  ]);
  const visible = new Map(scope.students.map((s) => [s.id, s]));
  const now = deps.now().getTime();
  const views = playbook.activities.flatMap((activity) =>
    activity.schedule.kind !== 'synchronous'
      ? []
      : activity.schedule.sessions.map((slot): SessionAttendanceView => {
          const signedUp = signups.find((s) => s.activityId === activity.id && s.sessionId === slot.id)?.attendees ?? [];
          return {
            activityId: activity.id,
            sessionId: slot.id,
            title: activity.title,
            startsAt: slot.startsAt,
            endsAt: slot.endsAt ?? null,
            place: slot.place,
            capacity: slot.capacity,
            started: slot.startsAt.getTime() <= now,
            attendees: signedUp
              .filter((id) => visible.has(id))
              .map((studentId) => {
                const mark = marks.find((m) => m.activityId === activity.id && m.sessionId === slot.id && m.studentId === studentId);
                return {
                  studentId,
                  name: visible.get(studentId)?.name ?? null,
                  attended: mark ? mark.attended : null,
                  ...(mark ? { markedBy: mark.markedBy, markedAt: mark.markedAt } : {}),
                };
              }),
          };
        }),
  );
  return views.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/**
 * Marks one signed-up student as attended or not. A coach marks only their own students (404 `student_not_found`
 * for others, as elsewhere); marking opens when the session starts (409 `session_not_started`); only students who
 * signed up are marked (409 `not_signed_up`): the sign-up list is who was expected.
 */
export async function markAttendance(
  deps: AttendanceDeps,
  props: { session: LaunchSession; activityId: string; sessionId: string; studentId: string; attended: boolean },
): Promise<SessionAttendee> {
  const { session, activityId, sessionId, studentId, attended } = props;
  const playbook = await playbookForSession(deps, { session, audience: 'staff' });
  const slot = sessionIn(playbook, activityId, sessionId);
  const scope = await studentsInScope(deps, { session });
  const student = scope.students.find((s) => s.id === studentId);
  if (!student) throw studentNotFound(studentId);
  const now = deps.now();
  if (slot.startsAt.getTime() > now.getTime()) throw sessionNotStarted(activityId, sessionId);
  const key = { playbookId: playbook.id, activityId, sessionId };
  if (!(await deps.signups.attendees(key)).includes(studentId)) throw notSignedUp(studentId);
  const mark = await deps.attendance.mark({ ...key, studentId, attended, markedBy: session.sub, markedAt: now });
  return { studentId, name: student.name, attended: mark.attended, markedBy: mark.markedBy, markedAt: mark.markedAt };
}
