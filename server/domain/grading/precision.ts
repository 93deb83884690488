// Rounding and threshold comparison that binary floating point cannot trip up.
//
// Sums of weights such as 0.1 + 0.2 give 0.30000000000000004, so a student exactly on a
// threshold could land a hair below or above it. Every threshold comparison therefore rounds
// both sides to COMPARE_DECIMALS first: far finer than any difference a grade can express,
// far coarser than the noise of binary arithmetic.

export const COMPARE_DECIMALS = 9;

/**
 * Rounds half up to `decimals` places. The value is first cut to 12 significant digits so
 * that 5.45 * 10 = 54.5 and 1.005 * 100 = 100.49999999999999 both round as written (up).
 */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const cleaned = Number((value * factor).toPrecision(12));
  return Math.round(cleaned) / factor;
}

/** True when `value` reaches `threshold`, ignoring floating-point noise. */
export function atLeast(value: number, threshold: number): boolean {
  return roundTo(value, COMPARE_DECIMALS) >= roundTo(threshold, COMPARE_DECIMALS);
}

/** A fraction must be a finite number in 0..1; anything else is a programming error upstream. */
export function isFraction(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= 1;
}
