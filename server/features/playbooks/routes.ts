// The teacher's API for the playbook of the launched placement, and the published view students read; mounted under /api.
import { Router } from 'express';
import { activityRoutes } from './routes/activity-routes';
import type { PlaybookRouteDeps } from './routes/route-deps';
import { designRoutes } from './routes/design-routes';
import { exchangeRoutes } from './routes/exchange-routes';
import { outcomeRoutes } from './routes/outcome-routes';

/**
 * Every endpoint acts on the playbook of the session's placement, so no request reaches another course's data.
 * Writes send the revision they read as `If-Match`; a stale one gets 409 `version_conflict` (details.currentRevision).
 */
export function playbookRoutes(deps: PlaybookRouteDeps): Router {
  const router = Router();
  router.use(designRoutes(deps), outcomeRoutes(deps), activityRoutes(deps), exchangeRoutes(deps));
  return router;
}
