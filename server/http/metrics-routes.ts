// The HTTP side of the metrics: request latency by route, and /metrics for Prometheus — never public: behind a bearer
// token on the app's port, or alone on a port of its own (METRICS_PORT) that the proxy does not forward.
import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Router, type Request, type RequestHandler } from 'express';
import type { Metrics } from '../metrics/index';

/** Times each request and files it under its route pattern once answered (`/api/playbooks/:id`, not the id). */
export function requestMetrics(metrics: Pick<Metrics, 'observeRequest'>): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const matched = rememberMatchedRoute(req);
    res.on('finish', () => {
      metrics.observeRequest({
        method: req.method,
        route: matched() ?? 'unmatched',
        status: res.statusCode,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
      });
    });
    next();
  };
}

const ROUTE = Symbol('route');
const PATTERN = Symbol('matched route pattern');
interface Noted {
  [ROUTE]?: { path?: unknown };
  [PATTERN]?: string;
  baseUrl?: string;
}
const notingPrototypes = new WeakSet<object>();

/**
 * The pattern of the route that took the request, with the mount path it had then. Read at the end, req.baseUrl may be
 * an error handler's mount instead (a rejected launch would read /lti/lti/launch), so it is noted when express sets
 * req.route. Requests no route answered (made-up paths, static files) get none: one label, so they cannot grow the series.
 * The note is an accessor on the app's request prototype (express gives each app one), defined once: defined on each
 * request instead, it cost every request a property redefinition and gave each one a shape of its own. (Playroute
 * mounts routers, not express sub-apps: a sub-app's requests get its own prototype, which this would not see.)
 */
function rememberMatchedRoute(req: Request): () => string | undefined {
  const prototype = Object.getPrototypeOf(req) as object;
  if (!notingPrototypes.has(prototype)) {
    notingPrototypes.add(prototype);
    Object.defineProperty(prototype, 'route', {
      configurable: true,
      enumerable: true,
      get(this: Noted) {
        return this[ROUTE];
      },
      set(this: Noted, value: { path?: unknown } | undefined) {
        this[ROUTE] = value;
        if (value?.path !== undefined) this[PATTERN] = `${this.baseUrl ?? ''}${String(value.path)}`;
      },
    });
  }
  return () => (req as unknown as Noted)[PATTERN];
}

/** GET /metrics on the app's port, for a scraper that presents `Authorization: Bearer <token>`. */
export function metricsRoute(props: { metrics: Pick<Metrics, 'scrape'>; token: string }): Router {
  const router = Router();
  router.get('/metrics', async (req, res) => {
    if (!bearerMatches(req.get('authorization'), props.token)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      res.status(401).json({ error: { code: 'not_authenticated', message: 'Metrics need the metrics token.' } });
      return;
    }
    const { contentType, body } = await props.metrics.scrape();
    res.setHeader('Cache-Control', 'no-store');
    res.type(contentType).send(body);
  });
  return router;
}

// Both sides hashed first: equal lengths for timingSafeEqual, and the comparison takes as long whatever was sent.
function bearerMatches(header: string | undefined, token: string): boolean {
  const presented = /^Bearer (.+)$/i.exec(header ?? '')?.[1]?.trim() ?? '';
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(token)) && presented.length > 0;
}

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

/** /metrics alone on its own port (no token: reaching the port is the permission); every other path is 404. */
export async function startMetricsServer(props: { metrics: Pick<Metrics, 'scrape'>; port: number; host: string }): Promise<MetricsServer> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || new URL(req.url ?? '/', 'http://metrics').pathname !== '/metrics') {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    props.metrics.scrape().then(
      ({ contentType, body }) => res.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' }).end(body),
      () => res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Metrics failed'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(props.port, props.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
