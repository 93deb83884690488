// Names and Role Provisioning Services 2.0: reads the whole membership of a course, page by page, checked against the spec's shape.
import { z } from 'zod';
import { MediaType, Scope } from './claims';
import { failureOf, PlatformServiceError } from './service-errors';
import type { ServiceClient } from './service-client';
import type { TokenPlatform } from './service-token';

export type NrpsStatus = 'active' | 'inactive' | 'deleted';

export interface NrpsMember {
  userId: string;
  /** LTI role URIs (or short names) as the platform sent them. */
  roles: string[];
  status: NrpsStatus;
  name?: string;
  givenName?: string;
  familyName?: string;
  /** Only when the platform shares it with the tool. */
  email?: string;
}

export interface NrpsMembership {
  context?: { id: string; label?: string; title?: string };
  members: NrpsMember[];
}

export interface NrpsClient {
  /** Every member of the course behind `membershipsUrl` (the launch's context_memberships_url), all pages. */
  members(platform: TokenPlatform, membershipsUrl: string): Promise<NrpsMembership>;
}

export interface NrpsClientDeps {
  services: ServiceClient;
  /** Members asked for per page (`limit`). Default 100. */
  pageSize?: number;
  /** Guard against a platform whose next links never end. Default 500 pages. */
  maxPages?: number;
}

const ACTION = 'read the class list';
const optionalText = z.string().optional().nullable().transform((value) => value ?? undefined);

const memberSchema = z.object({
  user_id: z.string().min(1),
  roles: z.array(z.string()).default([]),
  // The spec: Active, Inactive or Deleted, Active when absent; compared without case since platforms vary.
  status: z
    .string()
    .optional()
    .transform((value): NrpsStatus => {
      const lower = (value ?? 'active').toLowerCase();
      return lower === 'inactive' || lower === 'deleted' ? lower : 'active';
    }),
  name: optionalText,
  given_name: optionalText,
  family_name: optionalText,
  email: optionalText,
});

const containerSchema = z.object({
  context: z.object({ id: z.string(), label: optionalText, title: optionalText }).optional(),
  members: z.array(memberSchema),
});

export function createNrpsClient(deps: NrpsClientDeps): NrpsClient {
  const pageSize = deps.pageSize ?? 100;
  const maxPages = deps.maxPages ?? 500;
  return {
    async members(platform, membershipsUrl) {
      // Later pages may repeat someone when the roster changes while we page; the last sighting wins.
      const members = new Map<string, NrpsMember>();
      let context: NrpsMembership['context'];
      const seen = new Set<string>();
      let url: string | undefined = firstPage(membershipsUrl, pageSize);
      while (url) {
        if (seen.has(url) || seen.size >= maxPages) throw invalid(`paging did not end after ${seen.size} pages`);
        seen.add(url);
        const response = await deps.services.call(platform, [Scope.nrpsMembership], { url, accept: MediaType.membershipContainer, action: ACTION });
        if (!response.ok) throw await failureOf(response, ACTION);
        const page = containerSchema.safeParse(await response.json().catch(() => undefined));
        if (!page.success) {
          // One unreadable member fails the whole read: a roster missing people would mark them as gone.
          const issue = page.error.issues[0];
          throw invalid(issue ? `${issue.path.join('.')}: ${issue.message}` : 'not a membership container');
        }
        context ??= page.data.context;
        for (const member of page.data.members) members.set(member.user_id, toMember(member));
        url = nextPage(response.headers.get('link'), url, membershipsUrl);
      }
      return { context, members: [...members.values()] };
    },
  };
}

function firstPage(membershipsUrl: string, pageSize: number): string {
  const url = new URL(membershipsUrl);
  if (!url.searchParams.has('limit')) url.searchParams.set('limit', String(pageSize));
  return url.toString();
}

/**
 * The `rel="next"` target of an RFC 8288 Link header, resolved against the current page. Only links to the
 * origin of the memberships URL are followed: the bearer token goes wherever the link points.
 */
export function nextPage(link: string | null, currentUrl: string, membershipsUrl: string): string | undefined {
  if (!link) return undefined;
  for (const match of link.matchAll(/<([^>]*)>\s*((?:;\s*[^;,]+)*)/g)) {
    const rels = /;\s*rel\s*=\s*"?([^";,]+)"?/i.exec(match[2] ?? '')?.[1]?.toLowerCase().split(/\s+/) ?? [];
    if (!rels.includes('next')) continue;
    let next: URL;
    try {
      next = new URL(match[1] ?? '', currentUrl);
    } catch {
      throw invalid('the next page link is not a URL');
    }
    if (next.origin !== new URL(membershipsUrl).origin) throw invalid('the next page link leads to another site');
    return next.toString();
  }
  return undefined;
}

function toMember(member: z.infer<typeof memberSchema>): NrpsMember {
  const out: NrpsMember = { userId: member.user_id, roles: member.roles, status: member.status };
  const name = member.name ?? ([member.given_name, member.family_name].filter(Boolean).join(' ') || undefined);
  if (name) out.name = name;
  if (member.given_name) out.givenName = member.given_name;
  if (member.family_name) out.familyName = member.family_name;
  if (member.email) out.email = member.email;
  return out;
}

function invalid(description: string): PlatformServiceError {
  return new PlatformServiceError({ kind: 'invalid_response', action: ACTION, description });
}
