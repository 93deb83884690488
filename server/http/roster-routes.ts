// GET /api/course/roster (teachers and coaches) and POST /api/course/roster/sync (teachers): the class list of the launch's course.
import { Router } from 'express';
import type { Logger } from '../logger';
import type { Lti } from '../lti/index';
import { createRoster } from '../roster/index';
import { requireRole, sessionOf } from './auth';

export interface RosterRoutesDeps {
  lti: Pick<Lti, 'records' | 'registry' | 'nrps'>;
  logger: Logger;
  now?: () => Date;
  /** How old the stored class list may be before opening it refreshes it. Default 10 minutes. */
  staleAfterMs?: number;
}

export function rosterRoutes(deps: RosterRoutesDeps): Router {
  const roster = createRoster({ ...deps, records: deps.lti.records, registry: deps.lti.registry, nrps: deps.lti.nrps });
  const router = Router();
  router.get('/api/course/roster', requireRole('teacher', 'coach'), async (_req, res) => {
    res.json(await roster.classList({ session: sessionOf(res), sync: 'if-stale' }));
  });
  router.post('/api/course/roster/sync', requireRole('teacher'), async (_req, res) => {
    res.json(await roster.classList({ session: sessionOf(res), sync: 'now' }));
  });
  return router;
}
