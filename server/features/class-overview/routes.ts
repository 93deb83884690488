// GET /api/class/overview (teachers, assistants and coaches, each their scope): the placement's students, their progress, stalls and the class's 3-3-5 coverage.
import { Router } from 'express';
import { classOverview } from './use-cases/class-overview';
import type { LearningRouteDeps } from '../learning-routes/index';
import { STAFF } from '../../lti/roles';
import type { LaunchSession } from '../../lti/session-token';
import { requireRole, sessionOf } from '../../http/auth';
import { validate } from '../../http/validate';
import { overviewQuerySchema, type OverviewQuery } from './schemas';
import { encodeJson, sendEncodedJson, type EncodedJson } from './compressed-json';
import { sharedAnswers } from './shared-answers';

export function classOverviewRoutes(deps: LearningRouteDeps): Router {
  const router = Router();
  const shared = sharedAnswers<EncodedJson>();
  router.get('/api/class/overview', requireRole(...STAFF), validate(overviewQuerySchema, 'query'), async (req, res) => {
    const { stalledDays } = req.query as unknown as OverviewQuery;
    const session = sessionOf(res);
    const answer = await shared(overviewKey(session, stalledDays), async () => encodeJson(await classOverview(deps, { session, stalledDays })));
    await sendEncodedJson(req, res, answer);
  });
  return router;
}

/**
 * Who sees the same overview: every teacher of a placement sees the whole class (studentsInScope), anyone else
 * only their own students, so their answer is theirs alone.
 */
function overviewKey(session: LaunchSession, stalledDays: number): string {
  const viewer = session.roles.includes('teacher') ? 'teacher' : `staff:${session.sub}`;
  return JSON.stringify([session.platformId, session.deploymentId, session.contextId ?? '', session.resourceLinkId ?? '', viewer, stalledDays]);
}
