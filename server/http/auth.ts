// Authorisation from the LTI launch: every API call carries the session token, and routes say which roles may use them.
import type { RequestHandler, Response } from 'express';
import type { PlayrouteRole } from '../lti/roles';
import type { LaunchSession, SessionTokens } from '../lti/session-token';
import { NotAuthenticatedError, NotAuthorisedError } from './errors';

const BEARER = /^Bearer\s+(\S+)$/i;

/** Verifies the Authorization header and keeps the session for the handlers; 401 when missing, forged or expired. */
export function requireSession(sessions: SessionTokens): RequestHandler {
  return (req, res, next) => {
    const token = BEARER.exec(req.get('authorization') ?? '')?.[1];
    if (!token) return next(new NotAuthenticatedError());
    sessions.verify(token).then((session) => {
      if (!session) return next(new NotAuthenticatedError('Your Playroute session has expired. Open Playroute again from your course.'));
      res.locals.session = session;
      next();
    }, next);
  };
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
