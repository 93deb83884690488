// The cookie that ties a launch to the browser that started its login, for LMSs without Platform Storage (Moodle).
import type { CookieOptions } from 'express';

const PREFIX = 'lti_state_';

export const stateCookie = {
  name: (state: string) => `${PREFIX}${state}`,
  /**
   * SameSite=None; Secure, because the launch POST comes from the LMS's site into our iframe. Partitioned (CHIPS):
   * a browser that blocks third-party cookies still keeps one set inside the LMS page, for that LMS site only —
   * which is all the launch needs (Chrome: developers.google.com/privacy-sandbox/cookies/chips; Moodle has no
   * Platform Storage to fall back on). Browsers without CHIPS ignore the attribute.
   */
  options(publicUrl: string): CookieOptions {
    return { httpOnly: true, secure: true, sameSite: 'none', partitioned: true, path: new URL(publicUrl).pathname.replace(/\/$/, '') + '/lti', maxAge: 600_000 };
  },
  /** Whether the request carries the cookie for this state (read from the raw header: no cookie parser needed). */
  isPresent(cookieHeader: string | undefined, state: string): boolean {
    if (!cookieHeader) return false;
    const wanted = `${PREFIX}${state}=`;
    return cookieHeader.split(';').some((part) => part.trim().startsWith(wanted));
  },
};
