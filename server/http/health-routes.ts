// Health for people and orchestrators: GET /health (overall, as before), /health/live (the process runs) and
// /health/ready (send it traffic: started, database answering, not draining), each 503 with a reason when not.
import { Router, type Response } from 'express';
import type { Database } from '../store/database';

/** Where this process is in its life: only `ready` takes traffic; `draining` finishes what it has after SIGTERM. */
export type ServingState = 'starting' | 'ready' | 'draining';

export interface HealthDeps {
  database: Database;
  version: string;
  startedAt: number;
  /** The process's serving state (server/main.ts); an app built without it (tests) is ready once built. */
  servingState?: () => ServingState;
  /** Called with each readiness ping's round trip, for the database latency metric. */
  onDatabasePing?: (seconds: number, up: boolean) => void;
}

export function healthRoutes(deps: HealthDeps): Router {
  const router = Router();
  const state = deps.servingState ?? (() => 'ready' as const);
  router.get('/health', async (_req, res) => {
    const up = await deps.database.isUp();
    noStore(res).status(up ? 200 : 503).json({
      status: up ? 'ok' : 'unavailable',
      version: deps.version,
      uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000),
      database: { state: up ? 'up' : 'down', kind: deps.database.kind },
    });
  });
  // Liveness never asks the database: a database outage must not make an orchestrator restart every process.
  router.get('/health/live', (_req, res) => {
    noStore(res).json({ status: 'alive' });
  });
  router.get('/health/ready', async (_req, res) => {
    const serving = state();
    if (serving !== 'ready') {
      noStore(res).status(503).json({ status: 'unavailable', reason: serving });
      return;
    }
    const started = process.hrtime.bigint();
    const up = await deps.database.isUp();
    deps.onDatabasePing?.(Number(process.hrtime.bigint() - started) / 1e9, up);
    if (!up) {
      noStore(res).status(503).json({ status: 'unavailable', reason: 'database_unreachable' });
      return;
    }
    noStore(res).json({ status: 'ready' });
  });
  return router;
}

function noStore(res: Response): Response {
  return res.setHeader('Cache-Control', 'no-store');
}
