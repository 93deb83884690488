// Access tokens for the platform's services (NRPS now, AGS next): OAuth2 client_credentials with a signed client assertion, cached per platform and scope set.
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { z } from 'zod';
import type { Logger } from '../logger';
import type { Platform } from './store/platforms';
import { CLIENT_ASSERTION_TYPE } from './claims';
import type { FetchLike } from './platform-jwks';
import { PlatformServiceError, readFailure, unreachable } from './service-errors';
import type { ToolKeys } from './tool-keys';

/** What a token request needs to know about a platform. */
export type TokenPlatform = Pick<Platform, 'id' | 'clientId' | 'tokenUrl' | 'tokenAudience'>;

export interface AccessToken {
  /** The bearer token; never log it. */
  value: string;
  /** The scopes asked for, sorted. */
  scopes: string[];
  expiresAt: Date;
}

export interface ServiceTokens {
  /** A token for these scopes: the cached one while it is fresh, else one new request shared by all concurrent callers. */
  get(platform: TokenPlatform, scopes: readonly string[]): Promise<AccessToken>;
  /**
   * Forgets the cached token, e.g. after the platform answered 401 to it. Given `token`, only that token
   * is forgotten, so a caller holding an old one cannot throw away the fresh one another caller fetched.
   */
  invalidate(platform: TokenPlatform, scopes: readonly string[], token?: string): void;
}

export interface ServiceTokenDeps {
  keys: Pick<ToolKeys, 'signingKey'>;
  /** Sent on every call (Canvas asks tools to identify themselves). */
  userAgent: string;
  fetch?: FetchLike;
  now?: () => Date;
  logger?: Logger;
  /** A token is replaced this long before it expires, so a call never starts with a token about to die. Default 5 minutes. */
  refreshMarginMs?: number;
  /** Lifetime of the client assertion. Default 5 minutes. */
  assertionTtlSeconds?: number;
  /** Time limit for one token request. Default 10 seconds. */
  timeoutMs?: number;
}

const ACTION = 'get an access token for its services';
// RFC 6749 makes expires_in optional; without it, assume an hour and let the 401 retry catch an earlier end.
const DEFAULT_TOKEN_TTL_S = 3600;

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().refine((type) => type.toLowerCase() === 'bearer', 'token_type must be Bearer'),
  // Some platforms send the number as a string.
  expires_in: z.coerce.number().positive().optional(),
  scope: z.string().optional(),
});

interface Cached {
  token: AccessToken;
  /** Epoch ms after which the token is no longer handed out. */
  reuseUntil: number;
}

export function createServiceTokens(deps: ServiceTokenDeps): ServiceTokens {
  const now = deps.now ?? (() => new Date());
  const fetchImpl = deps.fetch ?? fetch;
  const refreshMarginMs = deps.refreshMarginMs ?? 5 * 60_000;
  const assertionTtlS = deps.assertionTtlSeconds ?? 300;
  const timeoutMs = deps.timeoutMs ?? 10_000;
  // In-process and safe to lose: another process, or this one after a restart, simply asks for a token again.
  const cache = new Map<string, Cached>();
  const pending = new Map<string, Promise<AccessToken>>();

  async function clientAssertion(platform: TokenPlatform, issuedAtMs: number): Promise<string> {
    const { kid, key } = await deps.keys.signingKey();
    const iat = Math.floor(issuedAtMs / 1000);
    return new SignJWT({ jti: randomUUID() })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(platform.clientId)
      .setSubject(platform.clientId)
      .setAudience(platform.tokenAudience ?? platform.tokenUrl)
      .setIssuedAt(iat)
      .setExpirationTime(iat + assertionTtlS)
      .sign(key);
  }

  async function requestToken(key: string, platform: TokenPlatform, scopes: string[]): Promise<AccessToken> {
    const requestedAt = now().getTime();
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type: CLIENT_ASSERTION_TYPE,
      client_assertion: await clientAssertion(platform, requestedAt),
      scope: scopes.join(' '),
    });
    let response: Response;
    try {
      response = await fetchImpl(platform.tokenUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', 'User-Agent': deps.userAgent },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw logged(platform, unreachable(error, ACTION));
    }
    if (!response.ok) {
      const failure = await readFailure(response, ACTION);
      throw logged(platform, new PlatformServiceError(failure, hintFor(failure.reason, scopes)));
    }
    const parsed = tokenResponseSchema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw logged(platform, new PlatformServiceError({ kind: 'invalid_response', action: ACTION, status: response.status, description: issue && `${issue.path.join('.')}: ${issue.message}` }));
    }
    const lifetimeMs = (parsed.data.expires_in ?? DEFAULT_TOKEN_TTL_S) * 1000;
    // Measured from before the request, so network time only makes us refresh early, never late.
    const expiresAt = requestedAt + lifetimeMs;
    const token: AccessToken = { value: parsed.data.access_token, scopes, expiresAt: new Date(expiresAt) };
    // A token shorter-lived than the margin would never be reused; keep it for at least half its life.
    cache.set(key, { token, reuseUntil: expiresAt - Math.min(refreshMarginMs, lifetimeMs / 2) });
    deps.logger?.debug({ platformId: platform.id, scopes, expiresInS: lifetimeMs / 1000 }, 'service access token issued');
    return token;
  }

  function logged(platform: TokenPlatform, error: PlatformServiceError): PlatformServiceError {
    deps.logger?.warn({ platformId: platform.id, tokenUrl: platform.tokenUrl, code: error.code, lmsStatus: error.failure.status, lmsError: error.failure.reason }, 'service access token refused');
    return error;
  }

  return {
    get(platform, requested) {
      const scopes = normalise(requested);
      const key = cacheKey(platform, scopes);
      const cached = cache.get(key);
      if (cached && now().getTime() < cached.reuseUntil) return Promise.resolve(cached.token);
      let inFlight = pending.get(key);
      if (!inFlight) {
        inFlight = requestToken(key, platform, scopes).finally(() => pending.delete(key));
        pending.set(key, inFlight);
      }
      return inFlight;
    },
    invalidate(platform, requested, token) {
      const key = cacheKey(platform, normalise(requested));
      if (token === undefined || cache.get(key)?.token.value === token) cache.delete(key);
    },
  };
}

function normalise(scopes: readonly string[]): string[] {
  return [...new Set(scopes.map((scope) => scope.trim()).filter(Boolean))].sort();
}

// The token endpoint knows only the client, not the deployment, so one token serves every deployment of
// a platform. The endpoint and audience are part of the key so a changed registration never reuses a token.
function cacheKey(platform: TokenPlatform, scopes: string[]): string {
  return [platform.id, platform.clientId, platform.tokenUrl, platform.tokenAudience ?? '', scopes.join(' ')].join('\n');
}

function hintFor(reason: string | undefined, scopes: string[]): string | undefined {
  if (reason === 'invalid_scope' || reason === 'unauthorized_client') {
    return `Ask the administrator of the learning environment to allow Playroute these services: ${scopes.join(' ')}.`;
  }
  if (reason === 'invalid_client') {
    return "Check Playroute's registration in the learning environment: its client ID, the tool's JWKS URL and the token audience.";
  }
  return undefined;
}
