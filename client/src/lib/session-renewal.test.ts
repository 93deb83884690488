// When the client renews its session token: shortly before the end, never after it, never for a token it cannot read.
import { describe, expect, it } from 'vitest';
import { expiryOf } from './launch-token';
import { needsRenewal } from './session-renewal';

const NOW = Date.UTC(2030, 8, 2, 8, 0, 0);
const tokenExpiringIn = (minutes: number) =>
  `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify({ sub: 'u-1', exp: Math.floor((NOW + minutes * 60_000) / 1000) })).toString('base64url')}.signature`;

describe('renewing the session token', () => {
  it('reads the expiry from the token', () => {
    expect(expiryOf(tokenExpiringIn(30))).toBe(NOW + 30 * 60_000);
    expect(expiryOf('not-a-token')).toBeUndefined();
  });

  it('waits while plenty of time is left, renews in the last ten minutes, and not once the token has expired', () => {
    expect(needsRenewal(tokenExpiringIn(30), NOW)).toBe(false);
    expect(needsRenewal(tokenExpiringIn(11), NOW)).toBe(false);
    expect(needsRenewal(tokenExpiringIn(9), NOW)).toBe(true);
    expect(needsRenewal(tokenExpiringIn(0.5), NOW)).toBe(true);
    expect(needsRenewal(tokenExpiringIn(-1), NOW)).toBe(false);
    expect(needsRenewal('garbage', NOW)).toBe(false);
  });
});
