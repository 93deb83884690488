// The service-call log tests read, and the failure injection chaos tests switch on.
import type { RequestHandler } from 'express';
import type { LmsState } from './state';

export interface FailureInjection {
  /** Fraction of service requests to fail, 0..1. */
  rate: number;
  /** Statuses to answer with, picked in turn at random; default [500, 503]. */
  statuses?: number[];
  /** Makes the sequence of failures repeatable. */
  seed?: number;
}

/** mulberry32: a tiny seeded PRNG, enough to make chaos tests repeatable. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FailureInjector {
  private config: Required<Omit<FailureInjection, 'seed'>> = { rate: 0, statuses: [500, 503] };
  private random: () => number = Math.random;

  set(injection: FailureInjection | null): void {
    if (!injection) {
      this.config = { rate: 0, statuses: [500, 503] };
      return;
    }
    if (!(injection.rate >= 0 && injection.rate <= 1)) throw new Error('rate must be between 0 and 1');
    const statuses = injection.statuses?.length ? injection.statuses : [500, 503];
    this.config = { rate: injection.rate, statuses };
    this.random = injection.seed === undefined ? Math.random : seededRandom(injection.seed);
  }

  /** The status to fail this request with, or undefined to let it through. */
  draw(): number | undefined {
    if (this.config.rate <= 0 || this.random() >= this.config.rate) return undefined;
    const index = Math.floor(this.random() * this.config.statuses.length);
    return this.config.statuses[index] ?? 500;
  }
}

/** Logs every service request (with its final status) and fails a chosen fraction of them before they run. */
export function serviceMiddleware(state: LmsState, injector: FailureInjector, now: () => number): RequestHandler {
  return (req, res, next) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const query: Record<string, string> = {};
    for (const [name, value] of new URL(req.originalUrl, 'http://local').searchParams) query[name] = value;
    const entry = { at: now(), method: req.method, path: req.baseUrl + req.path, query, headers, status: undefined as number | undefined, injectedFailure: false };
    state.requestLog.push(entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
    });
    const failure = injector.draw();
    if (failure !== undefined) {
      entry.injectedFailure = true;
      if (failure === 503) res.set('Retry-After', '1');
      res.status(failure).json({ error: 'server_error', error_description: 'injected failure' });
      return;
    }
    next();
  };
}
