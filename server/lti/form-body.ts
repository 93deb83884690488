// The form parser of the LTI endpoints, whose refusals (too large, too many fields, bad charset or encoding) become LtiErrors.
import express, { type RequestHandler } from 'express';
import { LtiError } from './lti-errors';

/** body-parser's error types (see its README, "Errors"), as the stable codes the error page shows. */
const CODES: Record<string, string> = {
  'entity.too.large': 'request_too_large',
  'parameters.too.many': 'too_many_parameters',
  'charset.unsupported': 'unsupported_charset',
  'encoding.unsupported': 'unsupported_encoding',
};

const MESSAGES: Record<string, string> = {
  request_too_large: 'The request is larger than an LTI message can be.',
  too_many_parameters: 'The request has more fields than an LTI message has.',
  unsupported_charset: 'The request is in a character set Playroute does not read; send UTF-8.',
  unsupported_encoding: 'The request is compressed in a way Playroute does not read.',
  unreadable_request: 'The request body could not be read.',
};

/** A urlencoded parser with a limit; a client's mistake is a 4xx LtiError (a page, a warning), never a 500 in the error log. */
export function ltiForm(options: { limit: string }): RequestHandler {
  const parse = express.urlencoded({ extended: false, limit: options.limit, parameterLimit: 100 });
  return (req, res, next) => {
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      const { status, type } = err as { status?: number; type?: string };
      if (typeof status !== 'number' || status < 400 || status >= 500) return next(err);
      const code = (type && CODES[type]) ?? 'unreadable_request';
      next(new LtiError(status, code, MESSAGES[code] ?? 'The request body could not be read.'));
    });
  };
}
