// Guards the unauthenticated login initiation, which stores a login state per request: a rate limit per
// client address and platform (counted in MongoDB, so it holds across processes) and a cap on waiting logins.
import type { Request, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Connection } from 'mongoose';
import type { Config } from '../config';
import type { LoginStates } from './store/login-states';
import { createRateLimitCounters } from './store/rate-limit-counters';
import { LtiError } from './lti-errors';

export interface LoginGuard {
  /** Resolves when this client may start a login with this platform now; throws a 429 or 503 LtiError otherwise. */
  admit(req: Request, res: Response, issuer: string): Promise<void>;
}

export function createLoginGuard(deps: { connection: Connection; limits: Config['loginLimits']; loginStates: LoginStates; now: () => Date }): LoginGuard {
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: deps.limits.perClientPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store: createRateLimitCounters(deps.connection, { prefix: 'lti-login', now: deps.now }),
    // Per platform as well as per address: one school's class behind a NAT does not lock out another school.
    keyGenerator: (req, res) => `${ipKeyGenerator(req.ip ?? 'unknown')} ${String(res.locals.ltiIssuer)}`,
    handler: (_req, _res, next) => next(new LtiError(429, 'too_many_logins', 'Too many logins from this address in a short time. Wait a minute and open Playroute again.')),
  });

  return {
    async admit(req, res, issuer) {
      res.locals.ltiIssuer = issuer;
      // Both asked at once (one round trip of waiting instead of two); the rate limit's answer still comes first.
      const waiting = deps.loginStates.countWaiting(issuer, deps.now());
      waiting.catch(() => undefined);
      await new Promise<void>((resolve, reject) => {
        void limiter(req, res, (err?: unknown) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve()));
      });
      if ((await waiting) >= deps.limits.waitingPerIssuer) {
        throw new LtiError(503, 'too_many_waiting_logins', 'Playroute is busy with logins from this learning environment. Try again in a few minutes.');
      }
    },
  };
}
