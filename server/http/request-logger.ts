// Logs each request once it is answered: method, path (never the query, which may carry tokens), status, duration, client address.
import type { RequestHandler } from 'express';
import { withoutRedaction, type Logger } from '../logger';

export function requestLogger(logger: Logger): RequestHandler {
  const lines = withoutRedaction(logger);
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // Probes (health, metrics) come every few seconds from each orchestrator: routine at debug, a failing one a warning.
      const probe = req.path === '/health' || req.path.startsWith('/health/') || req.path === '/metrics';
      const level = res.statusCode >= 500 ? (probe ? 'warn' : 'error') : probe ? 'debug' : 'info';
      // A line the level drops costs nothing to build (req.ip walks the proxy settings on every request).
      if (!lines.isLevelEnabled(level)) return;
      // req.ip is the client's address only through the proxies TRUST_PROXY names (server/app.ts), else the peer's.
      lines[level]({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms), ip: req.ip }, 'request');
    });
    next();
  };
}
