// GET /health: whether this process can serve, and the state of its database, for load balancers and people.
import { Router } from 'express';
import type { Database } from '../store/database';

export function healthRoutes(deps: { database: Database; version: string; startedAt: number }): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const up = await deps.database.isUp();
    res.status(up ? 200 : 503).json({
      status: up ? 'ok' : 'unavailable',
      version: deps.version,
      uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000),
      database: { state: up ? 'up' : 'down', kind: deps.database.kind },
    });
  });
  return router;
}
