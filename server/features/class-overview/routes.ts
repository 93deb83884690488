// GET /api/class/overview (teachers, assistants and coaches, each their scope): the placement's students, their progress, stalls and the class's 3-3-5 coverage.
import { Router } from 'express';
import { classOverview } from './use-cases/class-overview';
import type { LearningRouteDeps } from '../learning-routes/index';
import { STAFF } from '../../lti/roles';
import { requireRole, sessionOf } from '../../http/auth';
import { validate } from '../../http/validate';
import { overviewQuerySchema, type OverviewQuery } from './schemas';
import { sendCompressedJson } from './compressed-json';

export function classOverviewRoutes(deps: LearningRouteDeps): Router {
  const router = Router();
  router.get('/api/class/overview', requireRole(...STAFF), validate(overviewQuerySchema, 'query'), async (req, res) => {
    const { stalledDays } = req.query as unknown as OverviewQuery;
    await sendCompressedJson(req, res, await classOverview(deps, { session: sessionOf(res), stalledDays }));
  });
  return router;
}
