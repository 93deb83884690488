// GET /api/class/overview (teachers, assistants and coaches, each their scope): the placement's students, their progress, stalls and the class's 3-3-5 coverage.
import { Router } from 'express';
import { classOverview } from '../../class-overview/class-overview';
import { createLearningRouteDeps, type LearningRouteSources } from '../../learning-routes/deps';
import { STAFF } from '../../lti/roles';
import { requireRole, sessionOf } from '../auth';
import { validate } from '../validate';
import { overviewQuerySchema, type OverviewQuery } from './schema';

export function classOverviewRoutes(sources: LearningRouteSources): Router {
  const deps = createLearningRouteDeps(sources);
  const router = Router();
  router.get('/api/class/overview', requireRole(...STAFF), validate(overviewQuerySchema, 'query'), async (req, res) => {
    const { stalledDays } = req.query as unknown as OverviewQuery;
    res.json(await classOverview(deps, { session: sessionOf(res), stalledDays }));
  });
  return router;
}
