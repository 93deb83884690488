import { describe, expect, it } from 'vitest';
import { atLeast, roundTo } from './precision';

describe('rounding and thresholds without floating-point surprises', () => {
  it('rounds half up as written, even where binary gets in the way', () => {
    expect(roundTo(5.45, 1)).toBe(5.5);
    expect(roundTo(5.44999, 1)).toBe(5.4);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(0.1 + 0.2, 9)).toBe(0.3);
  });

  it('a value exactly on a threshold reaches it, also when arithmetic left it a hair below', () => {
    expect(atLeast(0.7 + 0.1, 0.8)).toBe(true);
    expect(atLeast(0.8, 0.8)).toBe(true);
    expect(atLeast(0.7999, 0.8)).toBe(false);
  });
});
