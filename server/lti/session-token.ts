// The launch session the client carries in a header: a short-lived signed token, so no third-party cookie is needed after the launch.
import { hkdfSync, randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import type { PlayrouteRole } from './roles';

export const SESSION_HOURS = 8;
const AUDIENCE = 'playroute-api';

export const launchSessionSchema = z.object({
  sid: z.string(),
  platformId: z.string(),
  deploymentId: z.string(),
  sub: z.string(),
  contextId: z.string().optional(),
  resourceLinkId: z.string().optional(),
  roles: z.array(z.enum(['teacher', 'assistant', 'coach', 'student'])),
  locale: z.string().optional(),
  name: z.string().optional(),
  messageType: z.enum(['LtiResourceLinkRequest', 'LtiDeepLinkingRequest']),
  deepLinkRequestId: z.string().optional(),
});

/** Who is using Playroute, in which course and placement, as the LMS launch established it. */
export type LaunchSession = z.infer<typeof launchSessionSchema> & { roles: PlayrouteRole[] };

export interface SessionTokens {
  issue(session: Omit<LaunchSession, 'sid'>): Promise<string>;
  /** The session, or undefined when the token is missing, forged or expired. */
  verify(token: string): Promise<LaunchSession | undefined>;
}

export function createSessionTokens(options: { masterKey: string; issuer: string; now?: () => Date }): SessionTokens {
  const key = new Uint8Array(hkdfSync('sha256', options.masterKey, 'playroute', 'playroute:session-token', 32));
  const now = options.now ?? (() => new Date());
  return {
    async issue(session) {
      const issuedAt = Math.floor(now().getTime() / 1000);
      return new SignJWT({ ...session, sid: randomUUID() })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(options.issuer)
        .setAudience(AUDIENCE)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + SESSION_HOURS * 3600)
        .sign(key);
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: ['HS256'],
          issuer: options.issuer,
          audience: AUDIENCE,
          currentDate: now(),
        });
        const parsed = launchSessionSchema.safeParse(payload);
        return parsed.success ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
