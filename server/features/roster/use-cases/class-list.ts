// The class list a teacher or coach sees: everyone in the course, launched or not, refreshed from the platform when it is stale.
import type { Logger } from '../../../logger';
import { playrouteRolesOf, type PlayrouteRole } from '../../../lti/roles';
import { PlatformServiceError } from '../../../lti/service-errors';
import type { LaunchSession } from '../../../lti/session-token';
import type { ContextRecord, CourseRecords, MembershipRecord } from '../../../lti/store/course-records';
import type { Platform, PlatformRegistry } from '../../../lti/store/platforms';
import { noCourse } from '../errors';
import type { RosterSync, SyncRosterProps } from './sync-roster';

export interface ClassListDeps {
  records: CourseRecords;
  registry: Pick<PlatformRegistry, 'get'>;
  logger: Logger;
  now: () => Date;
  staleAfterMs: number;
  sync: (props: SyncRosterProps) => Promise<RosterSync>;
}

export interface ClassListProps {
  session: LaunchSession;
  /** 'if-stale' (opening the list) keeps the stored list when the platform fails; 'now' (a teacher's request) reports the failure. */
  sync: 'if-stale' | 'now';
}

export interface ClassListMember {
  /** The platform's user id (the launch's `sub`). */
  id: string;
  name: string | null;
  email: string | null;
  roles: PlayrouteRole[];
  status: MembershipRecord['status'];
  /** False for students who are on the class list but never opened Playroute. */
  hasLaunched: boolean;
  lastLaunchAt: Date | null;
}

export interface ClassList {
  course: { id: string; title: string | null; label: string | null };
  roster: {
    /** Whether the platform offers the class list service (NRPS) for this course. */
    available: boolean;
    syncedAt: Date | null;
    /** Why the last automatic refresh failed; the list shown is then the one stored before. */
    error: { code: string; message: string } | null;
  };
  members: ClassListMember[];
}

export async function classList(deps: ClassListDeps, props: ClassListProps): Promise<ClassList> {
  const { session } = props;
  if (!session.contextId) throw noCourse();
  const key = { platformId: session.platformId, deploymentId: session.deploymentId, contextId: session.contextId };
  let context = await deps.records.getContext(key);
  if (!context) throw noCourse();
  let error: ClassList['roster']['error'] = null;
  if (props.sync === 'now' || isStale(deps, context)) {
    try {
      await deps.sync({ platform: await platformOf(deps, session.platformId), context });
      context = (await deps.records.getContext(key)) ?? context;
    } catch (cause) {
      if (props.sync === 'now' || !(cause instanceof PlatformServiceError)) throw cause;
      deps.logger.warn({ platformId: key.platformId, contextId: key.contextId, code: cause.code, lmsStatus: cause.failure.status }, 'class list refresh failed; showing the stored list');
      error = { code: cause.code, message: cause.message };
    }
  }
  const members = await deps.records.listMembers(key);
  return {
    course: { id: context.contextId, title: context.title ?? null, label: context.label ?? null },
    roster: { available: Boolean(context.membershipsUrl), syncedAt: context.rosterSyncedAt ?? null, error },
    members: members.map(toView),
  };
}

// Without the service there is nothing to refresh from; the list is then who has launched.
function isStale(deps: ClassListDeps, context: ContextRecord): boolean {
  if (!context.membershipsUrl) return false;
  return !context.rosterSyncedAt || deps.now().getTime() - context.rosterSyncedAt.getTime() >= deps.staleAfterMs;
}

async function platformOf(deps: ClassListDeps, platformId: string): Promise<Platform> {
  const platform = await deps.registry.get(platformId);
  // The platform was removed from the registry after this launch: there is nowhere to read the list from.
  if (!platform) throw noCourse();
  return platform;
}

function toView(member: MembershipRecord): ClassListMember {
  return {
    id: member.sub,
    name: member.name ?? null,
    email: member.email ?? null,
    roles: playrouteRolesOf(member.ltiRoles),
    status: member.status,
    hasLaunched: Boolean(member.lastLaunchAt),
    lastLaunchAt: member.lastLaunchAt ?? null,
  };
}

/**
 * The class list as someone who is not a teacher may see it: only the students in their scope (the one rule,
 * `studentsInScope`, that the coach view and class overview use too), and without e-mail addresses — a coach
 * reaches their students through the LMS, and a list of addresses is exactly what must not leak.
 */
export function classListInScope(list: ClassList, inScope: readonly Pick<ClassListMember, 'id'>[]): ClassList {
  const ids = new Set(inScope.map((member) => member.id));
  return { ...list, members: list.members.filter((member) => ids.has(member.id)).map((member) => ({ ...member, email: null })) };
}
