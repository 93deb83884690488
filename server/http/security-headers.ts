// Response headers every page and API answer carries: what scripts may run, who may frame Playroute, what may be cached.
import { createHash, randomBytes } from 'node:crypto';
import type { RequestHandler } from 'express';
import { AUTO_SUBMIT_SCRIPT } from '../html';
import { REGISTRATION_DONE_SCRIPT } from '../lti/pages/launch-pages';

export interface SecurityHeaderOptions {
  https: boolean;
  /** Origins that may show Playroute in a frame (the registered LMSs and Playroute itself), see framing-origins.ts. */
  framingOrigins: () => Promise<string[]>;
  /** Origins Playroute's own pages may frame: Playroute itself, under each name it answers to (the demo LMS frames it). */
  ownOrigins: string[];
}

// Scripts that never change are allowed by their hash; scripts that carry per-answer data use the answer's nonce.
const CONSTANT_SCRIPT_HASHES = [AUTO_SUBMIT_SCRIPT, REGISTRATION_DONE_SCRIPT].map((script) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`);

export function securityHeaders(options: SecurityHeaderOptions): RequestHandler {
  const policy = (nonce: string | undefined, ancestors: string[]) =>
    [
      "default-src 'self'",
      ["script-src 'self'", ...(nonce ? [`'nonce-${nonce}'`] : []), ...CONSTANT_SCRIPT_HASHES].join(' '),
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      ["frame-src 'self'", ...options.ownOrigins].join(' '),
      ancestors.includes('*') ? 'frame-ancestors *' : ["frame-ancestors 'self'", ...ancestors].join(' '),
      "object-src 'none'",
      "base-uri 'self'",
      // The launch and deep-linking answers post forms to the LMS, whose address is only known at run time.
      'form-action *',
    ].join('; ');
  // A JSON answer runs no script and is never shown in a frame: one policy for all of them, made once, with no
  // nonce (nothing under /api renders a page) and no lookup of who may frame it — the class's hundreds of saves a
  // second each skipped 16 random bytes, a policy string and a promise turn.
  const apiPolicy = policy(undefined, []);
  return (req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // Nothing of a Playroute URL (placement ids, file ids) needs to reach another site.
    res.setHeader('Referrer-Policy', 'same-origin');
    if (options.https) res.setHeader('Strict-Transport-Security', 'max-age=31536000');
    if (req.path === '/api' || req.path.startsWith('/api/')) {
      // Every API answer is about one person's launch: no browser or proxy cache may keep it.
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Content-Security-Policy', apiPolicy);
      next();
      return;
    }
    const nonce = randomBytes(16).toString('base64');
    res.locals.cspNonce = nonce;
    // The login and launch pages must show in the frame of an LMS host Playroute has not seen yet (the first launch
    // from a Canvas on the school's own domain teaches it that host); they hold no one's data and no action worth
    // tricking anyone into.
    const lookup = req.path.startsWith('/lti/') ? Promise.resolve(['*']) : options.framingOrigins();
    lookup.then((ancestors) => {
      // No X-Frame-Options: it cannot name the LMSs, and frame-ancestors supersedes it in every current browser.
      res.setHeader('Content-Security-Policy', policy(nonce, ancestors));
      next();
    }, next);
  };
}
