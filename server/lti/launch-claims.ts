// The claim set of an LTI 1.3 launch id_token, checked with zod, and the typed launch Playroute works with.
import { z } from 'zod';
import { Claim, LTI_VERSION, MessageType } from './claims';

const id = z.string().min(1, 'must not be empty').max(255, 'must be at most 255 characters');

const contextClaim = z.object({
  id,
  label: z.string().optional(),
  title: z.string().optional(),
  type: z.array(z.string()).optional(),
});

const resourceLinkClaim = z.object({ id, title: z.string().optional(), description: z.string().optional() });

const agsClaim = z.object({
  scope: z.array(z.string()).default([]),
  lineitems: z.url().optional(),
  lineitem: z.url().optional(),
});

const nrpsClaim = z.object({
  context_memberships_url: z.url(),
  service_versions: z.array(z.string()).optional(),
});

const deepLinkingSettingsClaim = z.object({
  deep_link_return_url: z.url(),
  accept_types: z.array(z.string()).min(1),
  accept_presentation_document_targets: z.array(z.string()).default([]),
  accept_multiple: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).optional(),
  auto_create: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).optional(),
  title: z.string().optional(),
  text: z.string().optional(),
  data: z.string().optional(),
});

/** Whatever else a platform sends is kept out: only these claims are read. */
export const launchClaimsSchema = z
  .object({
    iss: z.string().min(1),
    sub: id,
    nonce: z.string().min(1),
    name: z.string().optional(),
    given_name: z.string().optional(),
    family_name: z.string().optional(),
    email: z.string().optional(),
    locale: z.string().optional(),
    [Claim.version]: z.literal(LTI_VERSION, { message: `must be ${LTI_VERSION}` }),
    [Claim.messageType]: z.enum([MessageType.resourceLink, MessageType.deepLinkingRequest], {
      message: 'must be LtiResourceLinkRequest or LtiDeepLinkingRequest',
    }),
    [Claim.deploymentId]: id,
    [Claim.roles]: z.array(z.string()).optional(),
    // A malformed mentor scope only loses the scoping (the coach then sees the whole class), never the launch.
    [Claim.roleScopeMentor]: z.array(z.string()).optional().catch(undefined),
    [Claim.context]: contextClaim.optional(),
    [Claim.resourceLink]: resourceLinkClaim.optional(),
    [Claim.targetLinkUri]: z.string().optional(),
    [Claim.custom]: z.record(z.string(), z.unknown()).optional(),
    [Claim.launchPresentation]: z.object({ locale: z.string().optional(), return_url: z.string().optional() }).optional(),
    [Claim.toolPlatform]: z.object({ product_family_code: z.string().optional(), name: z.string().optional() }).optional(),
    [Claim.agsEndpoint]: agsClaim.optional(),
    [Claim.nrpsService]: nrpsClaim.optional(),
    [Claim.deepLinkingSettings]: deepLinkingSettingsClaim.optional(),
  })
  .superRefine((claims, ctx) => {
    const type = claims[Claim.messageType];
    if (type === MessageType.resourceLink && !claims[Claim.resourceLink]) {
      ctx.addIssue({ code: 'custom', path: [Claim.resourceLink], message: 'is required in a resource link launch' });
    }
    if (type === MessageType.deepLinkingRequest && !claims[Claim.deepLinkingSettings]) {
      ctx.addIssue({ code: 'custom', path: [Claim.deepLinkingSettings], message: 'is required in a deep linking request' });
    }
  });

export type LaunchClaims = z.infer<typeof launchClaimsSchema>;
export type DeepLinkingSettings = z.infer<typeof deepLinkingSettingsClaim>;

/** A validated launch in Playroute's own words. */
export interface LtiLaunch {
  issuer: string;
  clientId: string;
  deploymentId: string;
  messageType: LaunchClaims[typeof Claim.messageType];
  user: { sub: string; name?: string; givenName?: string; familyName?: string; email?: string; locale?: string };
  roles: string[];
  /** The user ids a mentor (study coach) is scoped to (role_scope_mentor), when the platform sends them. */
  mentees?: string[];
  context?: { id: string; label?: string; title?: string };
  resourceLink?: { id: string; title?: string };
  custom: Record<string, string>;
  ags?: { scopes: string[]; lineItemsUrl?: string; lineItemUrl?: string };
  nrps?: { membershipsUrl: string };
  deepLinking?: DeepLinkingSettings;
  productFamily?: string;
}

export function toLaunch(claims: LaunchClaims, clientId: string): LtiLaunch {
  const context = claims[Claim.context];
  const resourceLink = claims[Claim.resourceLink];
  const ags = claims[Claim.agsEndpoint];
  const nrps = claims[Claim.nrpsService];
  return {
    issuer: claims.iss,
    clientId,
    deploymentId: claims[Claim.deploymentId],
    messageType: claims[Claim.messageType],
    user: {
      sub: claims.sub,
      name: claims.name ?? joinNames(claims.given_name, claims.family_name),
      givenName: claims.given_name,
      familyName: claims.family_name,
      email: claims.email,
      locale: claims[Claim.launchPresentation]?.locale ?? claims.locale,
    },
    roles: claims[Claim.roles] ?? [],
    mentees: claims[Claim.roleScopeMentor],
    context: context && { id: context.id, label: context.label, title: context.title },
    resourceLink: resourceLink && { id: resourceLink.id, title: resourceLink.title },
    custom: stringValues(claims[Claim.custom] ?? {}),
    ags: ags && { scopes: ags.scope, lineItemsUrl: ags.lineitems, lineItemUrl: ags.lineitem },
    nrps: nrps && { membershipsUrl: nrps.context_memberships_url },
    deepLinking: claims[Claim.deepLinkingSettings],
    productFamily: claims[Claim.toolPlatform]?.product_family_code,
  };
}

function joinNames(given?: string, family?: string): string | undefined {
  const name = [given, family].filter(Boolean).join(' ');
  return name || undefined;
}

// Custom parameters arrive as strings from most platforms; anything else is dropped, not guessed.
function stringValues(custom: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(custom).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
