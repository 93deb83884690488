// GET /api/course/roster (teachers whole, coaches their own students) and POST /api/course/roster/sync (teachers): the class list of the launch's course.
import { Router } from 'express';
import type { Connection } from 'mongoose';
import { studentsInScope } from '../learning-routes/coach-students';
import { createLearningRouteDeps } from '../learning-routes/deps';
import type { Logger } from '../logger';
import type { Lti } from '../lti/index';
import { classListInScope, createRoster } from '../roster/index';
import { requireRole, sessionOf } from './auth';

export interface RosterRoutesDeps {
  lti: Pick<Lti, 'records' | 'registry' | 'nrps'>;
  /** For the scope rule: which students someone who is not a teacher may see (coach assignments live there). */
  connection: Connection;
  logger: Logger;
  now?: () => Date;
  /** How old the stored class list may be before opening it refreshes it. Default 10 minutes. */
  staleAfterMs?: number;
}

export function rosterRoutes(deps: RosterRoutesDeps): Router {
  const roster = createRoster({ ...deps, records: deps.lti.records, registry: deps.lti.registry, nrps: deps.lti.nrps });
  const scopeDeps = createLearningRouteDeps({ lti: deps.lti, connection: deps.connection, logger: deps.logger, now: deps.now });
  const router = Router();
  router.get('/api/course/roster', requireRole('teacher', 'assistant', 'coach'), async (_req, res) => {
    const session = sessionOf(res);
    const list = await roster.classList({ session, sync: 'if-stale' });
    if (session.roles.includes('teacher')) return res.json(list);
    const { students } = await studentsInScope(scopeDeps, { session });
    res.json(classListInScope(list, students));
  });
  router.post('/api/course/roster/sync', requireRole('teacher'), async (_req, res) => {
    res.json(await roster.classList({ session: sessionOf(res), sync: 'now' }));
  });
  return router;
}
