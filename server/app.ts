// Builds the express application from its dependencies; it never listens, so tests can run it on port 0.
import express, { type Express } from 'express';
import type { Config } from './config';
import type { Logger } from './logger';
import type { Database } from './store/database';
import { clientRoutes } from './http/client-routes';
import { errorMiddleware, notFoundHandler } from './http/error-middleware';
import { healthRoutes } from './http/health-routes';
import { requestLogger } from './http/request-logger';

export interface AppDeps {
  config: Config;
  logger: Logger;
  database: Database;
  /** Folder of the built client; omitted in API-only tests. */
  clientDir?: string;
  version?: string;
  startedAt?: number;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // Behind the institution's load balancer, the client's address and protocol come from X-Forwarded-*.
  app.set('trust proxy', deps.config.env === 'production' ? 1 : false);
  app.use(requestLogger(deps.logger));
  app.use(express.json({ limit: '1mb' }));
  app.use(
    healthRoutes({ database: deps.database, version: deps.version ?? 'dev', startedAt: deps.startedAt ?? Date.now() }),
  );
  if (deps.clientDir) app.use(clientRoutes(deps.clientDir));
  app.use(notFoundHandler());
  app.use(errorMiddleware(deps.logger));
  return app;
}
