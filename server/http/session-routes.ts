// GET /api/session: what the client needs to know about the launch it was opened with.
import { Router } from 'express';
import type { CourseRecords } from '../store/lti/course-records';
import { sessionOf } from './auth';

export function sessionRoutes(deps: { records: CourseRecords }): Router {
  const router = Router();
  router.get('/api/session', async (_req, res) => {
    const session = sessionOf(res);
    const context = session.contextId
      ? await deps.records.getContext({ platformId: session.platformId, deploymentId: session.deploymentId, contextId: session.contextId })
      : undefined;
    res.json({
      user: { name: session.name ?? null, locale: session.locale ?? null },
      roles: session.roles,
      context: context ? { id: context.contextId, title: context.title ?? null, label: context.label ?? null } : null,
      placement: session.resourceLinkId ? { resourceLinkId: session.resourceLinkId } : null,
      messageType: session.messageType,
      deepLinking: Boolean(session.deepLinkRequestId),
    });
  });
  return router;
}
