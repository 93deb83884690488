// The launch session the client carries in a header: a short-lived signed token, so no third-party cookie is needed after the launch.
import { createHmac, hkdfSync, randomUUID } from 'node:crypto';
import { jwtVerify } from 'jose';
import { z } from 'zod';
import type { PlayrouteRole } from './roles';

/**
 * A token lives half an hour: long enough that the client renews it quietly while Playroute is open, short enough
 * that a copied token, or one of a student the LMS has since unenrolled (renewal re-checks), soon stops working.
 */
export const SESSION_MINUTES = 30;
/** Renewal never carries a session past this long after its launch: then the person opens Playroute from the course again. */
export const SESSION_MAX_HOURS = 10;
const AUDIENCE = 'playroute-api';
/** How many verified tokens are remembered (a few per open tab); the oldest is forgotten first. */
const VERIFIED_TOKENS_KEPT = 10_000;

export const launchSessionSchema = z.object({
  sid: z.string(),
  platformId: z.string(),
  deploymentId: z.string(),
  sub: z.string(),
  contextId: z.string().optional(),
  /**
   * The course's title and label as this launch named them (present when the launch had a course, even without
   * either), so the client's first call needs no store read; the LMS sends them with every launch.
   */
  course: z.object({ title: z.string().optional(), label: z.string().optional() }).optional(),
  resourceLinkId: z.string().optional(),
  roles: z.array(z.enum(['teacher', 'assistant', 'coach', 'student'])),
  locale: z.string().optional(),
  name: z.string().optional(),
  messageType: z.enum(['LtiResourceLinkRequest', 'LtiDeepLinkingRequest']),
  deepLinkRequestId: z.string().optional(),
  /** Where "back to the course" goes (the launch's return_url, http(s) only). */
  returnUrl: z.string().optional(),
  /** When the LMS launch happened (seconds since the epoch); renewals keep it, so the session has an end. */
  launchedAt: z.number().int().optional(),
});

/** Who is using Playroute, in which course and placement, as the LMS launch established it. */
export type LaunchSession = z.infer<typeof launchSessionSchema> & { roles: PlayrouteRole[] };

export interface SessionTokens {
  issue(session: Omit<LaunchSession, 'sid'>): Promise<string>;
  /** The session, or undefined when the token is missing, forged or expired. */
  verify(token: string): Promise<LaunchSession | undefined>;
  /**
   * A new token for the same session, or undefined when the token is forged or already expired, or the session has
   * reached SESSION_MAX_HOURS. Whether the person is still a member of the course is the caller's check.
   */
  renew(token: string): Promise<string | undefined>;
}

export function createSessionTokens(options: { masterKey: string; issuer: string; now?: () => Date }): SessionTokens {
  const secret = Buffer.from(hkdfSync('sha256', options.masterKey, 'playroute', 'playroute:session-token', 32));
  // For verifying, imported once: jose imports a Uint8Array secret again for every token it verifies (crypto.subtle.importKey).
  const key = crypto.subtle.importKey('raw', new Uint8Array(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  const now = options.now ?? (() => new Date());
  const seconds = () => Math.floor(now().getTime() / 1000);

  // The client sends the same token with every call for up to half an hour: its signature and claims are checked
  // once, and a later call with exactly that string only checks its expiry again (as jwtVerify does: exp after now).
  const verified = new Map<string, { session: LaunchSession; expiresAt: number }>();
  const remember = (token: string, session: LaunchSession, expiresAt: number) => {
    if (verified.size >= VERIFIED_TOKENS_KEPT) verified.delete(verified.keys().next().value as string);
    verified.set(token, { session: deepFreeze(session), expiresAt });
  };

  const sign = (session: LaunchSession & { launchedAt: number }) => {
    const issuedAt = seconds();
    const expiresAt = Math.min(issuedAt + SESSION_MINUTES * 60, session.launchedAt + SESSION_MAX_HOURS * 3600);
    // Every token its own (jti), also two of the same session in the same second.
    const token = signHs256({ ...session, iss: options.issuer, aud: AUDIENCE, iat: issuedAt, exp: expiresAt, jti: randomUUID() }, secret);
    // A token this process just signed needs no signature check: the client's first call with it (GET /api/session,
    // right after the launch) finds it here, as it would after verifying it. Another process verifies it as usual.
    remember(token, launchSessionSchema.parse(session), expiresAt);
    return token;
  };

  const verify = async (token: string): Promise<LaunchSession | undefined> => {
    const known = verified.get(token);
    if (known) {
      if (seconds() < known.expiresAt) return known.session;
      verified.delete(token);
      return undefined;
    }
    try {
      const { payload } = await jwtVerify(token, await key, {
        algorithms: ['HS256'],
        issuer: options.issuer,
        audience: AUDIENCE,
        currentDate: now(),
      });
      const parsed = launchSessionSchema.safeParse(payload);
      if (!parsed.success) return undefined;
      if (payload.exp !== undefined) remember(token, parsed.data, payload.exp);
      return parsed.data;
    } catch {
      return undefined;
    }
  };

  return {
    issue: (session) => Promise.resolve(sign({ ...session, sid: randomUUID(), launchedAt: session.launchedAt ?? seconds() })),
    verify,
    async renew(token) {
      const session = await verify(token);
      // A token from before launchedAt existed counts from its own launch, unknown here: it is not renewed.
      if (!session?.launchedAt) return undefined;
      if (seconds() >= session.launchedAt + SESSION_MAX_HOURS * 3600) return undefined;
      return sign({ ...session, launchedAt: session.launchedAt });
    },
  };
}

const HS256_HEADER = Buffer.from(JSON.stringify({ alg: 'HS256' })).toString('base64url');

/**
 * A JWS compact HS256 token (RFC 7515/7519), what jose's SignJWT makes, signed with node:crypto's HMAC at once: jose
 * signs through WebCrypto, a job on the thread pool and a promise per token, about three times the CPU. Checked with
 * jose's jwtVerify like any other (verify above, and in every other process).
 */
function signHs256(claims: Record<string, unknown>, secret: Buffer): string {
  const input = `${HS256_HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

/** A remembered session is handed to many requests, so none of them can change it for the others. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
