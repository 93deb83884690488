// A per-process memory of the "still a member of the course" answer every write needs, so most writes ask the store nothing.
import type { CourseRecords, MembershipScope } from '../lti/store/course-records';

/**
 * How long an answer read from the store is trusted. The roster reaches Playroute only through the NRPS sync, which
 * itself runs now and then (when a class list older than ten minutes is opened, or a teacher asks), so an unenrolment
 * is already minutes old when Playroute learns it; another process trusting its answer for two seconds more is the
 * same staleness, bounded, not a new kind. This process's own membership writes (a roster sync, a launch) forget the
 * answers they touch at once, so here nothing waits for the TTL. An erasure or the retention job removes memberships
 * without telling the cache: that only turns an answer into "yes" (no membership is never refused), so what they leave
 * behind is at worst a "no" the person was given a moment before, for at most the TTL.
 */
export const MEMBERSHIP_TTL_MS = 2_000;
/** Answers kept; past this the oldest goes. A class of 200 saving needs 200; a school's busy hour a few thousand. */
export const MEMBERSHIP_CACHE_ENTRIES = 10_000;

export interface MembershipKey {
  platformId: string;
  deploymentId: string;
  contextId: string;
  sub: string;
}

export interface MembershipCacheOptions {
  ttlMs?: number;
  maxEntries?: number;
  /** Milliseconds; tests move it instead of waiting. */
  now?: () => number;
}

export interface MembershipCache {
  /** The remembered answer while it is fresh, else `read()`'s, remembered unless this process wrote memberships meanwhile. */
  answer(key: MembershipKey, read: () => Promise<boolean>): Promise<boolean>;
  /** Forgets what a membership write changed: one person's answer, or a whole course's when `sub` is absent. */
  forget(scope: MembershipScope): void;
}

export function createMembershipCache(options: MembershipCacheOptions = {}): MembershipCache {
  const ttlMs = options.ttlMs ?? MEMBERSHIP_TTL_MS;
  const maxEntries = options.maxEntries ?? MEMBERSHIP_CACHE_ENTRIES;
  const now = options.now ?? Date.now;
  const answers = new Map<string, { member: boolean; readAt: number }>();
  // Moves on every forget: a read that began before a write may carry the old answer, so it is not remembered.
  let writes = 0;

  return {
    async answer(key, read) {
      const id = keyOf(key);
      const known = answers.get(id);
      if (known && now() - known.readAt < ttlMs) return known.member;
      const writesBefore = writes;
      const readAt = now();
      const member = await read();
      if (writes === writesBefore) {
        answers.delete(id);
        if (answers.size >= maxEntries) answers.delete(answers.keys().next().value ?? id);
        answers.set(id, { member, readAt });
      }
      return member;
    },
    forget(scope) {
      writes += 1;
      if (scope.sub !== undefined) {
        answers.delete(keyOf({ ...scope, sub: scope.sub }));
        return;
      }
      const course = keyOf({ ...scope, sub: '' });
      for (const id of answers.keys()) if (id.startsWith(course)) answers.delete(id);
    },
  };
}

/** The four parts in order, separated by a character no LTI id holds, so a course's answers share a prefix. */
function keyOf({ platformId, deploymentId, contextId, sub }: MembershipKey): string {
  return `${platformId}\u0000${deploymentId}\u0000${contextId}\u0000${sub}`;
}

/** Wires the cache to the records: every membership write this process makes through them forgets what it touched. */
export function membershipCacheOf(records: Pick<CourseRecords, 'onMembershipsWritten'>, options: MembershipCacheOptions = {}): MembershipCache {
  const cache = createMembershipCache(options);
  records.onMembershipsWritten((scope) => cache.forget(scope));
  return cache;
}
