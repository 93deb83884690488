// Response headers every page and API answer carries; framing stays allowed, since the LMS shows Playroute in an iframe.
import type { RequestHandler } from 'express';

export function securityHeaders(options: { https: boolean }): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // Nothing of a Playroute URL (placement ids, file ids) needs to reach another site.
    res.setHeader('Referrer-Policy', 'same-origin');
    // Scripts only from Playroute itself (the launch pages' small inline scripts included); no plugins, no base tag tricks.
    res.setHeader('Content-Security-Policy', "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action *");
    if (options.https) res.setHeader('Strict-Transport-Security', 'max-age=31536000');
    next();
  };
}
