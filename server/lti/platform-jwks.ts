// Platform public keys, fetched once per platform and kept: re-fetched only when a token names a key we do not have.
import { createRemoteJWKSet, customFetch, type JWTVerifyGetKey } from 'jose';

export type FetchLike = typeof fetch;

export interface PlatformJwks {
  /** The key resolver for a platform's JWKS URL; the same one (and its cache) for every launch. */
  forUrl(jwksUrl: string): JWTVerifyGetKey;
}

// ltijs 5.9 fetches the platform JWKS on every launch; jose's remote set caches it, re-fetches on an
// unknown kid (a platform rotated its key) at most every cooldown (10 s by default, so a flood of made-up
// kids costs one fetch per platform per 10 s), and refreshes it every 10 minutes.
export function createPlatformJwks(options: { fetch?: FetchLike; userAgent: string; cooldownMs?: number }): PlatformJwks {
  const sets = new Map<string, JWTVerifyGetKey>();
  const fetchImpl = options.fetch ?? fetch;
  return {
    forUrl(jwksUrl) {
      let set = sets.get(jwksUrl);
      if (!set) {
        set = createRemoteJWKSet(new URL(jwksUrl), {
          cooldownDuration: options.cooldownMs ?? 10_000,
          cacheMaxAge: 600_000,
          timeoutDuration: 5_000,
          headers: { 'User-Agent': options.userAgent },
          [customFetch]: (url, init) => fetchImpl(url, init),
        });
        sets.set(jwksUrl, set);
      }
      return set;
    },
  };
}
