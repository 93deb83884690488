// Builds the claim set of a launch id_token from the launch, the tool, the user and the placement.
import type { JWTPayload } from 'jose';
import { Claim, ContextType, LTI_VERSION, MessageType, Role, Scope } from '../lti/claims';
import type { LmsContext } from './context';
import { fullName, rolesOf, type Member } from './course';
import type { PendingLaunch, Placement, RegisteredTool } from './state';

const AGS_SCOPES: readonly string[] = [Scope.lineItem, Scope.lineItemReadOnly, Scope.resultReadOnly, Scope.score];

export function launchClaims(
  ctx: LmsContext,
  props: { launch: PendingLaunch; tool: RegisteredTool; member: Member; nonce: string },
): JWTPayload {
  const { launch, tool, member, nonce } = props;
  const profile = ctx.profile();
  const roles = rolesOf(member, profile);
  const placement = launch.resourceLinkId ? ctx.state.placements.get(launch.resourceLinkId) : undefined;
  // A link a course copy made launches in the copied course (services stay those of the demo course: a simplification).
  const course = placement?.copied?.course ?? ctx.course;
  const claims: JWTPayload = {
    iss: ctx.urls.issuer,
    aud: tool.clientId,
    azp: tool.clientId,
    sub: member.userId,
    nonce,
    name: fullName(member),
    given_name: member.givenName,
    family_name: member.familyName,
    email: member.email,
    locale: launch.locale,
    [Claim.messageType]: launch.messageType,
    [Claim.version]: LTI_VERSION,
    [Claim.deploymentId]: launch.deploymentId,
    [Claim.targetLinkUri]: launch.targetLinkUri,
    [Claim.roles]: roles,
    [Claim.context]: { id: course.id, label: course.label, title: course.title, type: [ContextType.courseOffering] },
    [Claim.toolPlatform]: {
      guid: `${ctx.urls.issuer}#platform`,
      name: profile.platformName,
      product_family_code: profile.productFamilyCode,
      version: '1.0',
    },
    [Claim.launchPresentation]: { document_target: 'iframe', locale: launch.locale, return_url: `${ctx.urls.issuer}/` },
    [Claim.lis]: { person_sourcedid: member.userId, course_offering_sourcedid: course.id },
    [Claim.custom]: substitute({ ...tool.customParameters, ...placement?.custom }, ctx, member, placement),
  };
  if (roles.includes(Role.mentor) && member.mentees) claims[Claim.roleScopeMentor] = member.mentees;
  if (placement) claims[Claim.resourceLink] = { id: placement.resourceLinkId, title: placement.title, description: placement.text ?? '' };
  Object.assign(claims, serviceClaims(ctx, tool, placement));
  if (launch.messageType === MessageType.deepLinkingRequest) {
    claims[Claim.deepLinkingSettings] = {
      deep_link_return_url: ctx.urls.deepLinkReturn,
      accept_types: ['ltiResourceLink'],
      accept_presentation_document_targets: ['iframe', 'window'],
      accept_multiple: true,
      accept_lineitem: true,
      auto_create: true,
      title: ctx.course.title,
      data: launch.deepLinkData,
    };
  }
  return claims;
}

function serviceClaims(ctx: LmsContext, tool: RegisteredTool, placement: Placement | undefined): JWTPayload {
  const claims: JWTPayload = {};
  const agsScopes = tool.scopes.filter((scope) => AGS_SCOPES.includes(scope));
  if (agsScopes.length > 0) {
    const endpoint: Record<string, unknown> = { scope: agsScopes, lineitems: withQuery(ctx, ctx.urls.lineItems(ctx.course.id)) };
    const items = [...ctx.state.lineItems.values()].filter(
      (item) => placement && item.clientId === tool.clientId && item.resourceLinkId === placement.resourceLinkId,
    );
    // The spec sends `lineitem` only when the resource link has exactly one line item.
    const only = items.length === 1 ? items[0] : undefined;
    if (only) endpoint.lineitem = withQuery(ctx, ctx.urls.lineItem(ctx.course.id, only.id));
    claims[Claim.agsEndpoint] = endpoint;
  }
  if (tool.scopes.includes(Scope.nrpsMembership)) {
    claims[Claim.nrpsService] = { context_memberships_url: ctx.urls.memberships(ctx.course.id), service_versions: ['2.0'] };
  }
  return claims;
}

/** Adds the quirk's query string (Moodle's `?type_id=1`) to a service URL. */
export function withQuery(ctx: LmsContext, url: string): string {
  const query = new URLSearchParams(ctx.profile().lineItemQuery).toString();
  return query ? `${url}?${query}` : url;
}

function substitute(custom: Record<string, string>, ctx: LmsContext, member: Member, placement: Placement | undefined): Record<string, string> {
  const variables: Record<string, string> = {
    '$User.id': member.userId,
    '$Person.name.given': member.givenName,
    '$Person.name.family': member.familyName,
    '$Context.id': placement?.copied?.course.id ?? ctx.course.id,
    '$ResourceLink.id': placement?.resourceLinkId ?? '',
    // instructure/canvas-lms lib/lti/variable_expander.rb: "Context.id.history" is the comma-separated list of the
    // courses content was copied from, newest first, and empty for a course that is no copy.
    '$Context.id.history': placement?.copied?.contextIdHistory.join(',') ?? '',
    '$ResourceLink.id.history': placement?.copied?.resourceLinkIdHistory.join(',') ?? '',
  };
  return Object.fromEntries(Object.entries(custom).map(([key, value]) => [key, variables[value] ?? value]));
}
