// Fetches a course's class list from the platform (NRPS) and stores it: everyone listed is saved, everyone else becomes inactive.
import type { NrpsClient, NrpsMember } from '../../../lti/nrps-client';
import type { ContextRecord, CourseRecords, MembershipRecord } from '../../../lti/store/course-records';
import type { Platform } from '../../../lti/store/platforms';
import { rosterNotOffered } from '../errors';

export interface SyncRosterDeps {
  records: CourseRecords;
  nrps: NrpsClient;
  now: () => Date;
}

export interface SyncRosterProps {
  platform: Platform;
  /** The stored course; its membershipsUrl came with a launch. */
  context: ContextRecord;
}

export interface RosterSync {
  syncedAt: Date;
  /** Members the platform listed (active or not). */
  listed: number;
}

type RosterEntry = Parameters<CourseRecords['replaceRoster']>[1][number];

/** Throws PlatformServiceError when the platform fails; the stored roster is then left as it was. */
export async function syncRoster(deps: SyncRosterDeps, props: SyncRosterProps): Promise<RosterSync> {
  const { platform, context } = props;
  if (!context.membershipsUrl) throw rosterNotOffered();
  const { members } = await deps.nrps.members(platform, context.membershipsUrl);
  // Deleted members are left out, so replaceRoster marks them inactive like anyone else no longer listed.
  const entries = members.filter((member) => member.status !== 'deleted').map(toEntry);
  const syncedAt = deps.now();
  const key = { platformId: context.platformId, deploymentId: context.deploymentId, contextId: context.contextId };
  await deps.records.replaceRoster(key, entries, syncedAt);
  return { syncedAt, listed: entries.length };
}

function toEntry(member: NrpsMember): RosterEntry {
  const status: MembershipRecord['status'] = member.status === 'active' ? 'active' : 'inactive';
  const entry: RosterEntry = { sub: member.userId, ltiRoles: member.roles, status };
  // A detail the platform did not share is left out, so it never erases what a launch told us.
  if (member.name) entry.name = member.name;
  if (member.email) entry.email = member.email;
  return entry;
}
