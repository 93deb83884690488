// Keeps the launch session going while Playroute is open: the server's tokens live half an hour, so the client renews them before they end.
import { expiryOf, launchToken, storeLaunchToken } from './launch-token';

/** Renew once less than this is left; a renewal fails once the token has expired, so it must happen before. */
export const RENEW_WHEN_LEFT_MS = 10 * 60_000;

export function needsRenewal(token: string, now: number): boolean {
  const expiry = expiryOf(token);
  return expiry !== undefined && expiry - now < RENEW_WHEN_LEFT_MS && expiry > now;
}

let renewing: Promise<void> | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

/** Before a request: renews when the token is close to its end. Several requests at once share one renewal. */
export function renewIfDue(now = Date.now()): Promise<void> {
  const token = launchToken();
  if (!token || !needsRenewal(token, now)) return Promise.resolve();
  renewing ??= renew(token).finally(() => {
    renewing = null;
  });
  return renewing;
}

/**
 * Also renews while nobody clicks (a teacher writing a long description), so the save that follows still works.
 * A refused renewal (the session reached its end, or the LMS unenrolled the person) leaves the token as it was:
 * the next request then gets the server's own words for it.
 */
export function keepSessionAlive(): void {
  clearTimeout(timer);
  const token = launchToken();
  const expiry = token ? expiryOf(token) : undefined;
  if (expiry === undefined) return;
  const wait = Math.max(0, expiry - RENEW_WHEN_LEFT_MS - Date.now() + 1000);
  timer = setTimeout(() => {
    // Only a renewed token is worth waiting for again; a refused renewal stops the timer rather than retrying at once.
    void renewIfDue().then(() => {
      if (launchToken() !== token) keepSessionAlive();
    });
  }, wait);
}

async function renew(token: string): Promise<void> {
  try {
    const res = await fetch('/api/session/renew', { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) return;
    const body = (await res.json()) as { token?: unknown };
    if (typeof body.token === 'string') storeLaunchToken(body.token);
  } catch {
    // Offline for a moment: the next request or the timer tries again while the token lasts.
  }
}
