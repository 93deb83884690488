// Takes the launch session token from the URL fragment once, keeps it for this tab, and removes it from the address bar.

const STORAGE_KEY = 'playroute.session';

/** Called once at start-up: a new launch replaces the token of an earlier one in this tab. */
export function captureLaunchToken(location: Location = window.location, history: History = window.history): void {
  const match = /(?:^#|&)session=([^&]+)/.exec(location.hash);
  if (!match?.[1]) return;
  try {
    sessionStorage.setItem(STORAGE_KEY, decodeURIComponent(match[1]));
  } catch {
    memoryToken = decodeURIComponent(match[1]);
  }
  history.replaceState(null, '', `${location.pathname}${location.search}`);
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
