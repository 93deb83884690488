import { describe, expect, it } from 'vitest';
import { computeMastery, type MasteryResult } from './mastery';
import { buildAttempt } from './test-factories';

const day = (d: number) => `2025-03-${String(d).padStart(2, '0')}T10:00:00.000Z`;
const assessed = (result: MasteryResult) => {
  if (result.status !== 'assessed') throw new Error('expected an assessed result');
  return result;
};

describe('mastery across attempts', () => {
  const older = buildAttempt({ attemptId: 'older', assessedAt: day(1), fraction: 0.9, passed: true });
  const newer = buildAttempt({ attemptId: 'newer', assessedAt: day(5), fraction: 0.4, passed: false });

  it('without attempts the outcome is not assessed yet, not a zero', () => {
    expect(computeMastery({ method: { kind: 'most-recent' }, attempts: [] })).toEqual({
      status: 'not-assessed', method: { kind: 'most-recent' }, attemptCount: 0,
    });
  });

  it('most recent takes the latest by timestamp, not the last in the list', () => {
    const result = assessed(computeMastery({ method: { kind: 'most-recent' }, attempts: [newer, older] }));
    expect(result).toMatchObject({ fraction: 0.4, passed: false, countedAttemptIds: ['newer'], attemptCount: 2 });
  });

  it('when two attempts share a timestamp, the one given later counts as the latest', () => {
    const a = buildAttempt({ attemptId: 'a', assessedAt: day(2), fraction: 0.5 });
    const b = buildAttempt({ attemptId: 'b', assessedAt: day(2), fraction: 0.7 });
    expect(assessed(computeMastery({ method: { kind: 'most-recent' }, attempts: [a, b] })).countedAttemptIds).toEqual(['b']);
  });

  it('highest keeps the best attempt', () => {
    const result = assessed(computeMastery({ method: { kind: 'highest' }, attempts: [older, newer] }));
    expect(result).toMatchObject({ fraction: 0.9, passed: true, countedAttemptIds: ['older'] });
  });

  it('highest never lets a failed attempt with more points hide a passed one', () => {
    const failedHigh = buildAttempt({ attemptId: 'failed-high', assessedAt: day(1), fraction: 0.95, passed: false });
    const passedLower = buildAttempt({ attemptId: 'passed-lower', assessedAt: day(2), fraction: 0.6, passed: true });
    const result = assessed(computeMastery({ method: { kind: 'highest' }, attempts: [failedHigh, passedLower] }));
    expect(result).toMatchObject({ fraction: 0.6, passed: true, countedAttemptIds: ['passed-lower'] });
  });

  it('decaying average: the latest counts w, the mean of the earlier ones 1 − w', () => {
    const attempts = [
      buildAttempt({ assessedAt: day(3), fraction: 0.8 }),
      buildAttempt({ assessedAt: day(1), fraction: 0.4 }),
      buildAttempt({ assessedAt: day(2), fraction: 0.6 }),
    ];
    // 0.65 · 0.8 + 0.35 · mean(0.4, 0.6) = 0.52 + 0.175 = 0.695
    const method = { kind: 'decaying-average', latestWeight: 0.65, masteryFraction: 0.695 } as const;
    const result = assessed(computeMastery({ method, attempts }));
    expect(result).toMatchObject({ fraction: 0.695, passed: true });
    const stricter = assessed(computeMastery({ method: { ...method, masteryFraction: 0.6951 }, attempts }));
    expect(stricter.passed).toBe(false);
  });

  it('decaying average of a single attempt is that attempt', () => {
    const method = { kind: 'decaying-average', latestWeight: 0.65, masteryFraction: 0.55 } as const;
    expect(assessed(computeMastery({ method, attempts: [newer] }))).toMatchObject({ fraction: 0.4, passed: false });
  });

  it('n times: not mastered until n attempts passed; the score is then the mean of the passed attempts', () => {
    const method = { kind: 'n-times', n: 2 } as const;
    const first = buildAttempt({ attemptId: 'p1', assessedAt: day(1), fraction: 0.7, passed: true });
    const failed = buildAttempt({ attemptId: 'f', assessedAt: day(2), fraction: 0.3, passed: false });
    const second = buildAttempt({ attemptId: 'p2', assessedAt: day(3), fraction: 0.9, passed: true });

    const once = assessed(computeMastery({ method, attempts: [first, failed] }));
    expect(once).toMatchObject({ passed: false, fraction: 0.7, countedAttemptIds: ['p1'] });

    const twice = assessed(computeMastery({ method, attempts: [first, failed, second] }));
    expect(twice).toMatchObject({ passed: true, fraction: 0.8, countedAttemptIds: ['p1', 'p2'] });
  });

  it('a method that cannot work, or an attempt without a valid time, is refused', () => {
    expect(() => computeMastery({ method: { kind: 'n-times', n: 0 }, attempts: [] })).toThrow(expect.objectContaining({ code: 'invalid_configuration' }));
    expect(() =>
      computeMastery({ method: { kind: 'decaying-average', latestWeight: 0, masteryFraction: 0.5 }, attempts: [] }),
    ).toThrow(expect.objectContaining({ code: 'invalid_configuration' }));
    expect(() => computeMastery({ method: { kind: 'highest' }, attempts: [buildAttempt({ assessedAt: 'yesterday' })] })).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
  });
});
