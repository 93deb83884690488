// Takes the launch session token from the URL fragment once, keeps it for this tab, and removes it from the address bar.

const STORAGE_KEY = 'playroute.session';

/** Called once at start-up: a new launch replaces the token of an earlier one in this tab. */
export function captureLaunchToken(location: Location = window.location, history: History = window.history): void {
  const match = /(?:^#|&)session=([^&]+)/.exec(location.hash);
  if (!match?.[1]) return;
  storeLaunchToken(decodeURIComponent(match[1]));
  history.replaceState(null, '', `${location.pathname}${location.search}`);
}

/** Keeps a token for this tab: the launch's, or a renewed one replacing it. */
export function storeLaunchToken(token: string): void {
  memoryToken = token;
  try {
    sessionStorage.setItem(STORAGE_KEY, token);
  } catch {
    // Storage refused (a third-party iframe): the token lives as long as the page.
  }
}

// Some browsers refuse storage inside a third-party iframe; the token then lives as long as the page.
let memoryToken: string | null = null;

export function launchToken(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY) ?? memoryToken;
  } catch {
    return memoryToken;
  }
}

/** When the token expires (ms since the epoch), read from its payload; the server checks the signature, not the client. */
export function expiryOf(token: string): number | undefined {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
