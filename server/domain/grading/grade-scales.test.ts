import { describe, expect, it } from 'vitest';
import { applyGradeScale, type GradeScale } from './grade-scales';
import { buildGradeInput } from './test-factories';

const apply = (scale: GradeScale, fraction: number, passed: boolean, extra = {}) =>
  applyGradeScale({ scale, result: buildGradeInput({ fraction, passed, ...extra }) });

describe('O/V/G with "good" from 0.8', () => {
  const ovg: GradeScale = { kind: 'ovg', goodFrom: 0.8 };

  it('exactly on the cut-off is G, just below is V', () => {
    expect(apply(ovg, 0.8, true)).toMatchObject({ display: 'G', labelKey: 'grade.ovg.good', scoreGiven: 2, scoreMaximum: 2 });
    expect(apply(ovg, 0.7999, true)).toMatchObject({ display: 'V', scoreGiven: 1 });
  });

  it('failed work is O whatever its points, including the maximum', () => {
    expect(apply(ovg, 1, false)).toMatchObject({ display: 'O', scoreGiven: 0, passed: false });
    expect(apply(ovg, 0, false)).toMatchObject({ display: 'O', scoreGiven: 0 });
  });

  it('passed work is at least V, even at 0, and G at the maximum', () => {
    expect(apply(ovg, 0, true).display).toBe('V');
    expect(apply(ovg, 1, true).display).toBe('G');
  });

  it('a cut-off outside 0..1 is refused', () => {
    expect(() => apply({ kind: 'ovg', goodFrom: 80 }, 0.9, true)).toThrow(expect.objectContaining({ code: 'invalid_configuration' }));
  });
});

describe('pass/fail', () => {
  it('sends 1 of 1 for a pass and 0 of 1 for a fail, at any fraction', () => {
    expect(apply({ kind: 'pass-fail' }, 0, true)).toMatchObject({ display: 'pass', scoreGiven: 1, scoreMaximum: 1, passed: true });
    expect(apply({ kind: 'pass-fail' }, 1, false)).toMatchObject({ display: 'fail', scoreGiven: 0, scoreMaximum: 1, passed: false });
  });
});

describe('points', () => {
  it('with a maximum of its own, the score is fraction × maximum, rounded to 2 decimals', () => {
    expect(apply({ kind: 'points', maximum: 100 }, 0.555, true)).toMatchObject({ scoreGiven: 55.5, scoreMaximum: 100, display: '55.5/100' });
    expect(apply({ kind: 'points', maximum: 10 }, 1 / 3, false).scoreGiven).toBe(3.33);
    expect(apply({ kind: 'points', maximum: 100 }, 0, false).scoreGiven).toBe(0);
    expect(apply({ kind: 'points', maximum: 100 }, 1, true).scoreGiven).toBe(100);
  });

  it('without one, it sends the rubric points out of the rubric maximum, unadjusted by the verdict', () => {
    expect(apply({ kind: 'points' }, 7 / 9, false, { points: 7, maxPoints: 9 })).toMatchObject({ scoreGiven: 7, scoreMaximum: 9, passed: false });
  });

  it('without any maximum it refuses rather than guess', () => {
    expect(() => apply({ kind: 'points' }, 0.5, true)).toThrow(expect.objectContaining({ code: 'invalid_configuration' }));
  });
});

describe('one verdict for every scale', () => {
  it('the same failed result is failed on every scale', () => {
    const scales: GradeScale[] = [
      { kind: 'ten-point', mapping: { kind: 'linear' } },
      { kind: 'ovg', goodFrom: 0.8 },
      { kind: 'pass-fail' },
      { kind: 'points', maximum: 100 },
    ];
    expect(scales.map((scale) => apply(scale, 0.9, false).passed)).toEqual([false, false, false, false]);
  });
});
