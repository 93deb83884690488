// Logs each request once it is answered: method, path (never the query, which may carry tokens), status, duration.
import type { RequestHandler } from 'express';
import type { Logger } from '../logger';

export function requestLogger(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const level = res.statusCode >= 500 ? 'error' : req.path === '/health' ? 'debug' : 'info';
      logger[level]({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms) }, 'request');
    });
    next();
  };
}
