// The OAuth2 token endpoint: client_credentials with a private_key_jwt client assertion, answered with an opaque token.
import { randomBytes } from 'node:crypto';
import express from 'express';
import { errors as joseErrors, jwtVerify } from 'jose';
import { z } from 'zod';
import { CLIENT_ASSERTION_TYPE } from '../lti/claims';
import type { LmsContext } from './context';
import { LmsError } from './errors';

const ACCESS_TOKEN_TTL_S = 3600;
/** Assertions living longer than this are refused, so the jti replay list stays bounded. */
const MAX_ASSERTION_LIFETIME_S = 3600;

const tokenRequestSchema = z.object({
  grant_type: z.string().min(1, 'grant_type is required'),
  client_assertion_type: z.string().min(1, 'client_assertion_type is required'),
  client_assertion: z.string().min(1, 'client_assertion is required'),
  scope: z.string().min(1, 'scope is required'),
});

export function tokenRouter(ctx: LmsContext): express.Router {
  const router = express.Router();
  router.post('/token', express.urlencoded({ extended: false }), async (req, res) => {
    const parsed = tokenRequestSchema.safeParse(req.body ?? {});
    if (!parsed.success) throw new LmsError(400, 'invalid_request', parsed.error.issues[0]?.message ?? 'invalid request');
    const body = parsed.data;
    if (body.grant_type !== 'client_credentials') throw new LmsError(400, 'unsupported_grant_type', 'only client_credentials is supported');
    if (body.client_assertion_type !== CLIENT_ASSERTION_TYPE) throw new LmsError(400, 'invalid_request', `client_assertion_type must be ${CLIENT_ASSERTION_TYPE}`);
    const clientId = await verifyClientAssertion(ctx, body.client_assertion);
    const tool = ctx.state.toolByClientId(clientId);
    const requested = body.scope.split(' ').filter(Boolean);
    const refused = requested.filter((scope) => !tool?.scopes.includes(scope));
    if (refused.length > 0) throw new LmsError(400, 'invalid_scope', `scope not granted to this client: ${refused.join(' ')}`);
    const accessToken = randomBytes(32).toString('base64url');
    ctx.state.accessTokens.set(accessToken, { clientId, scopes: requested, expiresAt: ctx.now() + ACCESS_TOKEN_TTL_S * 1000 });
    res.set('Cache-Control', 'no-store').json({
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: ACCESS_TOKEN_TTL_S,
      scope: requested.join(' '),
    });
  });
  return router;
}

/** Checks the assertion's signature against the tool's JWKS and its claims; returns the client_id. */
async function verifyClientAssertion(ctx: LmsContext, assertion: string): Promise<string> {
  const unverified = decodePayload(assertion);
  const clientId = typeof unverified.iss === 'string' ? unverified.iss : '';
  const tool = ctx.state.toolByClientId(clientId);
  if (!tool) throw invalidClient('unknown client (iss)');
  const audience = ctx.profile().tokenAudience ?? ctx.urls.token;
  let payload;
  try {
    ({ payload } = await jwtVerify(assertion, ctx.toolKeys(tool), {
      issuer: tool.clientId,
      subject: tool.clientId,
      audience,
      algorithms: ['RS256', 'RS384', 'RS512'],
      requiredClaims: ['exp', 'iat', 'jti'],
      currentDate: new Date(ctx.now()),
    }));
  } catch (error) {
    throw invalidClient(describeJoseError(error, audience));
  }
  const nowS = Math.floor(ctx.now() / 1000);
  const exp = payload.exp ?? 0;
  if (exp - nowS > MAX_ASSERTION_LIFETIME_S) throw invalidClient('client assertion lives too long');
  pruneUsedAssertions(ctx, nowS);
  const jti = String(payload.jti);
  if (ctx.state.usedAssertionIds.has(jti)) throw invalidClient('client assertion jti has already been used');
  ctx.state.usedAssertionIds.set(jti, exp);
  return tool.clientId;
}

function decodePayload(assertion: string): Record<string, unknown> {
  try {
    const part = assertion.split('.')[1] ?? '';
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    throw invalidClient('client_assertion is not a JWT');
  }
}

function describeJoseError(error: unknown, audience: string): string {
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    return error.claim === 'aud' ? `client assertion aud must be ${audience}` : `client assertion ${error.claim}: ${error.reason}`;
  }
  if (error instanceof joseErrors.JWTExpired) return 'client assertion has expired';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'client assertion signature does not verify';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'no key in the tool JWKS matches the assertion kid';
  if (error instanceof joseErrors.JOSEError) return `client assertion rejected: ${error.code}`;
  return 'client assertion could not be verified';
}

function pruneUsedAssertions(ctx: LmsContext, nowS: number): void {
  for (const [jti, exp] of ctx.state.usedAssertionIds) if (exp < nowS) ctx.state.usedAssertionIds.delete(jti);
}

function invalidClient(message: string): LmsError {
  return new LmsError(401, 'invalid_client', message);
}
