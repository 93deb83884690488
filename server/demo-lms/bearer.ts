// Checks the bearer access token of a service request and the scopes it carries.
import type { Request } from 'express';
import type { LmsContext } from './context';
import { LmsError } from './errors';
import type { IssuedToken } from './state';

/** The token of the request, if it holds at least one of `anyOf` scopes; else a 401/403 the way RFC 6750 words it. */
export function requireToken(ctx: LmsContext, req: Request, anyOf: readonly string[]): IssuedToken {
  const header = req.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new LmsError(401, 'invalid_token', 'a bearer access token is required', { 'WWW-Authenticate': 'Bearer' });
  const token = ctx.state.accessTokens.get(match[1]);
  if (!token || token.expiresAt <= ctx.now()) {
    throw new LmsError(401, 'invalid_token', 'the access token is unknown or expired', { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
  }
  if (!anyOf.some((scope) => token.scopes.includes(scope))) {
    throw new LmsError(403, 'insufficient_scope', `requires one of: ${anyOf.join(' ')}`, {
      'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${anyOf.join(' ')}"`,
    });
  }
  return token;
}
