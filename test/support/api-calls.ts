// The calls API tests make over and over: launch a member and keep their session token, send a JSON request with it,
// and read an answer that must have a given status (its body in the failure message when it has not).
import { expect } from 'vitest';
import type { LtiHarness } from './lti-harness';

export interface ApiCalls {
  launchAs(user: string, placement: string): Promise<string>;
  send(token: string, method: string, path: string, body?: unknown): Promise<Response>;
}

/** Bound to a harness that may not have started yet (tests create it in beforeAll). */
export function apiCalls(harness: () => LtiHarness): ApiCalls {
  return {
    async launchAs(user, placement) {
      const outcome = await harness().browser().launch({ user, placement });
      if (!outcome.sessionToken) throw new Error(`launch of ${user} ended with ${outcome.status}`);
      return outcome.sessionToken;
    },
    send(token, method, path, body) {
      return harness().api(token, path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    },
  };
}

export async function ok<T>(res: Response, status = 200): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
}

export async function codeOf(res: Response, status: number): Promise<string> {
  expect(res.status, await res.clone().text()).toBe(status);
  return ((await res.json()) as { error: { code: string } }).error.code;
}
