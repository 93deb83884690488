// Playroute's Prometheus metrics: one registry per app (never prom-client's global one, so several apps in one process
// stay apart), filled by the HTTP layer, the launch, the grade worker, the outbox and a periodic database ping.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Logger } from '../logger';
import type { Database } from '../store/database';

/** What the grade worker did with one claimed delivery (server/features/grades/use-cases/grade-worker.ts). */
export type DeliveryResult = 'sent' | 'retry' | 'failed' | 'superseded';

/** The outbox as the metrics read it: grades not yet delivered, and since when the oldest waits. */
export interface OutboxBacklog {
  waiting: number;
  oldestWaitingSince: Date | undefined;
}

export interface Metrics {
  registry: Registry;
  /** Latency of one answered request, by the express route pattern (never the raw URL, which carries ids). */
  observeRequest(props: { method: string; route: string; status: number; seconds: number }): void;
  /** A launch ended: `accepted`, `awaiting_confirmation` (Platform Storage) or the rejection code the validator gave. */
  countLaunch(outcome: string): void;
  countDelivery(result: DeliveryResult): void;
  observeDatabasePing(seconds: number, up: boolean): void;
  /** The outbox is read when scraped; until this is called the outbox gauges stay empty. */
  watchOutbox(backlog: () => Promise<OutboxBacklog>): void;
  /** The Prometheus text exposition of every metric. */
  scrape(): Promise<{ contentType: string; body: string }>;
  /** Pings the database every `intervalMs` so its latency is known between scrapes; returns the stopper. */
  pingDatabase(database: Pick<Database, 'isUp'>, intervalMs?: number): () => void;
}

const DEFAULT_PING_INTERVAL_MS = 15_000;

export function createMetrics(deps: { logger?: Logger; now?: () => Date } = {}): Metrics {
  const now = deps.now ?? (() => new Date());
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'playroute_' });

  const requests = new Histogram({
    name: 'playroute_http_request_duration_seconds',
    help: 'Time from request to answer, by method, express route pattern and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const launches = new Counter({
    name: 'playroute_lti_launches_total',
    help: 'LTI launches by outcome: accepted, awaiting_confirmation, or the rejection code (state_unknown, nonce_reused, ...).',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const deliveries = new Counter({
    name: 'playroute_grade_deliveries_total',
    help: 'Grade deliveries this process settled, by result: sent, retry, failed, superseded.',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const databasePing = new Histogram({
    name: 'playroute_database_ping_seconds',
    help: 'Round trip of a ping to the database (periodic, and each readiness check).',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const databaseUp = new Gauge({
    name: 'playroute_database_up',
    help: '1 when the last ping to the database was answered, else 0.',
    registers: [registry],
  });

  let backlog: (() => Promise<OutboxBacklog>) | undefined;
  // Both outbox gauges come from one read per scrape; the outbox is shared, so every process reports the same value.
  let reading: Promise<OutboxBacklog | undefined> | undefined;
  const readBacklog = () =>
    (reading ??= (async () => {
      try {
        return await backlog?.();
      } catch (err) {
        deps.logger?.warn({ err }, 'metrics could not read the grade outbox');
        return undefined;
      } finally {
        setImmediate(() => (reading = undefined));
      }
    })());
  new Gauge({
    name: 'playroute_grade_outbox_depth',
    help: 'Grades waiting for, or on their way to, the LMS (the whole outbox, shared by all processes).',
    registers: [registry],
    async collect() {
      const read = await readBacklog();
      if (read) this.set(read.waiting);
    },
  });
  new Gauge({
    name: 'playroute_grade_outbox_oldest_waiting_seconds',
    help: 'Age of the oldest grade not yet delivered; 0 when none waits.',
    registers: [registry],
    async collect() {
      const read = await readBacklog();
      if (read) this.set(read.oldestWaitingSince ? Math.max(0, (now().getTime() - read.oldestWaitingSince.getTime()) / 1000) : 0);
    },
  });

  const observeDatabasePing = (seconds: number, up: boolean) => {
    if (up) databasePing.observe(seconds);
    databaseUp.set(up ? 1 : 0);
  };

  return {
    registry,
    observeRequest: ({ method, route, status, seconds }) => requests.observe({ method, route, status_code: String(status) }, seconds),
    countLaunch: (outcome) => launches.inc({ outcome }),
    countDelivery: (result) => deliveries.inc({ result }),
    observeDatabasePing,
    watchOutbox: (read) => {
      backlog = read;
    },
    scrape: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
    pingDatabase(database, intervalMs = DEFAULT_PING_INTERVAL_MS) {
      const ping = async () => {
        const started = process.hrtime.bigint();
        const up = await database.isUp();
        observeDatabasePing(Number(process.hrtime.bigint() - started) / 1e9, up);
      };
      void ping();
      const timer = setInterval(() => void ping(), intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
