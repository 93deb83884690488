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
    store: createRateLimitCounters(deps.connection, { prefix: 'lti-login', limit: deps.limits.perClientPerMinute, now: deps.now }),
    // Per platform as well as per address: one school's class behind a NAT does not lock out another school.
    keyGenerator: (req, res) => `${ipKeyGenerator(req.ip ?? 'unknown')} ${String(res.locals.ltiIssuer)}`,
    handler: (_req, _res, next) => next(new LtiError(429, 'too_many_logins', 'Too many logins from this address in a short time. Wait a minute and open Playroute again.')),
  });

  const estimates = new WaitingEstimates(deps.limits.waitingPerIssuer);
  return {
    async admit(req, res, issuer) {
      res.locals.ltiIssuer = issuer;
      const at = deps.now().getTime();
      // Both asked at once (one round trip of waiting instead of two); the rate limit's answer still comes first.
      const waiting = estimates.farBelowCap(issuer, at) ? undefined : deps.loginStates.countWaiting(issuer, deps.now());
      waiting?.catch(() => undefined);
      await new Promise<void>((resolve, reject) => {
        void limiter(req, res, (err?: unknown) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve()));
      });
      if (waiting !== undefined) {
        const counted = await waiting;
        if (counted >= deps.limits.waitingPerIssuer) {
          throw new LtiError(503, 'too_many_waiting_logins', 'Playroute is busy with logins from this learning environment. Try again in a few minutes.');
        }
        estimates.counted(issuer, counted, at);
      }
      estimates.admitted(issuer);
    },
  };
}

/** How long a count of waiting logins stands in for a new one, while it is far below the cap. */
const ESTIMATE_MS = 5_000;

/**
 * The waiting-login cap is a flood guard, and counting a platform's waiting logins is a store command per login that
 * grows with the logins of the last ten minutes. So a count stands for a few seconds (ESTIMATE_MS), plus the logins
 * this process admitted since, as long as that estimate is under half the cap; nearer the cap every login counts
 * again, so the cap itself holds exactly as before. Spent and expired logins only make the estimate high (a recount
 * sooner). Other processes' logins go unseen for at most those seconds: the cap could only be passed by more than
 * half of it arriving elsewhere within them.
 */
class WaitingEstimates {
  private readonly byIssuer = new Map<string, { waiting: number; at: number }>();

  constructor(private readonly cap: number) {}

  farBelowCap(issuer: string, now: number): boolean {
    const estimate = this.byIssuer.get(issuer);
    return estimate !== undefined && now - estimate.at < ESTIMATE_MS && now >= estimate.at && estimate.waiting < this.cap / 2;
  }

  counted(issuer: string, waiting: number, now: number): void {
    this.byIssuer.set(issuer, { waiting, at: now });
  }

  admitted(issuer: string): void {
    const estimate = this.byIssuer.get(issuer);
    if (estimate) estimate.waiting += 1;
  }
}
