// The platform's RSA signing keys: a published JWKS, one active key, rotation and removal.
import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { SignJWT, type JWK, type JWTPayload } from 'jose';

interface PlatformKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: JWK;
}

export interface SignOptions {
  /** Sign with this published key instead of the active one (or an unpublished kid, to test unknown-kid handling). */
  kid?: string;
  /** Lifetime in seconds; default 5 minutes. */
  expiresIn?: number;
}

export class KeyRing {
  private keys: PlatformKey[] = [];
  private activeKid = '';

  constructor(private readonly now: () => number) {
    this.rotate();
  }

  /** Adds a new key and makes it the signing key; older keys stay published until removed. */
  rotate(): string {
    // Synchronous generation keeps createDemoLms synchronous; 2048-bit keys take milliseconds.
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const kid = randomUUID();
    const exported = publicKeyJwk(publicKey);
    this.keys.push({ kid, privateKey, publicJwk: { ...exported, kid, alg: 'RS256', use: 'sig' } });
    this.activeKid = kid;
    return kid;
  }

  /** Stops publishing a key; the last remaining key cannot be removed. */
  remove(kid: string): void {
    if (this.keys.length <= 1) throw new Error('the platform needs at least one key');
    this.keys = this.keys.filter((key) => key.kid !== kid);
    if (this.activeKid === kid) this.activeKid = this.keys.at(-1)?.kid ?? '';
  }

  get currentKid(): string {
    return this.activeKid;
  }

  jwks(): { keys: JWK[] } {
    return { keys: this.keys.map((key) => key.publicJwk) };
  }

  async sign(claims: JWTPayload, options: SignOptions = {}): Promise<string> {
    const kid = options.kid ?? this.activeKid;
    const key = this.keys.find((candidate) => candidate.kid === kid) ?? this.keys.find((k) => k.kid === this.activeKid);
    if (!key) throw new Error('no signing key');
    const iat = Math.floor(this.now() / 1000);
    return new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
      .setIssuedAt(claims.iat ?? iat)
      .setExpirationTime(claims.exp ?? iat + (options.expiresIn ?? 300))
      .sign(key.privateKey);
  }
}

function publicKeyJwk(publicKey: KeyObject): JWK {
  // node's own export is synchronous (jose's exportJWK is async); both give the same RSA fields.
  const jwk = publicKey.export({ format: 'jwk' });
  return { kty: jwk.kty, n: jwk.n, e: jwk.e };
}
