// GET /config.json: the few facts the client needs before any launch (whether the demo LMS is offered).
import { Router } from 'express';

export function publicConfigRoutes(deps: { demoLms: boolean }): Router {
  const router = Router();
  router.get('/config.json', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.json({ demoLms: deps.demoLms });
  });
  return router;
}
