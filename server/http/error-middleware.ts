// Turns any error thrown by a route into one JSON shape; unknown errors are logged and answered neutrally.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../logger';
import { fromDomainError } from './domain-errors';
import { AppError, NotFoundError } from '../errors';

export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

export function notFoundHandler(): RequestHandler {
  return (_req, _res, next) => next(new NotFoundError());
}

export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const appError = toAppError(err);
    if (appError.status >= 500) {
      logger.error({ err, method: req.method, path: req.path }, 'request failed');
    }
    if (res.headersSent) return;
    const body: ErrorBody = { error: { code: appError.code, message: appError.message } };
    if (appError.details) body.error.details = appError.details;
    res.status(appError.status).json(body);
  };
}

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const domain = fromDomainError(err);
  if (domain) return domain;
  // express's body parser signals malformed JSON and oversized bodies with a status of its own.
  if (isHttpError(err) && err.status >= 400 && err.status < 500) {
    const code = err.type === 'entity.too.large' ? 'payload_too_large' : 'bad_request';
    const message = err.type === 'entity.too.large' ? 'The request is too large.' : 'The request could not be read.';
    return new AppError(err.status, code, message);
  }
  return new AppError(500, 'internal_error', 'Something went wrong on our side. Please try again.');
}

function isHttpError(err: unknown): err is { status: number; type?: string } {
  return typeof err === 'object' && err !== null && typeof (err as { status?: unknown }).status === 'number';
}
