// Whether the state cookie survives inside the LMS page, asked before the LMS's one-time login is spent on a launch that would fail.
import type { Request, RequestHandler } from 'express';
import { stateCookie } from './state-cookie';

/**
 * A login opened in a frame of another site is where browsers refuse cookies (third-party). The browser says so itself
 * in its Fetch Metadata headers (w3c.github.io/webappsec-fetch-metadata); a top-level window, a same-site LMS, or a
 * client that sends no such headers goes straight on to the LMS as before.
 */
export function isCrossSiteFrame(req: Request): boolean {
  return req.get('sec-fetch-dest') === 'iframe' && req.get('sec-fetch-site') === 'cross-site';
}

/** GET /lti/cookie-check?state=…: did the state cookie come back? Says nothing else, and nothing may cache it. */
export function cookieCheckRoute(): RequestHandler {
  return (req, res) => {
    const state = typeof req.query.state === 'string' ? req.query.state : '';
    res.setHeader('Cache-Control', 'no-store');
    res.json({ cookie: state !== '' && stateCookie.isPresent(req.get('cookie'), state) });
  };
}
