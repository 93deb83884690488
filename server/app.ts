// Builds the express application from its dependencies; it never listens, so tests can run it on port 0.
import express, { type Express, type Router } from 'express';
import type { Config } from './config';
import type { Logger } from './logger';
import type { Database } from './store/database';
import { clientRoutes } from './http/client-routes';
import { errorMiddleware, notFoundHandler } from './http/error-middleware';
import { healthRoutes, type ServingState } from './http/health-routes';
import { metricsRoute, requestMetrics } from './http/metrics-routes';
import type { Metrics } from './metrics/index';
import { publicConfigRoutes } from './http/public-config-routes';
import { routersByPrefix } from './http/routers-by-prefix';
import { requestLogger } from './http/request-logger';
import { jsonBody } from './http/json-body';
import { securityHeaders } from './http/security-headers';
import { framingOrigins, ownOrigins } from './http/framing-origins';
import { createLearnedFramingOrigins } from './lti/store/framing-origins';
import { requireSession } from './http/auth';
import { membershipCacheOf, type MembershipCacheOptions } from './http/membership-cache';
import { sessionRoutes } from './http/session-routes';
import type { Lti } from './lti/index';
import { createPrivacyFeature } from './features/privacy/index';
import { createAuditTrailFeature, type AuditTrailFeature } from './features/audit-trail/index';
import { createAssessmentFeature, noGradePublisher, type GradePublisher } from './features/assessment/index';
import { createClassOverviewFeature } from './features/class-overview/index';
import { createEvidenceFeature, type EvidenceDeps } from './features/evidence/index';
import { createIntakeFeature } from './features/intake/index';
import { createPeersFeature } from './features/peers/index';
import { createProjectGroupsFeature } from './features/project-groups/index';
import { gradeDeliveryRoutes, type Grades } from './features/grades/index';
import { createLearningRoutesFeature, studentsInScope } from './features/learning-routes/index';
import { createPlacementsFeature } from './features/placements/index';
import { createPlaybookRepository, createPlaybooksFeature, type KeptPlaybookOptions } from './features/playbooks/index';
import { createRoster, createRosterFeature } from './features/roster/index';

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
  /** The process's serving state for /health/ready (server/main.ts); without it the app is ready once built. */
  servingState?: () => ServingState;
  /** This app's metrics: request latency is recorded, and /metrics is served when config.metrics.token is set. */
  metrics?: Metrics;
  /** How long the per-process caches of a write's checks trust an answer; tests shorten them or move their clock. */
  caches?: { membership?: MembershipCacheOptions; playbook?: KeptPlaybookOptions };
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // No weak ETag hashed from every answer's body: API answers are no-store (security-headers.ts), so no client ever
  // revalidates them, and the hash cost each of a class's hundreds of route saves a second. Routes that hand out a
  // revision set their ETag themselves (playbooks); static files and index.html get theirs from express.static/sendFile.
  app.set('etag', false);
  // Behind the institution's reverse proxy, the client's address and protocol come from X-Forwarded-*, but only from
  // the proxies TRUST_PROXY names: trusting them by default would let any client write its own address into the logs.
  app.set('trust proxy', deps.config.trustProxy);
  if (deps.metrics) app.use(requestMetrics(deps.metrics));
  app.use(requestLogger(deps.logger));
  const own = ownOrigins({ publicUrl: deps.config.publicUrl, production: deps.config.env === 'production' });
  const framers = framingOrigins({ registry: deps.lti.registry, learned: createLearnedFramingOrigins(deps.database.connection), own });
  app.use(securityHeaders({ https: deps.config.publicUrl.startsWith('https://'), ownOrigins: own, framingOrigins: framers }));
  app.use(jsonBody({ limitBytes: 1024 * 1024 }));
  // Routers are asked by the prefix of the request's path (routers-by-prefix.ts), in the order listed.
  app.use(
    routersByPrefix([
      healthRoutes({
        database: deps.database,
        version: deps.version ?? 'dev',
        startedAt: deps.startedAt ?? Date.now(),
        servingState: deps.servingState,
        onDatabasePing: deps.metrics?.observeDatabasePing,
      }),
      ...(deps.metrics && deps.config.metrics.token ? [metricsRoute({ metrics: deps.metrics, token: deps.config.metrics.token })] : []),
      publicConfigRoutes({ demoLms: Boolean(deps.demoLmsRouter) }),
      deps.lti.router,
    ]),
  );
  if (deps.demoLmsRouter) app.use('/demo-lms', deps.demoLmsRouter);
  // The operator's privacy API (server/features/privacy/routes.ts says why it has a token of its own).
  const privacy = createPrivacyFeature({ connection: deps.database.connection, logger: deps.logger, adminToken: deps.config.privacyAdminToken, retentionDays: deps.config.retentionDays });
  app.use(routersByPrefix([privacy.adminRouter, privacy.inventoryRouter]));
  app.use('/api', requireSession(deps.lti.sessions, deps.lti.records, membershipCacheOf(deps.lti.records, deps.caches?.membership)));
  // The audit trail hears assessment decisions and grades sent; its attempts are the evidence feature's, made below.
  const attempts: Parameters<typeof createAuditTrailFeature>[0]['attempts'] = { listForStudent: (...args) => evidenceAttempts().listForStudent(...args) };
  const auditTrail = createAuditTrailFeature({ connection: deps.database.connection, attempts });
  const features = createFeatures(deps, auditTrail);
  const evidenceAttempts = () => features.evidenceAttempts;
  app.use(
    routersByPrefix([
      sessionRoutes({ records: deps.lti.records, sessions: deps.lti.sessions }),
      ...features.list.map((feature) => feature.router),
      auditTrail.router,
      privacy.router,
      ...(deps.grades ? [gradeDeliveryRoutes({ grades: deps.grades, onResent: auditTrail.onGradeResent })] : []),
    ]),
  );
  if (deps.clientDir) app.use(clientRoutes(deps.clientDir));
  app.use(notFoundHandler());
  app.use(errorMiddleware(deps.logger));
  return app;
}

/**
 * Builds each feature once from the app's dependencies, in the order their routers mount. Features that share state get
 * it handed in here: one class list for the roster and the learning routes, the learning routes' dependencies for the
 * class overview and the roster's scope rule, the evidence dependencies for assessment, one playbook store for every
 * feature that reads playbooks, and the placements' rule for which playbook a link opens to the playbook endpoints.
 */
function createFeatures(deps: AppDeps, auditTrail: AuditTrailFeature): { list: { router: Router }[]; evidenceAttempts: EvidenceDeps['attempts'] } {
  const { connection } = deps.database;
  const { records, registry, nrps } = deps.lti;
  const publisher = auditTrail.publisher(deps.gradePublisher ?? noGradePublisher);
  const playbookStore = createPlaybookRepository(connection, deps.caches?.playbook);
  const classList = createRoster({ records, registry, nrps, logger: deps.logger });
  const learningRoutes = createLearningRoutesFeature({ lti: deps.lti, connection, logger: deps.logger, gradePublisher: publisher, roster: classList, playbooks: playbookStore });
  const roster = createRosterFeature({
    roster: classList,
    studentsInScope: async (session) => (await studentsInScope(learningRoutes.deps, { session })).students,
  });
  const placements = createPlacementsFeature({ lti: deps.lti, playbooks: playbookStore });
  const playbooks = createPlaybooksFeature({ lti: deps.lti, repository: playbookStore, openPlaybook: placements.openPlaybook });
  const classOverview = createClassOverviewFeature({ learningRoutes: learningRoutes.deps });
  const evidence = createEvidenceFeature({ connection, records, publisher, playbooks: playbookStore });
  const assessment = createAssessmentFeature({ evidence: evidence.deps, onDecision: auditTrail.onAssessmentDecision });
  // Learning from each other: the intake reads routes and graded attempts; peers and groups read the intake's standings.
  const intake = createIntakeFeature({ connection, learningRoutes: learningRoutes.deps, evidence: evidence.deps });
  const peers = createPeersFeature({ connection, standings: intake.standings, learningRoutes: learningRoutes.deps });
  const projectGroups = createProjectGroupsFeature({ connection, standings: intake.standings, learningRoutes: learningRoutes.deps });
  return { list: [roster, placements, playbooks, learningRoutes, classOverview, evidence, assessment, intake, peers, projectGroups], evidenceAttempts: evidence.deps.attempts };
}
