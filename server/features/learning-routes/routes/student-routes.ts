// A student's own route: read it (created on first read), compose, submit or withdraw it, check it, mark progress, read its history.
import { Router } from 'express';
import type { LearningRouteDeps } from '../deps';
import { openOwnRoute } from '../use-cases/open-route';
import { markOwnProgress, saveOwnRoute, submitOwnRoute, withdrawOwnRoute } from '../use-cases/own-route-changes';
import { checkOwnRoute, ownRouteHistory } from '../use-cases/own-route-reading';
import { requireRole, sessionOf } from '../../../http/auth';
import { validate } from '../../../http/validate';
import { activityParamsSchema, progressSchema, saveRouteSchema, versionSchema, type ProgressBody, type SaveRouteBody, type VersionBody } from '../schemas';
import { historyView, openRouteView } from '../views';

export function studentRouteRoutes(deps: LearningRouteDeps): Router {
  const router = Router();
  const student = requireRole('student');

  router.get('/api/route', student, async (_req, res) => {
    res.json(openRouteView(await openOwnRoute(deps, { session: sessionOf(res) })));
  });

  router.put('/api/route', student, validate(saveRouteSchema), async (req, res) => {
    const { version, entries } = req.body as SaveRouteBody;
    res.json(openRouteView(await saveOwnRoute(deps, { session: sessionOf(res), version, entries })));
  });

  router.post('/api/route/submit', student, validate(versionSchema), async (req, res) => {
    const { version } = req.body as VersionBody;
    res.json(openRouteView(await submitOwnRoute(deps, { session: sessionOf(res), version })));
  });

  router.post('/api/route/withdraw', student, validate(versionSchema), async (req, res) => {
    const { version } = req.body as VersionBody;
    res.json(openRouteView(await withdrawOwnRoute(deps, { session: sessionOf(res), version })));
  });

  router.get('/api/route/check', student, async (_req, res) => {
    res.json(await checkOwnRoute(deps, { session: sessionOf(res) }));
  });

  router.get('/api/route/history', student, async (_req, res) => {
    res.json(historyView(await ownRouteHistory(deps, { session: sessionOf(res) })));
  });

  router.put('/api/route/progress/:activityId', student, validate(activityParamsSchema, 'params'), validate(progressSchema), async (req, res) => {
    const { version, status } = req.body as ProgressBody;
    const activityId = String(req.params.activityId);
    res.json(openRouteView(await markOwnProgress(deps, { session: sessionOf(res), version, activityId, status })));
  });

  return router;
}
