// Why a learning-route request cannot be served, as AppErrors with stable codes the client translates.
import { AppError } from '../../errors';

export function noPlaybook(): AppError {
  return new AppError(404, 'no_playbook', 'This link has no published playbook yet. Ask your teacher when it opens.');
}

/** Also for a student of another coach: whether they exist is none of the caller's business. */
export function studentNotFound(studentId: string): AppError {
  return new AppError(404, 'student_not_found', 'This student is not one of your students in this course.', { studentId });
}

export function noRoute(studentId: string): AppError {
  return new AppError(404, 'no_route', 'This student has not opened their route yet.', { studentId });
}

export function unknownSession(activityId: string, sessionId: string): AppError {
  return new AppError(404, 'unknown_session', 'This activity has no such session.', { activityId, sessionId });
}

export function activityNotInRoute(activityId: string): AppError {
  return new AppError(409, 'activity_not_in_route', 'Add the activity to your route before signing up for a session.', { activityId });
}

export function sessionPast(activityId: string, sessionId: string): AppError {
  return new AppError(409, 'session_past', 'This session has already started.', { activityId, sessionId });
}

/** Attendance is marked from the session's start on: before it, nobody can have attended. */
export function sessionNotStarted(activityId: string, sessionId: string): AppError {
  return new AppError(409, 'session_not_started', 'This session has not started yet; mark attendance once it has.', { activityId, sessionId });
}

/** Only students who signed up for a session are marked; the sign-up list is who was expected. */
export function notSignedUp(studentId: string): AppError {
  return new AppError(409, 'not_signed_up', 'This student did not sign up for this session.', { studentId });
}

export function signedUpElsewhere(activityId: string, sessionId: string): AppError {
  return new AppError(409, 'signed_up_elsewhere', 'You are already signed up for another session of this activity. Cancel that one first.', {
    activityId,
    sessionId,
  });
}

export function sessionFull(details: { activityId: string; sessionId: string; capacity: number; taken: number; seatsLeft: number }): AppError {
  return new AppError(409, 'session_full', 'This session is full. Choose another session.', details);
}

export function unknownCoach(coachId: string): AppError {
  return new AppError(422, 'unknown_coach', 'The chosen coach does not guide students in this course.', { coachId });
}
