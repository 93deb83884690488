// Use case for following a route: marking an activity planned, in progress, done or skipped.

import { DomainError } from './errors';
import type { EntryStatus, Route, RouteEntry } from './route';
import { assertOwnerOrStaff, assertVersion, commit, type RouteCommandProps } from './route-command';

export interface MarkProgressProps extends RouteCommandProps {
  activityId: string;
  status: EntryStatus;
}

/**
 * Progress never reopens an approved route: following the route is not changing it. A coach or
 * teacher may mark progress too (e.g. attendance at a session). Status may move back (done → in progress)
 * because students reopen work; the first start and the latest completion are kept.
 */
export function markProgress({ route, actor, activityId, status, now, expectedVersion }: MarkProgressProps): Route {
  assertVersion(route, expectedVersion);
  assertOwnerOrStaff(route, actor, 'mark_progress');
  const entry = route.entries.find((e) => e.activityId === activityId);
  if (!entry) throw new DomainError('unknown_activity', 'the activity is not in this route', { activityIds: [activityId] });
  if (entry.status === status) return route;
  const entries = route.entries.map((e) => (e.activityId === activityId ? withStatus(e, status, now) : e));
  return commit(route, { actor, now }, { entries }, [{ kind: 'progress', activityId, from: entry.status, to: status }]);
}

function withStatus(entry: RouteEntry, status: EntryStatus, now: Date): RouteEntry {
  const next: RouteEntry = { ...entry, status, statusChangedAt: now };
  if (status === 'in_progress' && !entry.startedAt) next.startedAt = now;
  if (status === 'done') {
    next.completedAt = now;
    next.startedAt = entry.startedAt ?? now;
  }
  if (status === 'skipped') next.skippedAt = now;
  return next;
}
