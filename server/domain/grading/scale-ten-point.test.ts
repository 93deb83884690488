import { describe, expect, it } from 'vitest';
import { gradeOnTenPointScale, type TenPointScale } from './scale-ten-point';
import { buildGradeInput } from './test-factories';

const linear: TenPointScale = { kind: 'ten-point', mapping: { kind: 'linear' } };
const cutOff: TenPointScale = { kind: 'ten-point', mapping: { kind: 'cut-off', passFraction: 0.55 } };
const grade = (scale: TenPointScale, fraction: number, passed: boolean) =>
  gradeOnTenPointScale(scale, buildGradeInput({ fraction, passed }));

describe('the 1–10 scale with a linear mapping (1 + 9·fraction)', () => {
  it('nothing earned is a 1.0 and everything earned a 10.0, out of 10 for the LMS', () => {
    expect(grade(linear, 0, false)).toMatchObject({ display: '1.0', scoreGiven: 1, scoreMaximum: 10, passed: false });
    expect(grade(linear, 1, true)).toMatchObject({ display: '10.0', scoreGiven: 10, scoreMaximum: 10, passed: true });
  });

  it('half the maximum is exactly the pass mark 5.5; just below and just above round normally', () => {
    expect(grade(linear, 0.5, true).scoreGiven).toBe(5.5);
    expect(grade(linear, 0.49, false).scoreGiven).toBe(5.4);
    expect(grade(linear, 0.51, true).scoreGiven).toBe(5.6);
  });

  it('when failed work maps to 5.45, rounding does not turn it into a 5.5: it gets 5.4', () => {
    const result = grade(linear, 4.45 / 9, false);
    expect(result.explanation).toMatchObject({ rounded: 5.5, adjustment: 'capped-below-pass-mark' });
    expect(result).toMatchObject({ scoreGiven: 5.4, display: '5.4', passed: false });
  });

  it('when passed work maps to 5.45, it rounds up to the 5.5 it earned', () => {
    expect(grade(linear, 4.45 / 9, true)).toMatchObject({ scoreGiven: 5.5, passed: true });
    expect(grade(linear, 4.45 / 9, true).explanation).toMatchObject({ adjustment: 'none' });
  });

  it('when a criterion failed (non-compensatory) but the points are high, the grade stays at 5.4', () => {
    expect(grade(linear, 0.95, false)).toMatchObject({ scoreGiven: 5.4, passed: false });
  });

  it('when the rule passed work the mapping puts below 5.5, the grade is raised to the pass mark', () => {
    const result = grade(linear, 0.3, true);
    expect(result).toMatchObject({ scoreGiven: 5.5, passed: true });
    expect(result.explanation).toMatchObject({ raw: 3.7, adjustment: 'raised-to-pass-mark' });
  });

  it('another pass mark moves the cap with it', () => {
    const strict: TenPointScale = { ...linear, passMark: 6 };
    expect(grade(strict, 0.6, false).scoreGiven).toBe(5.9);
    expect(grade(strict, 0.5, true).scoreGiven).toBe(6);
  });
});

describe('the 1–10 scale with a cut-off mapping (pass threshold 0.55 maps to exactly 5.5)', () => {
  it('exactly on the cut-off is exactly the pass mark', () => {
    expect(grade(cutOff, 0.55, true).explanation).toMatchObject({ raw: 5.5, rounded: 5.5, adjustment: 'none' });
  });

  it('just below the cut-off is a fail: 5.499 would round to 5.5, and is shown as 5.4', () => {
    expect(grade(cutOff, 0.5499, false)).toMatchObject({ scoreGiven: 5.4, passed: false });
  });

  it('just above the cut-off is a 5.5', () => {
    expect(grade(cutOff, 0.5501, true).scoreGiven).toBe(5.5);
  });

  it('0 is a 1.0, the maximum a 10.0, and each side is linear', () => {
    expect(grade(cutOff, 0, false).scoreGiven).toBe(1);
    expect(grade(cutOff, 1, true).scoreGiven).toBe(10);
    expect(grade(cutOff, 0.275, false).explanation).toMatchObject({ raw: 3.25, rounded: 3.3 });
    expect(grade(cutOff, 0.775, true).scoreGiven).toBe(7.8); // 5.5 + 4.5 · 0.225 / 0.45 = 7.75
  });
});

describe('refusing a 1–10 scale that cannot work', () => {
  it('a pass mark with two decimals, a cut-off at 0 or 1, or a fraction outside 0..1 is refused', () => {
    expect(() => grade({ ...linear, passMark: 5.55 }, 0.5, true)).toThrow(expect.objectContaining({ code: 'invalid_configuration' }));
    expect(() => grade({ ...cutOff, mapping: { kind: 'cut-off', passFraction: 0 } }, 0.5, true)).toThrow();
    expect(() => grade({ ...cutOff, mapping: { kind: 'cut-off', passFraction: 1 } }, 0.5, true)).toThrow();
    expect(() => grade(linear, 1.01, true)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});
