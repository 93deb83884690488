// Why a dynamic registration stopped: an HTTP status for the page and a message key that says it to the administrator in their language.
import type { PageMessageKey } from '../pages/page-messages';

export class RegistrationError extends Error {
  constructor(
    readonly status: 400 | 403 | 502,
    readonly messageKey: PageMessageKey,
    readonly params: Record<string, string> = {},
    /** For the log only: what exactly went wrong. */
    reason?: string,
  ) {
    super(reason ?? messageKey);
    this.name = 'RegistrationError';
  }
}

/** https everywhere; plain http only for a loopback address outside production (the demo LMS, tests). */
export function isTrustedUrl(value: string, allowLoopbackHttp: boolean): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  const loopback = url.hostname === 'localhost' || url.hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(url.hostname);
  return allowLoopbackHttp && url.protocol === 'http:' && loopback;
}
