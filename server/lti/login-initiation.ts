// Step one of the OIDC launch: the LMS names itself, we issue a state and nonce and send the browser to the LMS's auth endpoint.
import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { LoginStates } from './store/login-states';
import type { Platform } from './store/platforms';
import type { PlatformLookup } from './store/platform-cache';
import type { LoginGuard } from './login-guard';
import { malformed, refused } from './lti-errors';
import { checkCookieThenContinuePage, storeStateAndContinuePage } from './pages/launch-pages';
import { cookieCheckUrl, isCrossSiteFrame, relaunchUrl } from './cookie-check';
import { pageLanguage } from './pages/page-messages';
import { redirect } from './redirect';
import { stateCookie } from './state-cookie';
import { cspNonce } from '../html';

// Each value is stored or echoed (the redirect to the LMS, the Platform Storage page): caps keep the redirect
// under the 8 KB header limit of common proxies. Real values are far smaller: a Canvas lti_message_hint is a ~1 KB JWT.
const capped = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const loginParamsSchema = z.object({
  iss: capped(1024).min(1, 'is required'),
  login_hint: capped(2048).min(1, 'is required'),
  target_link_uri: capped(2048).min(1, 'is required'),
  client_id: capped(255).min(1).optional(),
  lti_deployment_id: capped(255).min(1).optional(),
  lti_message_hint: capped(4096).optional(),
  lti_storage_target: capped(255).min(1).optional(),
});

export interface LoginInitiationDeps {
  /** Cached (platform-cache.ts): read again before a deployment the cached copy does not know is refused. */
  registry: PlatformLookup;
  loginStates: LoginStates;
  publicUrl: string;
  launchUrl: string;
  now: () => Date;
  /** Rate limit and waiting-login cap, checked once the platform is known (unknown issuers store nothing). */
  guard?: LoginGuard;
}

export async function initiateLogin(deps: LoginInitiationDeps, req: Request, res: Response): Promise<void> {
  const parsed = loginParamsSchema.safeParse({ ...(req.query as Record<string, unknown>), ...(isRecord(req.body) ? req.body : {}) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw malformed('invalid_login_request', `The login request is incomplete: ${issue?.path.join('.')} ${issue?.message}.`);
  }
  const params = parsed.data;
  let platform = await findPlatform(deps.registry, params.iss, params.client_id);
  if (params.lti_deployment_id && !platform.deploymentIds.includes(params.lti_deployment_id)) {
    platform = (await deps.registry.reload(platform.id)) ?? platform;
  }
  if (params.lti_deployment_id && !platform.deploymentIds.includes(params.lti_deployment_id)) {
    throw refused('deployment_not_registered', `Deployment ${params.lti_deployment_id} of this platform is not registered with Playroute.`);
  }
  // Only our own pages may be launched: an open redirect through the LMS would be a phishing aid.
  if (!URL.canParse(params.target_link_uri, deps.publicUrl)) throw malformed('invalid_login_request', 'The login request is incomplete: target_link_uri is not a URL.');
  if (new URL(params.target_link_uri, deps.publicUrl).origin !== new URL(deps.publicUrl).origin) {
    throw malformed('foreign_target_link_uri', 'The target_link_uri does not point at Playroute.');
  }
  await deps.guard?.admit(req, res, platform.issuer);
  const state = randomToken();
  const nonce = randomToken();
  await deps.loginStates.save({
    state,
    nonce,
    issuer: platform.issuer,
    clientId: platform.clientId,
    deploymentId: params.lti_deployment_id,
    targetLinkUri: params.target_link_uri,
    binding: params.lti_storage_target ? 'platform-storage' : 'cookie',
    storageTarget: params.lti_storage_target,
    createdAt: deps.now(),
  });
  const authUrl = new URL(platform.authLoginUrl);
  const query: Record<string, string | undefined> = {
    scope: 'openid',
    response_type: 'id_token',
    response_mode: 'form_post',
    prompt: 'none',
    client_id: platform.clientId,
    redirect_uri: deps.launchUrl,
    login_hint: params.login_hint,
    lti_message_hint: params.lti_message_hint,
    state,
    nonce,
  };
  // Set on a detached copy and written back once: each URL.searchParams.set re-serialises the whole address.
  const search = new URLSearchParams(authUrl.search);
  for (const [name, value] of Object.entries(query)) if (value !== undefined) search.set(name, value);
  authUrl.search = search.toString();

  // The cookie is set even when Platform Storage is offered: whichever the browser keeps proves the binding.
  res.cookie(stateCookie.name(state), '1', stateCookie.options(deps.publicUrl));
  res.setHeader('Cache-Control', 'no-store');
  // Should neither the cookie nor Platform Storage survive in the LMS page, the same login can start in a new window.
  const newWindow = { checkUrl: cookieCheckUrl(deps.publicUrl, state), relaunchUrl: relaunchUrl(deps.publicUrl, { ...params, client_id: platform.clientId }) };
  if (params.lti_storage_target) {
    res.type('html').send(
      storeStateAndContinuePage({
        language: pageLanguage(req.get('accept-language')),
        authRequestUrl: authUrl.toString(),
        storageTarget: params.lti_storage_target,
        platformOrigin: authUrl.origin,
        state,
        nonce: cspNonce(res),
        ...newWindow,
      }),
    );
    return;
  }
  if (isCrossSiteFrame(req)) {
    res.type('html').send(
      checkCookieThenContinuePage({ language: pageLanguage(req.get('accept-language')), authRequestUrl: authUrl.toString(), nonce: cspNonce(res), ...newWindow }),
    );
    return;
  }
  redirect(res, 302, authUrl.toString());
}

async function findPlatform(registry: PlatformLookup, issuer: string, clientId: string | undefined): Promise<Platform> {
  if (clientId) {
    const platform = await registry.find(issuer, clientId);
    if (platform) return platform;
  } else {
    const candidates = await registry.findByIssuer(issuer);
    // Without client_id the issuer alone must name one registration, or we cannot tell which was meant.
    if (candidates.length === 1 && candidates[0]) return candidates[0];
    if (candidates.length > 1) throw malformed('client_id_required', 'This platform has several registrations; the login request must include client_id.');
  }
  throw refused('platform_not_registered', 'This learning environment is not registered with Playroute.');
}

const TOKEN_BYTES = 24;
/** Random bytes for 170 tokens, drawn at once: a randomBytes call per token was ~0.7 % of the launch bench's main thread. */
const POOL_BYTES = TOKEN_BYTES * 170;
let pool = Buffer.alloc(0);
let poolOffset = 0;

/** A state or nonce: 24 bytes from the CSPRNG (as Node's randomUUID does, taken from a pool it refills), each used once. */
function randomToken(): string {
  if (poolOffset + TOKEN_BYTES > pool.length) {
    pool = randomBytes(POOL_BYTES);
    poolOffset = 0;
  }
  const token = pool.toString('base64url', poolOffset, poolOffset + TOKEN_BYTES);
  poolOffset += TOKEN_BYTES;
  return token;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
