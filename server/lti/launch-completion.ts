// After a launch is verified: remember who and where it came from, and open a Playroute session for it.
import type { CourseRecords } from './store/course-records';
import type { LearnedFramingOrigins } from './store/framing-origins';
import type { LaunchHandoffs } from './store/launch-handoffs';
import type { Platform, PlatformRegistry } from './store/platforms';
import { MessageType } from './claims';
import type { LtiLaunch } from './launch-claims';
import { refused } from './lti-errors';
import { playrouteRolesOf } from './roles';
import type { SessionTokens } from './session-token';

export interface LaunchCompletionDeps {
  records: CourseRecords;
  handoffs: LaunchHandoffs;
  sessions: SessionTokens;
  now: () => Date;
  /** Where the LMS pages of launches are, for frame-ancestors (server/http/framing-origins.ts). */
  framing?: Pick<LearnedFramingOrigins, 'remember'>;
  registry?: Pick<PlatformRegistry, 'learnProductFamily'>;
}

/** Stores person, course, placement and membership, and returns the session token for the client. */
export async function completeLaunch(deps: LaunchCompletionDeps, props: { platform: Platform; launch: LtiLaunch }): Promise<string> {
  const { platform, launch } = props;
  const roles = playrouteRolesOf(launch.roles);
  if (launch.messageType === MessageType.deepLinkingRequest && !roles.includes('teacher')) {
    throw refused('deep_linking_needs_instructor', 'Only a teacher of the course can place Playroute (deep linking).');
  }
  const now = deps.now();
  const platformId = platform.id;
  const { deploymentId } = launch;
  const context = launch.context?.id;
  // The platform signed these addresses: its course pages live there, and may show Playroute in a frame.
  const origins = new Set([launch.returnUrl, launch.deepLinking?.deep_link_return_url].map(webAddress).filter((address) => address !== undefined).map((address) => new URL(address).origin));
  const framing = Promise.all([...origins].map((origin) => deps.framing?.remember(platformId, origin, now)));
  const records = deps.records.recordLaunch({
    launchedAt: now,
    // Only what Playroute shows or uses (issue 15, data minimisation): the display name, e-mail and locale; the given and
    // family names the LMS may also send are never shown, so they are not kept.
    person: { platformId, sub: launch.user.sub, ...definedOnly({ name: launch.user.name, email: launch.user.email, locale: launch.user.locale }) },
    context: context
      ? {
          platformId,
          deploymentId,
          contextId: context,
          ...definedOnly({
            title: launch.context?.title,
            label: launch.context?.label,
            membershipsUrl: launch.nrps?.membershipsUrl,
            lineItemsUrl: launch.ags?.lineItemsUrl,
          }),
        }
      : undefined,
    membership: context
      ? {
          platformId,
          deploymentId,
          contextId: context,
          sub: launch.user.sub,
          ltiRoles: launch.roles,
          status: 'active',
          ...definedOnly({ name: launch.user.name, email: launch.user.email, mentees: launch.mentees }),
        }
      : undefined,
    placement: launch.resourceLink
      ? {
          platformId,
          deploymentId,
          resourceLinkId: launch.resourceLink.id,
          custom: launch.custom,
          ...definedOnly({ contextId: context, title: launch.resourceLink.title, lineItemUrl: launch.ags?.lineItemUrl }),
        }
      : undefined,
  });
  await Promise.all([records, framing]);
  // A manually registered LMS says what it is only in its launches (tool_platform); the gradebook rule needs to know
  // (features/grades/SCORE-RULE.md: Moodle gets no progress after a grade). One write, the first time only.
  if (!platform.productFamily && launch.productFamily) await deps.registry?.learnProductFamily(platformId, launch.productFamily);

  const deepLinkRequestId =
    launch.messageType === MessageType.deepLinkingRequest
      ? await deps.handoffs.saveDeepLinkRequest({ platformId, launch, createdAt: now })
      : undefined;
  return deps.sessions.issue({
    platformId,
    deploymentId,
    sub: launch.user.sub,
    roles,
    messageType: launch.messageType,
    ...definedOnly({
      contextId: launch.context?.id,
      course: launch.context ? definedOnly({ title: launch.context.title, label: launch.context.label }) : undefined,
      resourceLinkId: launch.resourceLink?.id,
      locale: launch.user.locale,
      name: launch.user.name,
      deepLinkRequestId,
      returnUrl: webAddress(launch.returnUrl),
    }),
  });
}

// The client puts the return URL in a link: a javascript: or data: address there would run in Playroute's origin.
function webAddress(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.toString() : undefined;
  } catch {
    return undefined;
  }
}

// Claims a platform did not share are left out rather than stored as undefined (and so never overwrite known values).
function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([key, value]) => value !== undefined && key !== 'sub')) as Partial<T>;
}
