// The claim set of an LTI 1.3 launch id_token, checked with zod, and the typed launch Playroute works with.
import { z } from 'zod';
import { Claim, LTI_VERSION, MessageType } from './claims';

const id = z.string().min(1, 'must not be empty').max(255, 'must be at most 255 characters');
// Every claim Playroute stores or shows has a cap, so a platform (or whoever forged its claims) cannot fill the store.
const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const url = z.url().max(2048, 'must be at most 2048 characters');
const MAX_CUSTOM_PARAMETERS = 100;
const MAX_CUSTOM_VALUE = 4096;

const contextClaim = z.object({
  id,
  label: text(255).optional(),
  title: text(1000).optional(),
  type: z.array(text(255)).max(20).optional(),
});

const resourceLinkClaim = z.object({ id, title: text(1000).optional(), description: z.string().optional() });

const agsClaim = z.object({
  scope: z.array(text(255)).max(20).default([]),
  lineitems: url.optional(),
  lineitem: url.optional(),
});

const nrpsClaim = z.object({
  context_memberships_url: url,
  service_versions: z.array(z.string()).optional(),
});

const deepLinkingSettingsClaim = z.object({
  deep_link_return_url: url,
  accept_types: z.array(text(255)).min(1).max(20),
  accept_presentation_document_targets: z.array(text(255)).max(20).default([]),
  accept_multiple: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).optional(),
  auto_create: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).optional(),
  title: text(1000).optional(),
  text: text(4000).optional(),
  // Echoed back to the platform in the deep linking response.
  data: text(8192).optional(),
});

/** Whatever else a platform sends is kept out: only these claims are read. */
export const launchClaimsSchema = z
  .object({
    iss: z.string().min(1),
    sub: id,
    nonce: z.string().min(1),
    name: text(500).optional(),
    given_name: text(255).optional(),
    family_name: text(255).optional(),
    email: text(320).optional(),
    locale: text(35).optional(),
    [Claim.version]: z.literal(LTI_VERSION, { message: `must be ${LTI_VERSION}` }),
    [Claim.messageType]: z.enum([MessageType.resourceLink, MessageType.deepLinkingRequest], {
      message: 'must be LtiResourceLinkRequest or LtiDeepLinkingRequest',
    }),
    [Claim.deploymentId]: id,
    [Claim.roles]: z.array(text(255)).max(50).optional(),
    // A malformed mentor scope only loses the scoping (the coach then sees the whole class), never the launch.
    [Claim.roleScopeMentor]: z.array(id).max(1000).optional().catch(undefined),
    [Claim.context]: contextClaim.optional(),
    [Claim.resourceLink]: resourceLinkClaim.optional(),
    [Claim.targetLinkUri]: text(2048).optional(),
    [Claim.custom]: z
      .record(text(255), z.unknown())
      .refine((custom) => Object.keys(custom).length <= MAX_CUSTOM_PARAMETERS, `must have at most ${MAX_CUSTOM_PARAMETERS} parameters`)
      .refine((custom) => Object.values(custom).every((value) => typeof value !== 'string' || value.length <= MAX_CUSTOM_VALUE), `values must be at most ${MAX_CUSTOM_VALUE} characters`)
      .optional(),
    [Claim.launchPresentation]: z.object({ locale: text(35).optional(), return_url: text(2048).optional() }).optional(),
    [Claim.toolPlatform]: z.object({ product_family_code: text(100).optional(), name: text(255).optional() }).optional(),
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
  /** launch_presentation.return_url as sent; launch-completion.ts keeps it only when it is an http(s) address. */
  returnUrl?: string;
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
    returnUrl: claims[Claim.launchPresentation]?.return_url,
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
