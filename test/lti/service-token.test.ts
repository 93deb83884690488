// Service access tokens against the simulated LMS's real token endpoint: cached, shared, refreshed, retried after a 401, and never logged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaType, Scope } from '../../server/lti/claims';
import { BRIGHTSPACE_TOKEN_AUDIENCE } from '../../server/demo-lms/quirks';
import { createServiceClient, type ServiceClient } from '../../server/lti/service-client';
import { PlatformServiceError } from '../../server/lti/service-errors';
import { createServiceTokens, type ServiceTokenDeps, type ServiceTokens } from '../../server/lti/service-token';
import type { Platform } from '../../server/lti/store/platforms';
import { startLtiHarness, type LtiHarness } from '../support/lti-harness';

let h: LtiHarness;
beforeAll(async () => {
  h = await startLtiHarness();
});
afterAll(async () => {
  await h.close();
});

const NRPS = [Scope.nrpsMembership];

/** A token cache and client of their own, so each story starts with nothing cached. */
function fresh(options: Partial<ServiceTokenDeps> = {}): { tokens: ServiceTokens; client: ServiceClient } {
  const tokens = createServiceTokens({ keys: h.lti.keys, userAgent: h.lti.urls.userAgent, ...options });
  return { tokens, client: createServiceClient({ tokens, userAgent: h.lti.urls.userAgent, fetch: options.fetch }) };
}

function readRoster(client: ServiceClient, platform: Platform = h.platform): Promise<Response> {
  return client.call(platform, NRPS, { url: h.lms.urls.memberships(h.lms.course.id), accept: MediaType.membershipContainer });
}

function logSince(start: number) {
  return h.lms.requestLog().slice(start);
}
const isToken = (path: string) => path.startsWith('/lms/token');

describe('service access tokens', () => {
  it('when Playroute calls a service many times, it asks the LMS for one token', async () => {
    const { client } = fresh();
    const start = h.lms.requestLog().length;
    for (let i = 0; i < 5; i += 1) expect((await readRoster(client)).status).toBe(200);
    const log = logSince(start);
    expect(log.filter((entry) => isToken(entry.path))).toHaveLength(1);
    expect(log.filter((entry) => entry.path.includes('/nrps/'))).toHaveLength(5);
  });

  it('when many callers need a token at once, they share one token request', async () => {
    const { tokens } = fresh();
    const start = h.lms.requestLog().length;
    const got = await Promise.all(Array.from({ length: 10 }, () => tokens.get(h.platform, NRPS)));
    expect(new Set(got.map((token) => token.value)).size).toBe(1);
    expect(logSince(start).filter((entry) => isToken(entry.path))).toHaveLength(1);
  });

  it('the same scopes in another order use the same token', async () => {
    const { tokens } = fresh();
    const a = await tokens.get(h.platform, [Scope.score, Scope.lineItem]);
    const b = await tokens.get(h.platform, [Scope.lineItem, Scope.score, Scope.score]);
    expect(b.value).toBe(a.value);
    expect(a.scopes).toEqual([Scope.lineItem, Scope.score].sort());
  });

  it('when a token is near its expiry, the next call gets a new one', async () => {
    let at = Date.now();
    // A wide margin keeps the test clock within the hour the LMS accepts client assertions for.
    const { tokens } = fresh({ now: () => new Date(at), refreshMarginMs: 20 * 60_000 });
    const start = h.lms.requestLog().length;
    const first = await tokens.get(h.platform, NRPS);
    expect(first.expiresAt.getTime() - at).toBe(3600_000);
    at += 39 * 60_000;
    expect((await tokens.get(h.platform, NRPS)).value).toBe(first.value);
    at += 2 * 60_000;
    const second = await tokens.get(h.platform, NRPS);
    expect(second.value).not.toBe(first.value);
    expect(logSince(start).filter((entry) => isToken(entry.path))).toHaveLength(2);
  });

  it('when a service answers 401, the token is dropped and the call retried once with a fresh one', async () => {
    // The LMS forgets the token (injected 401 on the next service call); the network watcher lets it recover after that one.
    const watching: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (response.status === 401) h.lms.injectFailures(null);
      return response;
    };
    const { client } = fresh({ fetch: watching });
    expect((await readRoster(client)).status).toBe(200);
    const start = h.lms.requestLog().length;
    h.lms.injectFailures({ rate: 1, statuses: [401] });
    const response = await readRoster(client);
    expect(response.status).toBe(200);
    const log = logSince(start);
    expect(log.map((entry) => [isToken(entry.path) ? 'token' : 'nrps', entry.status])).toEqual([
      ['nrps', 401],
      ['token', 200],
      ['nrps', 200],
    ]);
    expect(log[2]?.headers.authorization).not.toBe(log[0]?.headers.authorization);
  });

  it('when a service keeps answering 401, Playroute retries only once and hands back the 401', async () => {
    const retrying: typeof fetch = async (input, init) => {
      if (!String(input).includes('/token')) return fetch(input, init);
      // The token endpoint itself keeps working; only the service refuses.
      h.lms.injectFailures(null);
      try {
        return await fetch(input, init);
      } finally {
        h.lms.injectFailures({ rate: 1, statuses: [401] });
      }
    };
    const { client } = fresh({ fetch: retrying });
    const start = h.lms.requestLog().length;
    h.lms.injectFailures({ rate: 1, statuses: [401] });
    try {
      expect((await readRoster(client)).status).toBe(401);
    } finally {
      h.lms.injectFailures(null);
    }
    const log = logSince(start);
    expect(log.filter((entry) => entry.path.includes('/nrps/'))).toHaveLength(2);
    expect(log.filter((entry) => isToken(entry.path))).toHaveLength(2);
  });

  it('a scope the LMS does not grant is reported as invalid_scope, with what to ask the administrator', async () => {
    const { tokens } = fresh();
    const unknown = 'https://example.edu/scope/not-granted';
    const error = await tokens.get(h.platform, [unknown]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PlatformServiceError);
    const failure = error as PlatformServiceError;
    expect(failure.status).toBe(502);
    expect(failure.code).toBe('lms_refused');
    expect(failure.failure).toMatchObject({ status: 400, reason: 'invalid_scope' });
    expect(failure.message).toMatch(/refused.*invalid_scope.*not-granted.*administrator/s);
  });

  it('a failing token endpoint gives a readable error, and the next call tries again', async () => {
    const { tokens } = fresh();
    h.lms.injectFailures({ rate: 1, statuses: [503] });
    const error = await tokens.get(h.platform, NRPS).catch((caught: unknown) => caught);
    h.lms.injectFailures(null);
    expect(error).toMatchObject({ code: 'lms_failed', message: expect.stringMatching(/HTTP 503.*try again|try again.*HTTP 503/) });
    expect((await tokens.get(h.platform, NRPS)).value).toBeTruthy();
  });

  it('every call to the LMS carries Playroute\'s User-Agent', async () => {
    const start = h.lms.requestLog().length;
    await readRoster(h.lti.services);
    await h.lti.serviceTokens.get(h.platform, [Scope.score]);
    const log = h.lms.requestLog();
    expect(log.length).toBeGreaterThan(start);
    for (const entry of log) expect(entry.headers['user-agent'], `${entry.method} ${entry.path}`).toBe(h.lti.urls.userAgent);
  });

  it('neither tokens nor client assertions reach the logs', async () => {
    const token = await h.lti.serviceTokens.get(h.platform, NRPS);
    await readRoster(h.lti.services);
    await h.lti.serviceTokens.get(h.platform, ['https://example.edu/scope/not-granted']).catch(() => undefined);
    const logs = h.logLines.join('\n');
    expect(logs).toContain('service access token issued');
    expect(logs).toContain('service access token refused');
    expect(logs).not.toContain(token.value);
    // A JWT (a client assertion) always starts with the base64url of '{"'.
    expect(logs).not.toMatch(/eyJ[\w-]+\.[\w-]+/);
  });
});

describe('Brightspace, whose token endpoint wants an audience of its own', () => {
  it('works once the registration names that audience, and says what is wrong before', async () => {
    const b = await startLtiHarness({ quirks: 'brightspace' });
    try {
      const tokens = createServiceTokens({ keys: b.lti.keys, userAgent: b.lti.urls.userAgent });
      // As registered by someone who did not know about Brightspace's separate audience.
      const { tokenAudience: _audience, ...withoutAudience } = b.platform;
      const wrong = await tokens.get(withoutAudience, NRPS).catch((caught: unknown) => caught);
      expect(wrong).toMatchObject({ code: 'lms_refused', failure: { reason: 'invalid_client' } });
      expect((wrong as Error).message).toContain(BRIGHTSPACE_TOKEN_AUDIENCE);
      expect((wrong as Error).message).toMatch(/token audience/);

      expect(b.platform.tokenAudience).toBe(BRIGHTSPACE_TOKEN_AUDIENCE);
      const response = await b.lti.services.call(b.platform, NRPS, { url: b.lms.urls.memberships(b.lms.course.id) });
      expect(response.status).toBe(200);
    } finally {
      await b.close();
    }
  });
});
