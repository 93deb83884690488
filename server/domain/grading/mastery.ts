// Mastery of one learning outcome across attempts, by the method the teacher chose for that outcome.
//
// Attempts are ordered by `assessedAt` (oldest first; equal times keep their given order).
// f_i is the fraction of attempt i, the last attempt is the latest. Methods:
// - most-recent:   the latest attempt's fraction and verdict.
// - highest:       the best attempt, where any passed attempt beats any failed one and then the
//                  higher fraction wins (ties: the later attempt). A failed attempt with more
//                  points (non-compensatory fail) therefore never hides a passed one.
// - decaying-average (weight w, 0 < w ≤ 1, Canvas-style):
//                  one attempt: f_1; more: w·f_latest + (1 − w)·mean(f of all earlier attempts).
//                  Passed when the score ≥ masteryFraction. Averaging mixes attempts, so per-
//                  attempt verdicts no longer decide; the threshold does.
// - n-times (n ≥ 1): an attempt counts when it passed. Mastered once n attempts passed; the
//                  score is then the mean fraction of the passed attempts (failed practice is
//                  not held against the student). Until then: not passed, and the score is the
//                  highest fraction so far (the scales keep it below a pass, see grade-input.ts).

import { GradingError } from './errors';
import { atLeast, COMPARE_DECIMALS, isFraction, roundTo } from './precision';

export interface ScoredAttempt {
  attemptId: string;
  /** ISO 8601 timestamp of the assessment. */
  assessedAt: string;
  fraction: number;
  passed: boolean;
}

export type MasteryMethod =
  | { kind: 'most-recent' }
  | { kind: 'highest' }
  | { kind: 'decaying-average'; latestWeight: number; masteryFraction: number }
  | { kind: 'n-times'; n: number };

export type MasteryResult =
  | { status: 'not-assessed'; method: MasteryMethod; attemptCount: 0 }
  | {
      status: 'assessed';
      method: MasteryMethod;
      fraction: number;
      passed: boolean;
      attemptCount: number;
      /** The attempts the score was taken from, oldest first. */
      countedAttemptIds: string[];
    };

export interface ComputeMasteryProps {
  method: MasteryMethod;
  attempts: ScoredAttempt[];
}

export function computeMastery({ method, attempts }: ComputeMasteryProps): MasteryResult {
  assertValidMethod(method);
  const ordered = orderByTime(attempts);
  const latest = ordered.at(-1);
  // No attempt means not assessed yet: never a silent zero.
  if (!latest) return { status: 'not-assessed', method, attemptCount: 0 };
  const assessed = (fraction: number, passed: boolean, counted: ScoredAttempt[]): MasteryResult => ({
    status: 'assessed',
    method,
    fraction: roundTo(fraction, COMPARE_DECIMALS),
    passed,
    attemptCount: ordered.length,
    countedAttemptIds: counted.map((a) => a.attemptId),
  });

  switch (method.kind) {
    case 'most-recent':
      return assessed(latest.fraction, latest.passed, [latest]);
    case 'highest': {
      const best = ordered.reduce((a, b) => (isBetter(b, a) ? b : a));
      return assessed(best.fraction, best.passed, [best]);
    }
    case 'decaying-average': {
      const earlier = ordered.slice(0, -1);
      const score =
        earlier.length === 0
          ? latest.fraction
          : method.latestWeight * latest.fraction + (1 - method.latestWeight) * mean(earlier);
      return assessed(score, atLeast(score, method.masteryFraction), ordered);
    }
    case 'n-times': {
      const passedAttempts = ordered.filter((a) => a.passed);
      if (passedAttempts.length >= method.n) return assessed(mean(passedAttempts), true, passedAttempts);
      const best = ordered.reduce((a, b) => (b.fraction >= a.fraction ? b : a));
      return assessed(best.fraction, false, [best]);
    }
  }
}

/** Passed beats failed, then the higher fraction; `>=` lets a later equal attempt win. */
function isBetter(candidate: ScoredAttempt, current: ScoredAttempt): boolean {
  if (candidate.passed !== current.passed) return candidate.passed;
  return candidate.fraction >= current.fraction;
}

function mean(attempts: ScoredAttempt[]): number {
  return attempts.reduce((sum, a) => sum + a.fraction, 0) / attempts.length;
}

function orderByTime(attempts: ScoredAttempt[]): ScoredAttempt[] {
  const timed = attempts.map((attempt) => {
    const time = Date.parse(attempt.assessedAt);
    if (Number.isNaN(time)) {
      throw new GradingError('invalid_input', `Attempt ${attempt.attemptId} has no valid assessedAt.`);
    }
    if (!isFraction(attempt.fraction)) {
      throw new GradingError('invalid_input', `Attempt ${attempt.attemptId} has a fraction outside 0..1.`);
    }
    return { attempt, time };
  });
  // Array.prototype.sort is stable, so equal times keep their given order.
  return timed.sort((a, b) => a.time - b.time).map((t) => t.attempt);
}

function assertValidMethod(method: MasteryMethod): void {
  if (method.kind === 'decaying-average') {
    const w = method.latestWeight;
    if (!(Number.isFinite(w) && w > 0 && w <= 1) || !isFraction(method.masteryFraction)) {
      throw new GradingError('invalid_configuration', 'latestWeight must be in (0, 1] and masteryFraction in [0, 1].');
    }
  }
  if (method.kind === 'n-times' && !(Number.isInteger(method.n) && method.n >= 1)) {
    throw new GradingError('invalid_configuration', 'n must be a whole number of at least 1.');
  }
}
