// Step two of the OIDC launch: the LMS posts the id_token; we check it against its login and open the session.
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { LaunchHandoffs } from './store/launch-handoffs';
import type { LoginState, LoginStates } from './store/login-states';
import type { PlatformLookup } from './store/platform-cache';
import { nonceMemoryUntil, verifyIdToken, type IdTokenVerifierDeps } from './id-token-verifier';
import { completeLaunch, type LaunchCompletionDeps } from './launch-completion';
import { malformed, untrusted, LtiError } from './lti-errors';
import { confirmFromStoragePage } from './pages/launch-pages';
import { pageLanguage } from './pages/page-messages';
import { redirect } from './redirect';
import { stateCookie } from './state-cookie';
import { cspNonce } from '../html';

export interface LaunchHandlerDeps extends IdTokenVerifierDeps, LaunchCompletionDeps {
  registry: PlatformLookup;
  loginStates: LoginStates;
  handoffs: LaunchHandoffs;
  publicUrl: string;
  confirmUrl: string;
}

const launchBodySchema = z.object({
  id_token: z.string().min(1, 'is required'),
  state: z.string().min(1, 'is required'),
});

const confirmBodySchema = z.object({
  pending_launch: z.string().min(1),
  stored_state: z.string().min(1),
});

/** The browser is in LMS-land after this: a clean error page, never a JSON body, is what a person sees. */
export class BlockedBrowserError extends LtiError {
  constructor() {
    super(401, 'browser_blocked_state', 'The browser kept neither the state cookie nor Platform Storage.');
  }
}

export async function handleLaunch(deps: LaunchHandlerDeps, req: Request, res: Response): Promise<void> {
  const body = launchBodySchema.safeParse(req.body ?? {});
  if (!body.success) {
    // An LMS that refused the login answers with an OIDC error instead of a token.
    const error = typeof req.body?.error === 'string' ? String(req.body.error) : undefined;
    if (error) throw malformed('platform_refused_login', `The learning environment refused the login: ${error}.`);
    const issue = body.error.issues[0];
    throw malformed('invalid_launch_request', `The launch is incomplete: ${issue?.path.join('.')} ${issue?.message}.`);
  }
  const { id_token: idToken, state } = body.data;
  // Spent at once and atomically, with its nonce: whatever happens next, neither can be used again.
  const now = deps.now();
  const login = await deps.loginStates.consume(state, { now, keepNonceUntil: nonceMemoryUntil(now, deps.clockLeewaySeconds) });
  if (login === 'unknown') throw untrusted('state_unknown', 'The launch state is unknown, expired or already used.');
  if (login === 'nonce_spent') throw untrusted('nonce_replayed', 'This launch was already used. Open Playroute again from your course.');
  const { platform, launch } = await verifyAgainstPlatform(deps, { idToken, login });

  res.clearCookie(stateCookie.name(state), stateCookie.options(deps.publicUrl));
  if (stateCookie.isPresent(req.get('cookie'), state)) {
    await redirectToClient(deps, res, await completeLaunch(deps, { platform, launch }));
    return;
  }
  if (login.binding !== 'platform-storage' || !login.storageTarget) throw new BlockedBrowserError();
  await askBrowserToConfirm(deps, req, res, { login, platformId: platform.id, authLoginUrl: platform.authLoginUrl, launch });
}

/**
 * The platform comes from a cache (PlatformCache); verification has no side effects, so when the token names a
 * deployment or key the cached registration does not know, it is read again from the store and verified once more:
 * a deployment registered or a JWKS URL changed by another process within the cache's life still gets in.
 */
async function verifyAgainstPlatform(deps: LaunchHandlerDeps, props: { idToken: string; login: LoginState }) {
  const { idToken, login } = props;
  const cached = await deps.registry.find(login.issuer, login.clientId);
  if (!cached) throw untrusted('state_unknown', 'The launch state belongs to a platform that is no longer registered.');
  try {
    return { platform: cached, launch: await verifyIdToken(deps, { idToken, login, platform: cached }) };
  } catch (err) {
    if (!(err instanceof LtiError) || !STALE_REGISTRATION_CODES.has(err.code)) throw err;
    const fresh = await deps.registry.reload(cached.id);
    if (!fresh || (sameDeployments(fresh, cached) && fresh.jwksUrl === cached.jwksUrl)) throw err;
    return { platform: fresh, launch: await verifyIdToken(deps, { idToken, login, platform: fresh }) };
  }
}

const STALE_REGISTRATION_CODES = new Set(['deployment_not_registered', 'unknown_kid']);

function sameDeployments(a: { deploymentIds: string[] }, b: { deploymentIds: string[] }): boolean {
  return a.deploymentIds.length === b.deploymentIds.length && a.deploymentIds.every((id) => b.deploymentIds.includes(id));
}

/** The browser proves with Platform Storage that it started this login; then the launch completes. */
export async function handleLaunchConfirmation(deps: LaunchHandlerDeps, req: Request, res: Response): Promise<void> {
  const body = confirmBodySchema.safeParse(req.body ?? {});
  if (!body.success) throw malformed('invalid_launch_request', 'The launch confirmation is incomplete.');
  const pending = await deps.handoffs.takePendingLaunch(body.data.pending_launch, deps.now());
  if (!pending) throw untrusted('state_unknown', 'The launch is unknown, expired or already completed.');
  if (pending.state !== body.data.stored_state) throw new BlockedBrowserError();
  const platform = await deps.registry.get(pending.platformId);
  if (!platform) throw untrusted('state_unknown', 'The launch belongs to a platform that is no longer registered.');
  await redirectToClient(deps, res, await completeLaunch(deps, { platform, launch: pending.launch }));
}

async function askBrowserToConfirm(
  deps: LaunchHandlerDeps,
  req: Request,
  res: Response,
  props: { login: LoginState; platformId: string; authLoginUrl: string; launch: Awaited<ReturnType<typeof verifyIdToken>> },
): Promise<void> {
  const { login, launch } = props;
  const pendingLaunchId = await deps.handoffs.holdPendingLaunch({
    platformId: props.platformId,
    state: login.state,
    launch,
    createdAt: deps.now(),
  });
  res.setHeader('Cache-Control', 'no-store');
  res.type('html').send(
    confirmFromStoragePage({
      language: pageLanguage(launch.user.locale ?? req.get('accept-language')),
      confirmUrl: deps.confirmUrl,
      pendingLaunchId,
      storageTarget: login.storageTarget ?? '_parent',
      platformOrigin: new URL(props.authLoginUrl).origin,
      state: login.state,
      nonce: cspNonce(res),
    }),
  );
}

// The token travels in the fragment: browsers never send it to a server or in a Referer header.
async function redirectToClient(deps: LaunchHandlerDeps, res: Response, sessionToken: string): Promise<void> {
  res.setHeader('Cache-Control', 'no-store');
  redirect(res, 303, `${deps.publicUrl}/#session=${encodeURIComponent(sessionToken)}`);
}
