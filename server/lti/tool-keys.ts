// The tool's key set: signs client assertions and deep-linking responses, publishes every key platforms may still need.
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { StoredToolKey, ToolKeyStore } from './store/tool-keys';
import type { SecretBox } from './secret-box';

/** A retired key stays in the JWKS this long, so tokens it signed just before a rotation still verify. */
export const RETIRED_KEY_GRACE_MS = 7 * 24 * 3600 * 1000;

export interface SigningKey {
  kid: string;
  key: CryptoKey | Uint8Array;
}

export interface ToolKeys {
  /** The public JWKS (RS256), newest key first. */
  jwks(): Promise<{ keys: JWK[] }>;
  signingKey(): Promise<SigningKey>;
  /** Makes a new key the signing key; the old ones stay published for the grace period. */
  rotate(): Promise<string>;
  /** Creates the first key when there is none. */
  ensureKey(): Promise<void>;
}

export function createToolKeys(deps: { store: ToolKeyStore; secrets: SecretBox; now?: () => Date }): ToolKeys {
  const now = deps.now ?? (() => new Date());
  let signing: { kid: string; key: CryptoKey | Uint8Array } | undefined;

  // Read from the database every time, never cached: a key rotated through any process must be in the JWKS every
  // process serves before any process signs with it (a cached key set left the LMS fetching a JWKS without the new key
  // from one process while another signed with it). Both are rare (JWKS fetches, access tokens, deep-linking answers).
  async function published(): Promise<StoredToolKey[]> {
    return deps.store.listPublished(new Date(now().getTime() - RETIRED_KEY_GRACE_MS));
  }

  async function createKey(): Promise<string> {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
    const kid = randomUUID();
    const meta = { kid, alg: 'RS256', use: 'sig' };
    const publicJwk = { ...(await exportJWK(publicKey)), ...meta };
    const privateJwk = { ...(await exportJWK(privateKey)), ...meta };
    await deps.store.insert({
      kid,
      publicJwk,
      encryptedPrivateJwk: deps.secrets.seal(JSON.stringify(privateJwk)),
      createdAt: now(),
    });
    return kid;
  }

  return {
    async jwks() {
      return { keys: (await published()).map((key) => key.publicJwk as JWK) };
    },
    async signingKey() {
      const newest = (await published()).find((key) => !key.retiredAt);
      if (!newest) throw new Error('The tool has no signing key yet');
      if (signing?.kid !== newest.kid) {
        const jwk = JSON.parse(deps.secrets.open(newest.encryptedPrivateJwk)) as JWK;
        signing = { kid: newest.kid, key: await importJWK(jwk, 'RS256') };
      }
      return signing;
    },
    async rotate() {
      const kid = await createKey();
      await deps.store.retireAllExcept(kid, now());
      return kid;
    },
    async ensureKey() {
      const active = (await deps.store.listPublished(now())).filter((key) => !key.retiredAt);
      if (active.length > 0) return;
      await createKey();
      // Processes starting together on an empty database may each have made a first key. Every one keeps the same one,
      // the oldest (ties by kid), and retires the rest, which stay published for the grace period like any retired key.
      const first = (await deps.store.listPublished(now()))
        .filter((key) => !key.retiredAt)
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.kid.localeCompare(b.kid))[0];
      if (first) await deps.store.retireAllExcept(first.kid, now());
    },
  };
}
