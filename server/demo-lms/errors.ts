// The platform's one error type and the middleware that answers it in the shape each endpoint family expects.
import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';

export class LmsError extends Error {
  constructor(
    readonly status: number,
    /** OAuth2-style error code, e.g. invalid_client, invalid_scope, not_found. */
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'LmsError';
  }
}

/** First zod issue as "field: problem", the way the rest of Playroute reports validation errors. */
export function describeZodError(error: ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid input';
  const path = issue.path.join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** Answers `{ error, error_description }` (RFC 6749 §5.2 shape) for every failure under the router. */
export const lmsErrorHandler: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  if (error instanceof LmsError) {
    res.set(error.headers).status(error.status).json({ error: error.code, error_description: error.message });
    return;
  }
  if (error instanceof ZodError) {
    res.status(400).json({ error: 'invalid_request', error_description: describeZodError(error) });
    return;
  }
  // body-parser errors carry a status (malformed JSON, too large); keep it, hide the details.
  const status = typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : 500;
  const code = status >= 500 ? 'server_error' : 'invalid_request';
  res.status(Number.isInteger(status) ? status : 500).json({ error: code, error_description: code });
};
