// When to try a delivery again: the LMS's Retry-After when it gave one, else exponential backoff with jitter so workers do not retry in step.

export interface BackoffProps {
  /** The attempt that just failed, counting from 1. */
  attempt: number;
  baseMs?: number;
  maxMs?: number;
  retryAfterMs?: number;
  random?: () => number;
}

export function backoffDelay(props: BackoffProps): number {
  const baseMs = props.baseMs ?? 1000;
  const maxMs = props.maxMs ?? 3_600_000;
  if (props.retryAfterMs !== undefined) return Math.min(Math.max(props.retryAfterMs, 0), maxMs);
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, props.attempt - 1));
  // "Equal jitter": at least half the ceiling, so a retry never comes straight back.
  return Math.round(ceiling / 2 + (props.random ?? Math.random)() * (ceiling / 2));
}
