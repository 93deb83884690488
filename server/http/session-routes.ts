// GET /api/session: what the client needs to know about the launch it was opened with; POST /api/session/renew: a fresh token before this one ends.
import { Router } from 'express';
import { decodeJwt } from 'jose';
import type { SessionTokens } from '../lti/session-token';
import type { CourseRecords } from '../lti/store/course-records';
import { sessionOf, sessionTokenOf } from './auth';
import { NotAuthenticatedError } from '../errors';

export function sessionRoutes(deps: { records: CourseRecords; sessions: SessionTokens }): Router {
  const router = Router();
  router.get('/api/session', async (_req, res) => {
    const session = sessionOf(res);
    // The launch put the course's names in the session (session-token.ts); a session from before that reads them.
    const context = session.contextId
      ? (session.course ?? (await deps.records.getContext({ platformId: session.platformId, deploymentId: session.deploymentId, contextId: session.contextId })))
      : undefined;
    res.json({
      user: { name: session.name ?? null, locale: session.locale ?? null },
      roles: session.roles,
      context: context && session.contextId ? { id: session.contextId, title: context.title ?? null, label: context.label ?? null } : null,
      placement: session.resourceLinkId ? { resourceLinkId: session.resourceLinkId } : null,
      messageType: session.messageType,
      deepLinking: Boolean(session.deepLinkRequestId),
      returnUrl: session.returnUrl ?? null,
    });
  });

  // A write, so requireSession has checked that the person is still a member of the course before this runs.
  router.post('/api/session/renew', async (_req, res) => {
    const token = await deps.sessions.renew(sessionTokenOf(res));
    if (!token) throw new NotAuthenticatedError('Your Playroute session has ended. Open Playroute again from your course.');
    res.json({ token, expiresAt: new Date((decodeJwt(token).exp ?? 0) * 1000).toISOString() });
  });
  return router;
}
