// Error handling for the endpoints a browser reaches through the LMS: a readable page in the person's language, never a stack.
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from '../logger';
import { LtiError } from './lti-errors';
import { BlockedBrowserError } from './launch-handler';
import { launchFailedPage } from './pages/launch-pages';
import { pageLanguage } from './pages/page-messages';

/** Wraps an async handler so its rejection reaches the error middleware. */
export function asyncHandler(handler: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return (req, res, next: NextFunction) => {
    handler(req, res).catch(next);
  };
}

export function launchErrorPages(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const known = err instanceof LtiError;
    const status = known ? err.status : 500;
    const code = known ? err.code : 'internal_error';
    // Rejections are expected traffic (expired launches, probes): logged without the token or cookies.
    if (known) logger.warn({ code, status, path: req.path, reason: err.message }, 'LTI message rejected');
    else logger.error({ err, path: req.path }, 'LTI endpoint failed');
    if (res.headersSent) return;
    res.setHeader('Cache-Control', 'no-store');
    const language = pageLanguage(req.get('accept-language'));
    res.status(status).type('html').send(launchFailedPage({ language, code, blocked: err instanceof BlockedBrowserError }));
  };
}
