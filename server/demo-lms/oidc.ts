// OIDC third-party login: the platform starts a launch at the tool's login URL and answers its authorization request.
import { randomUUID } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import { MessageType, type LaunchMessageType } from '../lti/claims';
import type { LmsContext } from './context';
import { LmsError } from './errors';
import { autoSubmitForm } from '../html';
import { launchClaims } from './id-token';
import type { PendingLaunch, RegisteredTool } from './state';

const LAUNCH_TTL_MS = 5 * 60_000;

export interface StartLaunchProps {
  /** userId of a course member. */
  user: string;
  /** resource_link_id of the placement; defaults to the tool's first placement (resource link launches only). */
  placement?: string;
  messageType?: LaunchMessageType;
  /** Which tool; defaults to the only (or first) registered tool. */
  clientId?: string;
  /** Overrides the member's own locale. */
  locale?: string;
}

export interface StartedLaunch {
  /** The tool's login initiation URL with the third-party-initiated login parameters: what a browser follows. */
  url: string;
  loginParams: Record<string, string>;
  messageHint: string;
}

export function startLaunch(ctx: LmsContext, props: StartLaunchProps): StartedLaunch {
  const tool = props.clientId ? ctx.state.toolByClientId(props.clientId) : ctx.state.tools.values().next().value;
  if (!tool) throw new LmsError(400, 'invalid_request', `no such tool: ${props.clientId ?? '(none registered)'}`);
  const member = ctx.roster.find(props.user);
  if (!member) throw new LmsError(400, 'invalid_request', `not a member of the course: ${props.user}`);
  const messageType = props.messageType ?? MessageType.resourceLink;
  const deploymentId = tool.deploymentIds[0];
  if (!deploymentId) throw new LmsError(400, 'invalid_request', `tool ${tool.clientId} has no deployment`);
  let resourceLinkId: string | undefined;
  let targetLinkUri = tool.deepLinkUrl ?? tool.launchUrl;
  if (messageType === MessageType.resourceLink) {
    const placement = props.placement
      ? ctx.state.placements.get(props.placement)
      : [...ctx.state.placements.values()].find((candidate) => candidate.clientId === tool.clientId);
    if (!placement || placement.clientId !== tool.clientId) throw new LmsError(400, 'invalid_request', `no placement ${props.placement ?? ''} for this tool`);
    resourceLinkId = placement.resourceLinkId;
    targetLinkUri = placement.url ?? tool.launchUrl;
  }
  const launch: PendingLaunch = {
    messageHint: randomUUID(),
    clientId: tool.clientId,
    deploymentId,
    userId: member.userId,
    messageType,
    resourceLinkId,
    targetLinkUri,
    deepLinkData: messageType === MessageType.deepLinkingRequest ? `dl-${randomUUID()}` : undefined,
    locale: props.locale ?? member.locale,
    createdAt: ctx.now(),
  };
  ctx.state.pendingLaunches.set(launch.messageHint, launch);
  const loginParams: Record<string, string> = {
    iss: ctx.urls.issuer,
    login_hint: member.userId,
    target_link_uri: targetLinkUri,
    lti_message_hint: launch.messageHint,
    lti_deployment_id: deploymentId,
    client_id: tool.clientId,
  };
  const storageTarget = ctx.profile().storageTarget;
  if (storageTarget) loginParams.lti_storage_target = storageTarget;
  const url = new URL(tool.loginUrl);
  for (const [key, value] of Object.entries(loginParams)) url.searchParams.set(key, value);
  return { url: url.toString(), loginParams, messageHint: launch.messageHint };
}

const authRequestSchema = z.object({
  scope: z.string().optional(),
  response_type: z.string().optional(),
  response_mode: z.string().optional(),
  prompt: z.string().optional(),
  client_id: z.string().min(1),
  redirect_uri: z.string().min(1),
  login_hint: z.string().optional(),
  lti_message_hint: z.string().optional(),
  state: z.string().optional(),
  nonce: z.string().optional(),
});
type AuthRequest = z.infer<typeof authRequestSchema>;

/** An authentication error OIDC returns to the (already validated) redirect_uri. */
class RedirectableError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function authorizationRouter(ctx: LmsContext): express.Router {
  const router = express.Router();
  const handle = async (req: Request, res: Response) => {
    // The Security Framework allows the authentication request as GET or POST.
    const raw: unknown = req.method === 'POST' ? req.body : req.query;
    const parsed = authRequestSchema.safeParse(raw ?? {});
    if (!parsed.success) throw new LmsError(400, 'invalid_request', 'client_id and redirect_uri are required');
    const params = parsed.data;
    const tool = ctx.state.toolByClientId(params.client_id);
    // Without a known client and a registered redirect_uri the platform must not redirect anywhere.
    if (!tool) throw new LmsError(400, 'unauthorized_client', 'unknown client_id');
    if (!tool.redirectUris.includes(params.redirect_uri)) throw new LmsError(400, 'invalid_request', 'redirect_uri is not registered for this client');
    try {
      const idToken = await issueIdToken(ctx, tool, params);
      const fields: Record<string, string> = { id_token: idToken };
      if (params.state !== undefined) fields.state = params.state;
      res.type('html').send(autoSubmitForm(params.redirect_uri, fields));
    } catch (error) {
      if (!(error instanceof RedirectableError)) throw error;
      const fields: Record<string, string> = { error: error.code, error_description: error.message };
      if (params.state !== undefined) fields.state = params.state;
      res.type('html').send(autoSubmitForm(params.redirect_uri, fields));
    }
  };
  router.get('/auth', handle);
  router.post('/auth', express.urlencoded({ extended: false }), handle);
  return router;
}

async function issueIdToken(ctx: LmsContext, tool: RegisteredTool, params: AuthRequest): Promise<string> {
  if (params.scope !== 'openid') throw new RedirectableError('invalid_scope', 'scope must be openid');
  if (params.response_type !== 'id_token') throw new RedirectableError('unsupported_response_type', 'response_type must be id_token');
  if (params.response_mode !== 'form_post') throw new RedirectableError('invalid_request', 'response_mode must be form_post');
  if (params.prompt !== 'none') throw new RedirectableError('invalid_request', 'prompt must be none');
  if (!params.nonce) throw new RedirectableError('invalid_request', 'nonce is required');
  const launch = params.lti_message_hint ? ctx.state.pendingLaunches.get(params.lti_message_hint) : undefined;
  if (!launch || launch.clientId !== tool.clientId || ctx.now() - launch.createdAt > LAUNCH_TTL_MS) {
    throw new RedirectableError('invalid_request', 'lti_message_hint does not match a launch in progress');
  }
  if (params.login_hint !== launch.userId) throw new RedirectableError('login_required', 'login_hint does not match the signed-in user');
  const member = ctx.roster.find(launch.userId);
  if (!member) throw new RedirectableError('access_denied', 'the user is no longer enrolled');
  // One launch, one id_token: a replayed authorization request must not mint another.
  ctx.state.pendingLaunches.delete(launch.messageHint);
  if (launch.deepLinkData) ctx.state.pendingDeepLinks.set(launch.deepLinkData, launch);
  return ctx.keys.sign(launchClaims(ctx, { launch, tool, member, nonce: params.nonce }));
}

