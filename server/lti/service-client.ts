// Calls a platform service (NRPS, AGS) with a bearer token for the scopes it needs, retrying once with a fresh token after a 401.
import type { Logger } from '../logger';
import type { FetchLike } from './platform-jwks';
import { PlatformServiceError, unreachable } from './service-errors';
import type { ServiceTokens, TokenPlatform } from './service-token';
import { serviceUrlProblem } from './service-urls';

export interface ServiceRequest {
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The media type asked for, e.g. MediaType.membershipContainer; default application/json. */
  accept?: string;
  /** The media type of `body`, e.g. MediaType.score. */
  contentType?: string;
  /** A string, so the one retry can send it again. */
  body?: string;
  /** Words for error messages: what Playroute was doing, e.g. "read the class list". */
  action?: string;
}

export interface ServiceClient {
  /**
   * Sends the request with a token for `scopes` and returns the platform's answer, whatever its status
   * (callers know which statuses their service uses). Throws PlatformServiceError only when there is no
   * answer (network, timeout) or no token (the token endpoint refused or failed).
   */
  call(platform: TokenPlatform, scopes: readonly string[], request: ServiceRequest): Promise<Response>;
}

export interface ServiceClientDeps {
  tokens: ServiceTokens;
  userAgent: string;
  fetch?: FetchLike;
  logger?: Logger;
  /** Time limit for one call, reading the answer included. Default 15 seconds. */
  timeoutMs?: number;
  /** In production no plain-http or private address is a service, not even on loopback; outside it, http on loopback is. */
  production?: boolean;
}

export function createServiceClient(deps: ServiceClientDeps): ServiceClient {
  const fetchImpl = deps.fetch ?? fetch;
  const timeoutMs = deps.timeoutMs ?? 15_000;

  async function send(platform: TokenPlatform, request: ServiceRequest, token: string): Promise<Response> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${token}`,
      Accept: request.accept ?? 'application/json',
      'User-Agent': deps.userAgent,
    };
    if (request.body !== undefined) headers['Content-Type'] = request.contentType ?? 'application/json';
    const method = request.method ?? 'GET';
    try {
      const response = await fetchImpl(request.url, { method, headers, body: request.body, signal: AbortSignal.timeout(timeoutMs) });
      deps.logger?.debug({ platformId: platform.id, method, url: withoutQuery(request.url), status: response.status }, 'platform service call');
      return response;
    } catch (error) {
      deps.logger?.warn({ platformId: platform.id, method, url: withoutQuery(request.url), error: error instanceof Error ? error.name : 'unknown' }, 'platform service unreachable');
      throw unreachable(error, request.action ?? 'call its services');
    }
  }

  return {
    async call(platform, scopes, request) {
      // Checked before a token is even fetched: stored URLs (and next-page links) must not steer the token elsewhere.
      const problem = serviceUrlProblem(request.url, { production: deps.production ?? false });
      if (problem) {
        deps.logger?.warn({ platformId: platform.id, url: withoutQuery(request.url), problem }, 'platform service call refused');
        throw new PlatformServiceError({ kind: 'invalid_response', action: request.action ?? 'call its services', reason: 'not a service address', description: problem });
      }
      const token = await deps.tokens.get(platform, scopes);
      const response = await send(platform, request, token.value);
      if (response.status !== 401) return response;
      // The platform may forget a token before it expires (a restart, a revoked registration): one fresh try.
      await response.body?.cancel();
      deps.tokens.invalidate(platform, scopes, token.value);
      const fresh = await deps.tokens.get(platform, scopes);
      return send(platform, request, fresh.value);
    },
  };
}

// Query strings may one day carry something personal (a user_id filter); paths are enough to trace a call.
function withoutQuery(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return 'invalid url';
  }
}
