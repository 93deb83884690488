// Builds the express application from its dependencies; it never listens, so tests can run it on port 0.
import express, { type Express, type Router } from 'express';
import type { Config } from './config';
import type { Logger } from './logger';
import type { Database } from './store/database';
import { clientRoutes } from './http/client-routes';
import { errorMiddleware, notFoundHandler } from './http/error-middleware';
import { healthRoutes } from './http/health-routes';
import { publicConfigRoutes } from './http/public-config-routes';
import { requestLogger } from './http/request-logger';
import { securityHeaders } from './http/security-headers';
import { framingOrigins, ownOrigins } from './http/framing-origins';
import { createLearnedFramingOrigins } from './store/lti/framing-origins';
import { requireSession } from './http/auth';
import { rosterRoutes } from './http/roster-routes';
import { sessionRoutes } from './http/session-routes';
import type { Lti } from './lti/index';
import { placementRoutes } from './http/placements/routes';
import { playbookRoutes } from './http/playbooks/routes';
import { learningRouteRoutes } from './http/learning-routes/routes';
import { classOverviewRoutes } from './http/class-overview/routes';
import { createPlaybookRepository } from './store/repositories/playbook-repository';
import { noGradePublisher, type GradePublisher } from './assessment/grade-publisher';
import { evidenceRoutes } from './http/evidence/routes';
import { assessmentRoutes } from './http/assessment/routes';
import { gradeDeliveryRoutes } from './http/grades/routes';
import type { Grades } from './grades/index';

export interface AppDeps {
  config: Config;
  logger: Logger;
  database: Database;
  /** The LTI side: launch routes, and the session tokens that authorise the API. */
  lti: Lti;
  /** The simulated LMS, mounted at /demo-lms when offered (never in production). */
  demoLmsRouter?: Router;
  /** Folder of the built client; omitted in API-only tests. */
  clientDir?: string;
  version?: string;
  startedAt?: number;
  /** Where graded results go (the AGS outbox); publishes nothing when omitted. */
  gradePublisher?: GradePublisher;
  /** The grade outbox, for the teacher's delivery view; the endpoints exist only when it is given. */
  grades?: Pick<Grades, 'listDeliveries' | 'retryDelivery' | 'gradebook' | 'resendGrade'>;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // Behind the institution's load balancer, the client's address and protocol come from X-Forwarded-*.
  app.set('trust proxy', deps.config.env === 'production' ? 1 : false);
  app.use(requestLogger(deps.logger));
  const own = ownOrigins({ publicUrl: deps.config.publicUrl, production: deps.config.env === 'production' });
  const framers = framingOrigins({ registry: deps.lti.registry, learned: createLearnedFramingOrigins(deps.database.connection), own });
  app.use(securityHeaders({ https: deps.config.publicUrl.startsWith('https://'), ownOrigins: own, framingOrigins: framers }));
  app.use(express.json({ limit: '1mb' }));
  app.use(
    healthRoutes({ database: deps.database, version: deps.version ?? 'dev', startedAt: deps.startedAt ?? Date.now() }),
  );
  app.use(publicConfigRoutes({ demoLms: Boolean(deps.demoLmsRouter) }));
  app.use(deps.lti.router);
  if (deps.demoLmsRouter) app.use('/demo-lms', deps.demoLmsRouter);
  app.use('/api', requireSession(deps.lti.sessions, deps.lti.records));
  app.use(sessionRoutes({ records: deps.lti.records, sessions: deps.lti.sessions }));
  app.use(rosterRoutes({ lti: deps.lti, connection: deps.database.connection, logger: deps.logger }));
  app.use(placementRoutes({ lti: deps.lti, playbooks: createPlaybookRepository(deps.database.connection) }));
  app.use(playbookRoutes({ lti: deps.lti, playbooks: createPlaybookRepository(deps.database.connection) }));
  app.use(learningRouteRoutes({ lti: deps.lti, connection: deps.database.connection, logger: deps.logger, gradePublisher: deps.gradePublisher }));
  app.use(classOverviewRoutes({ lti: deps.lti, connection: deps.database.connection, logger: deps.logger }));
  app.use(evidenceRoutes({ connection: deps.database.connection, records: deps.lti.records, publisher: deps.gradePublisher ?? noGradePublisher }));
  app.use(assessmentRoutes({ connection: deps.database.connection, records: deps.lti.records, publisher: deps.gradePublisher ?? noGradePublisher }));
  if (deps.grades) app.use(gradeDeliveryRoutes({ grades: deps.grades }));
  if (deps.clientDir) app.use(clientRoutes(deps.clientDir));
  app.use(notFoundHandler());
  app.use(errorMiddleware(deps.logger));
  return app;
}
