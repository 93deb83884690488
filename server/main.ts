// Composition root: config → logger → database → LTI and grade delivery → features and HTTP app (server/app.ts) → listen, and an orderly shutdown on SIGTERM/SIGINT.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app';
import { loadConfig, ConfigError, type Config } from './config';
import { createLogger, type Logger } from './logger';
import { seedDemoCourseOnStart, startDemoPlatform } from './demo-platform';
import { createGrades, createOutboxGradePublisher, type Grades } from './features/grades/index';
import { startRetentionJob } from './features/privacy/index';
import { createLti } from './lti/index';
import { openDatabase, type Database } from './store/database';
import type { ServingState } from './http/health-routes';
import { startMetricsServer, type MetricsServer } from './http/metrics-routes';
import { createMetrics } from './metrics/index';
import { CLIENT_DIST } from './project-root';

export { CLIENT_DIST };
const SHUTDOWN_GRACE_MS = 10_000;

export interface RunningPlayroute {
  url: string;
  port: number;
  database: Database;
  /** The port /metrics listens on alone, when METRICS_PORT is set. */
  metricsPort: number | undefined;
  /** Stops taking requests, lets running ones finish (up to a grace period), then closes the database. */
  stop(): Promise<void>;
}

export async function startPlayroute(config: Config, logger: Logger): Promise<RunningPlayroute> {
  const database = await openDatabase({ mongodbUri: config.mongodbUri, dataDir: config.dataDir, logger });
  // Listening comes first so that, with PORT=0, the public URL (and every LTI URL) can name the real port.
  // Until the app is attached, whoever comes early (a load balancer, an impatient LMS) hears "503, try again".
  let handle: http.RequestListener = answerStarting;
  // Readiness (GET /health/ready) follows this: traffic is welcome only between started and SIGTERM.
  let serving: ServingState = 'starting';
  const server = http.createServer((req, res) => {
    // While draining, every answer ends its connection, so keep-alive clients (the proxy's pool) reconnect elsewhere.
    if (serving === 'draining') res.setHeader('Connection', 'close');
    handle(req, res);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
  } catch (err) {
    await database.close();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  const url = config.port === 0 ? config.publicUrl.replace(/:\d+$/, `:${port}`) : config.publicUrl;
  const effective: Config = { ...config, publicUrl: url };
  const metricsOn = Boolean(config.metrics.token) || config.metrics.port !== undefined;
  const metrics = metricsOn ? createMetrics({ logger }) : undefined;
  let grades: Grades | undefined;
  let metricsServer: MetricsServer | undefined;
  let stopPinging: (() => void) | undefined;
  let retention: { stop(): Promise<void> } | undefined;
  try {
    const lti = createLti({ config: effective, connection: database.connection, logger, onLaunchOutcome: metrics?.countLaunch });
    await lti.start();
    // Grade passback runs in every process; deliveries are claimed atomically, so processes never send one twice.
    grades = createGrades({ connection: database.connection, lti, logger, onDeliverySettled: metrics?.countDelivery });
    grades.worker.start();
    // Retention (server/features/privacy/use-cases/retention.ts): every process runs it; each ended course is claimed
    // by one. Not in tests, which run it directly against their own database.
    if (config.env !== 'test') retention = startRetentionJob({ connection: database.connection, logger, retentionDays: config.retentionDays });
    if (metrics) {
      metrics.watchOutbox(grades.backlog);
      stopPinging = metrics.pingDatabase(database);
    }
    if (metrics && config.metrics.port !== undefined) {
      metricsServer = await startMetricsServer({ metrics, port: config.metrics.port, host: config.host });
      logger.info({ port: metricsServer.port }, 'metrics are served on their own port');
    }
    const demoLms = effective.demoLms ? await startDemoPlatform({ publicUrl: url, lti }) : undefined;
    const app = createApp({
      config: effective,
      logger,
      database,
      lti,
      demoLmsRouter: demoLms?.router,
      gradePublisher: createOutboxGradePublisher({ grades, records: lti.records, logger }),
      grades,
      clientDir: CLIENT_DIST,
      version: process.env.npm_package_version,
      servingState: () => serving,
      ...(metrics ? { metrics } : {}),
    });
    handle = app;
    serving = 'ready';
    // The demo course is filled through the app's own API, so only once it answers, and in the background so the start
    // is not held up (about 20 s on a busy two-core machine); tests that start processes skip it.
    if (demoLms && config.env !== 'test') void seedDemoCourseOnStart({ lms: demoLms, url, logger, connection: database.connection, lti, grades });
  } catch (err) {
    server.close();
    stopPinging?.();
    await metricsServer?.close();
    await grades?.worker.stop();
    await retention?.stop();
    await database.close();
    throw err;
  }
  logger.info({ url, host: config.host, port }, 'Playroute is listening');

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      // Readiness turns false first, so the load balancer stops sending new work while the port still answers.
      serving = 'draining';
      if (config.drainSeconds > 0) {
        logger.info({ seconds: config.drainSeconds }, 'draining: readiness is false, requests are still taken');
        await new Promise((resolve) => setTimeout(resolve, config.drainSeconds * 1000));
      }
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A connection busy at close becomes idle once its answer is out; sweep those too rather than wait for the client to hang up.
      const sweep = setInterval(() => server.closeIdleConnections(), 100);
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      await closed;
      clearTimeout(grace);
      clearInterval(sweep);
      // The worker finishes the delivery in flight and gives back the rest before the database goes.
      await grades?.worker.stop();
      await retention?.stop();
      stopPinging?.();
      await metricsServer?.close();
      await database.close();
      logger.info('Playroute stopped');
    })();
    return stopping;
  };
  return { url, port, database, metricsPort: metricsServer?.port, stop };
}

function answerStarting(req: http.IncomingMessage, res: http.ServerResponse): void {
  // Alive but not ready: an orchestrator must not restart a process that is still starting.
  if (req.url === '/health/live') {
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify({ status: 'alive' }));
    return;
  }
  if (req.url === '/health/ready') {
    res.writeHead(503, { 'Content-Type': 'application/json; charset=utf-8', 'Retry-After': '2', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify({ status: 'unavailable', reason: 'starting' }));
    return;
  }
  res.writeHead(503, { 'Content-Type': 'application/json; charset=utf-8', 'Retry-After': '2', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify({ error: { code: 'starting', message: 'Playroute is starting; try again in a moment.' } }));
}

/** Runs Playroute as a process: reads the environment, starts, and stops cleanly on a signal. */
export async function runFromCommandLine(onStarted?: (running: RunningPlayroute, config: Config) => void): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`Playroute cannot start: ${err.problems.join('; ')}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
  const logger = createLogger({ level: config.logLevel });
  if (config.ltiEncryptionKey.startsWith('playroute-development')) {
    logger.warn('LTI_ENCRYPTION_KEY is not set: using the development key (never do this in production)');
  }
  let running: RunningPlayroute;
  try {
    running = await startPlayroute(config, logger);
  } catch (err) {
    logger.fatal({ err }, 'Playroute could not start');
    process.exit(1);
  }
  const shutdown = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutting down');
    // A second signal means the person wants out now.
    process.once(signal, () => process.exit(130));
    running.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  onStarted?.(running, config);
}

// Run as `node --import tsx server/main.ts`; inside a bundle (dist/server/start.js) import.meta.url is the bundle's, and start runs it.
const invokedDirectly = process.argv[1] && /main\.ts$/.test(process.argv[1]) && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) void runFromCommandLine();
