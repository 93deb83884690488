// The signed LtiDeepLinkingResponse that places Playroute in a course: one resource link, with a gradebook line item.
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { AppError, NotAuthorisedError } from '../errors';
import type { LaunchHandoffs } from './store/launch-handoffs';
import type { PlatformRegistry } from './store/platforms';
import { Claim, LTI_VERSION, MessageType } from './claims';
import type { LaunchSession } from './session-token';
import type { ToolKeys } from './tool-keys';

export interface ResourceLinkItem {
  title: string;
  text?: string;
  /** Custom parameters the LMS sends back on every launch of the link. */
  custom: Record<string, string>;
  /** A gradebook column: Moodle creates none for a link without one. */
  lineItem: { label: string; scoreMaximum: number; resourceId: string; tag: string };
}

export interface DeepLinkingDeps {
  handoffs: LaunchHandoffs;
  registry: PlatformRegistry;
  keys: ToolKeys;
  launchUrl: string;
  now: () => Date;
}

/** Answers the deep-linking request of this session, once: the JWT and where the browser must post it. */
export async function respondToDeepLinking(
  deps: DeepLinkingDeps,
  props: { session: LaunchSession; item: ResourceLinkItem },
): Promise<{ returnUrl: string; jwt: string }> {
  const { session, item } = props;
  if (!session.deepLinkRequestId) throw new NotAuthorisedError('This launch was not a request to place Playroute.');
  const request = await deps.handoffs.takeDeepLinkRequest(session.deepLinkRequestId, deps.now());
  if (!request || request.platformId !== session.platformId) {
    throw new AppError(409, 'deep_link_request_used', 'This placement was already answered or has expired. Start adding Playroute again from the course.');
  }
  const settings = request.launch.deepLinking;
  if (!settings) throw new AppError(409, 'deep_link_request_used', 'This launch carried no deep-linking settings.');
  if (!settings.accept_types.includes('ltiResourceLink')) {
    throw new AppError(422, 'link_type_not_accepted', 'This place in the course does not accept a Playroute link.');
  }
  const platform = await deps.registry.get(request.platformId);
  if (!platform) throw new NotAuthorisedError('The learning environment is no longer registered.');
  const { kid, key } = await deps.keys.signingKey();
  const issuedAt = Math.floor(deps.now().getTime() / 1000);
  const contentItem = {
    type: 'ltiResourceLink',
    title: item.title,
    ...(item.text ? { text: item.text } : {}),
    url: deps.launchUrl,
    custom: item.custom,
    lineItem: item.lineItem,
  };
  const jwt = await new SignJWT({
    nonce: randomBytes(16).toString('base64url'),
    [Claim.messageType]: MessageType.deepLinkingResponse,
    [Claim.version]: LTI_VERSION,
    [Claim.deploymentId]: request.launch.deploymentId,
    [Claim.deepLinkingContentItems]: [contentItem],
    ...(settings.data !== undefined ? { [Claim.deepLinkingData]: settings.data } : {}),
  })
    .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
    .setIssuer(platform.clientId)
    .setAudience(platform.issuer)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + 300)
    .sign(key);
  return { returnUrl: settings.deep_link_return_url, jwt };
}
