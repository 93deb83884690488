// Authorisation from the LTI launch: every API call carries the session token, and routes say which roles may use them.
import type { RequestHandler, Response } from 'express';
import { playrouteRolesOf, type PlayrouteRole } from '../lti/roles';
import type { LaunchSession, SessionTokens } from '../lti/session-token';
import type { CourseRecords } from '../lti/store/course-records';
import type { MembershipCache } from './membership-cache';
import { AppError, NotAuthenticatedError, NotAuthorisedError } from '../errors';

const BEARER = /^Bearer\s+(\S+)$/i;
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Verifies the Authorization header and keeps the session for the handlers; 401 when missing, forged or expired.
 * A write also needs the person to be a member of the course still: once the class list (NRPS sync) says the LMS
 * unenrolled them, the session they had stops changing anything. With `memberships`, that answer is kept for a moment
 * (membership-cache.ts says why that is safe), so most writes ask the store nothing for it.
 */
export function requireSession(sessions: SessionTokens, records: Pick<CourseRecords, 'getMembership'>, memberships?: MembershipCache): RequestHandler {
  const isMember = (session: LaunchSession): Promise<boolean> => {
    if (!memberships || !session.contextId) return stillMember(records, session);
    const key = { platformId: session.platformId, deploymentId: session.deploymentId, contextId: session.contextId, sub: session.sub };
    return memberships.answer(key, () => stillMember(records, session));
  };
  return (req, res, next) => {
    const token = BEARER.exec(req.get('authorization') ?? '')?.[1];
    if (!token) return next(new NotAuthenticatedError());
    sessions
      .verify(token)
      .then(async (session) => {
        if (!session) return next(new NotAuthenticatedError('Your Playroute session has expired. Open Playroute again from your course.'));
        if (!READS.has(req.method) && !(await isMember(session))) return next(noLongerEnrolled());
        res.locals.session = session;
        res.locals.sessionToken = token;
        next();
      })
      .catch(next);
  };
}

/**
 * False only when the class list said so: the person is inactive or gone from it, and either it named them before
 * or they are a student (students are always enrolled). Staff it never named (a Moodle site admin, a Canvas account
 * admin launching a course) keep their launch; a course without the roster service never marks anyone inactive.
 */
export async function stillMember(records: Pick<CourseRecords, 'getMembership'>, session: LaunchSession): Promise<boolean> {
  if (!session.contextId) return true;
  const membership = await records.getMembership({ platformId: session.platformId, deploymentId: session.deploymentId, contextId: session.contextId, sub: session.sub });
  if (membership?.status !== 'inactive') return true;
  const student = playrouteRolesOf(membership.ltiRoles).includes('student');
  return !(membership.listedAt || student);
}

export function noLongerEnrolled(): AppError {
  return new AppError(403, 'no_longer_enrolled', 'You are no longer enrolled in this course, so Playroute saves nothing more for you here. Ask your teacher if this is a mistake.');
}

/** Lets the request through only for people who hold one of the roles in this course. */
export function requireRole(...roles: PlayrouteRole[]): RequestHandler {
  return (_req, res, next) => {
    const session = sessionOf(res);
    next(session.roles.some((role) => roles.includes(role)) ? undefined : new NotAuthorisedError());
  };
}

export function sessionOf(res: Response): LaunchSession {
  const session = res.locals.session as LaunchSession | undefined;
  if (!session) throw new NotAuthenticatedError();
  return session;
}

/** The token the request came with, for renewing it. */
export function sessionTokenOf(res: Response): string {
  const token = res.locals.sessionToken as string | undefined;
  if (!token) throw new NotAuthenticatedError();
  return token;
}
