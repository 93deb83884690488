// What every endpoint module of the platform shares: state, keys, roster, clock, quirks and its own URLs.
import { createRemoteJWKSet, customFetch, type JWTVerifyGetKey } from 'jose';
import type { Course, Roster } from './course';
import type { KeyRing } from './keys';
import type { QuirkProfile } from './quirks';
import type { LmsState, RegisteredTool } from './state';

export interface LmsUrls {
  issuer: string;
  jwks: string;
  openidConfiguration: string;
  authorization: string;
  token: string;
  registration: string;
  deepLinkReturn: string;
  lineItems: (contextId: string) => string;
  lineItem: (contextId: string, lineItemId: string) => string;
  memberships: (contextId: string) => string;
}

export function lmsUrls(issuer: string): LmsUrls {
  const base = issuer.replace(/\/+$/, '');
  return {
    issuer,
    jwks: `${base}/.well-known/jwks.json`,
    openidConfiguration: `${base}/.well-known/openid-configuration`,
    authorization: `${base}/auth`,
    token: `${base}/token`,
    registration: `${base}/registration`,
    deepLinkReturn: `${base}/deep-linking/return`,
    lineItems: (contextId) => `${base}/ags/${encodeURIComponent(contextId)}/lineitems`,
    lineItem: (contextId, id) => `${base}/ags/${encodeURIComponent(contextId)}/lineitems/${encodeURIComponent(id)}`,
    memberships: (contextId) => `${base}/nrps/${encodeURIComponent(contextId)}/memberships`,
  };
}

export interface LmsContext {
  state: LmsState;
  keys: KeyRing;
  roster: Roster;
  course: Course;
  urls: LmsUrls;
  now: () => number;
  profile: () => QuirkProfile;
  /** The tool's public keys, fetched from its registered JWKS URL. */
  toolKeys: (tool: RegisteredTool) => JWTVerifyGetKey;
  /** Restores the demo course's starting state, when the host offers it (the "Reset the demo" button). */
  reset?: () => Promise<void>;
}

/** One remote key set per tool and URL, so jose's cache and refetch-on-unknown-kid work across requests. */
export function toolKeyResolver(fetchImpl: typeof fetch): (tool: RegisteredTool) => JWTVerifyGetKey {
  const sets = new Map<string, JWTVerifyGetKey>();
  return (tool) => {
    const cacheKey = `${tool.clientId} ${tool.jwksUrl}`;
    let set = sets.get(cacheKey);
    if (!set) {
      set = createRemoteJWKSet(new URL(tool.jwksUrl), {
        // A simulator should notice a tool's key rotation at once rather than after jose's 30 s cooldown.
        cooldownDuration: 0,
        [customFetch]: (url, init) => fetchImpl(url, init),
      });
      sets.set(cacheKey, set);
    }
    return set;
  };
}
