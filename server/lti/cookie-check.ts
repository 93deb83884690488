// Whether the state cookie survives inside the LMS page, asked before the LMS's one-time login is spent on a launch that would fail.
import type { Request, RequestHandler } from 'express';
import { stateCookie } from './state-cookie';
import { toolUrls } from './tool-urls';

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

/** Where the launch page asks whether the cookie of this login came back. */
export function cookieCheckUrl(publicUrl: string, state: string): string {
  return `${toolUrls(publicUrl).base}/lti/cookie-check?state=${encodeURIComponent(state)}`;
}

/**
 * The same login, to be started afresh in a window of its own, where the cookie is first-party. Without
 * lti_storage_target: there is no LMS window around it to store anything in.
 */
export function relaunchUrl(publicUrl: string, params: Record<string, string | undefined>): string {
  const url = new URL(toolUrls(publicUrl).login);
  for (const [name, value] of Object.entries(params)) if (value !== undefined && name !== 'lti_storage_target') url.searchParams.set(name, value);
  return url.toString();
}
