// Checks a launch id_token as the LTI 1.3 Security Framework requires, against the login request it answers.
import { decodeProtectedHeader, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import type { Logger } from '../logger';
import type { LoginState } from './store/login-states';
import type { Platform } from './store/platforms';
import { Claim } from './claims';
import { launchClaimsSchema, toLaunch, type LaunchClaims, type LtiLaunch } from './launch-claims';
import { malformed, refused, untrusted, LtiError } from './lti-errors';
import type { PlatformJwks } from './platform-jwks';
import { keepTrustedServices, trustedServiceHosts } from './service-urls';

/** An id_token older than this is refused even if the platform gave it a longer life. */
const MAX_TOKEN_AGE_SECONDS = 3600;

/**
 * How long a spent nonce must be remembered: a token accepted now was issued no later than now + leeway, and none is
 * accepted more than MAX_TOKEN_AGE_SECONDS + leeway after it was issued, whatever its exp says.
 */
export function nonceMemoryUntil(now: Date, clockLeewaySeconds: number): Date {
  return new Date(now.getTime() + (MAX_TOKEN_AGE_SECONDS + 2 * clockLeewaySeconds) * 1000);
}

export interface IdTokenVerifierDeps {
  jwks: PlatformJwks;
  clockLeewaySeconds: number;
  now: () => Date;
  /** In production a service URL must be https even on loopback. */
  production: boolean;
  logger?: Logger;
}

/**
 * Verifies signature (RS256, key chosen by kid), iss, aud/azp, exp/iat with leeway, the nonce issued
 * with this login (spent with the login state, which the caller consumed before), the claim set, that the deployment is registered and the one the login named,
 * and that target_link_uri is the one the login began with. Service URLs off the platform are dropped. Throws LtiError.
 */
export async function verifyIdToken(
  deps: IdTokenVerifierDeps,
  props: { idToken: string; login: LoginState; platform: Platform },
): Promise<LtiLaunch> {
  const { idToken, login, platform } = props;
  assertHeader(idToken);
  const payload = await verifySignatureAndTimes(deps, idToken, platform);
  assertAuthorisedParty(payload, platform.clientId);
  if (payload.nonce !== login.nonce) {
    throw untrusted('nonce_mismatch', 'The launch does not answer the login request it claims to (nonce mismatch).');
  }
  const parsed = launchClaimsSchema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw malformed('invalid_claims', `The launch is not a valid LTI 1.3 message: ${issue?.path.join('.') || 'claims'} ${issue?.message ?? 'are invalid'}.`);
  }
  const launch = toLaunch(parsed.data, platform.clientId);
  if (!platform.deploymentIds.includes(launch.deploymentId)) {
    throw refused('deployment_not_registered', `Deployment ${launch.deploymentId} of this platform is not registered with Playroute. Ask your LMS administrator to register it.`);
  }
  assertAnswersLogin(parsed.data, launch, login);
  return withTrustedServices(deps, { claims: parsed.data, launch, platform });
}

/** LTI 1.3 core §5.1.2.5 (target_link_uri) and the Security Framework: the token answers this login, not another one of the platform. */
function assertAnswersLogin(claims: LaunchClaims, launch: LtiLaunch, login: LoginState): void {
  if (login.deploymentId !== undefined && launch.deploymentId !== login.deploymentId) {
    throw untrusted('deployment_mismatch', 'The launch names another deployment than the login request did.');
  }
  const target = claims[Claim.targetLinkUri];
  if (target !== undefined && !sameUrl(target, login.targetLinkUri)) {
    throw untrusted('target_link_uri_mismatch', 'The launch points at another page than the login request did (target_link_uri).');
  }
}

function sameUrl(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return a === b;
  }
}

// Dropping keeps the launch working (the person gets in) and switches that service off; refusing would lock everyone out.
function withTrustedServices(deps: IdTokenVerifierDeps, props: { claims: LaunchClaims; launch: LtiLaunch; platform: Platform }): LtiLaunch {
  const { claims, launch, platform } = props;
  const hosts = trustedServiceHosts(platform, {
    productFamily: launch.productFamily,
    returnUrls: [claims[Claim.launchPresentation]?.return_url, launch.deepLinking?.deep_link_return_url],
  });
  const { launch: kept, dropped } = keepTrustedServices(launch, hosts, { production: deps.production });
  for (const { service, host, problem } of dropped) {
    deps.logger?.warn({ platformId: platform.id, service, host, problem }, 'service URL not on the platform: the service is off for this launch');
  }
  return kept;
}

function assertHeader(idToken: string): void {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(idToken);
  } catch {
    throw malformed('not_a_jwt', 'The id_token is not a JSON Web Token.');
  }
  if (header.alg !== 'RS256') throw untrusted('unsupported_algorithm', 'The id_token must be signed with RS256.');
  if (!header.kid) throw untrusted('missing_kid', 'The id_token does not say which key signed it (no kid).');
}

async function verifySignatureAndTimes(deps: IdTokenVerifierDeps, idToken: string, platform: Platform): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(idToken, deps.jwks.forUrl(platform.jwksUrl), {
      algorithms: ['RS256'],
      issuer: platform.issuer,
      audience: platform.clientId,
      clockTolerance: deps.clockLeewaySeconds,
      maxTokenAge: MAX_TOKEN_AGE_SECONDS,
      requiredClaims: ['exp', 'iat', 'nonce'],
      currentDate: deps.now(),
    });
    return payload;
  } catch (err) {
    throw translateJoseError(err);
  }
}

function translateJoseError(err: unknown): LtiError {
  if (err instanceof joseErrors.JWKSNoMatchingKey) return untrusted('unknown_kid', 'The id_token was signed with a key the platform does not publish.');
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) return untrusted('bad_signature', 'The id_token signature is not valid.');
  if (err instanceof joseErrors.JWTExpired) return untrusted('token_expired', 'The launch has expired. Open Playroute again from your course.');
  if (err instanceof joseErrors.JWTClaimValidationFailed) {
    const claim = err.claim;
    if (claim === 'iss') return untrusted('wrong_issuer', 'The id_token comes from another issuer than the login.');
    if (claim === 'aud') return untrusted('wrong_audience', 'The id_token is not meant for Playroute (aud).');
    if (claim === 'iat') return untrusted('issued_in_future', 'The id_token is dated in the future; check the LMS clock.');
    return untrusted('invalid_claims', `The id_token claim ${claim} is not valid.`);
  }
  if (err instanceof joseErrors.JWKSTimeout || err instanceof joseErrors.JWKSInvalid) {
    return new LtiError(502, 'platform_keys_unavailable', 'The LMS key set could not be read. Try again in a moment.');
  }
  if (err instanceof joseErrors.JOSEError) return untrusted('invalid_token', 'The id_token could not be verified.');
  return new LtiError(502, 'platform_keys_unavailable', 'The LMS key set could not be read. Try again in a moment.');
}

/** With several audiences, azp must name us; when present at all, it must be us. */
function assertAuthorisedParty(payload: JWTPayload, clientId: string): void {
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  const azp = payload.azp;
  if (audiences.length > 1 && azp === undefined) {
    throw untrusted('missing_azp', 'The id_token has several audiences but no azp claim.');
  }
  if (azp !== undefined && azp !== clientId) throw untrusted('wrong_azp', 'The id_token azp claim is not Playroute’s client_id.');
}
