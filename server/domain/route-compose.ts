// Use cases that create a route and change which activities it holds, in which order.

import { DomainError, LevelForbidsError } from './errors';
import type { Playbook } from './playbook';
import { canComposeRoute } from './self-direction';
import { emptyStudyPlan, type Actor, type Route, type RouteEntry } from './route';
import { assertOwner, assertVersion, commit, levelOf, type RouteCommandProps } from './route-command';
import { reopenForChange } from './route-status';

export interface CreateRouteProps {
  playbook: Playbook;
  student: Actor;
  /** The id the store gives the new route. */
  routeId: string;
  now: Date;
}

/** Every route starts as the recommended route, so no student starts from an empty page. */
export function createRoute({ playbook, student, routeId, now }: CreateRouteProps): Route {
  if (playbook.status !== 'published') {
    throw new DomainError('playbook_not_published', 'the playbook is not published yet', { playbookId: playbook.id });
  }
  const known = new Set(playbook.activities.map((a) => a.id));
  const activityIds = playbook.recommendedRoute.filter((id) => known.has(id));
  return {
    id: routeId,
    playbookId: playbook.id,
    studentId: student.id,
    status: 'draft',
    entries: activityIds.map((activityId) => ({ activityId, status: 'planned' })),
    ownActivities: [],
    learningGoals: [],
    studyPlan: emptyStudyPlan(),
    version: 1,
    history: [{ at: now, actorId: student.id, actorRole: student.role, version: 1, change: { kind: 'created', activityIds } }],
    createdAt: now,
    updatedAt: now,
  };
}

export interface EntryInput {
  activityId: string;
  plannedFor?: Date;
}

export interface SaveRouteProps extends RouteCommandProps {
  playbook: Playbook;
  /** The whole new route in order; entries already in the route keep their progress. */
  entries: EntryInput[];
}

/** A draft may still break the rules (the student is composing); submitting is where the rules are enforced. */
export function saveRoute({ playbook, route, actor, entries, now, expectedVersion }: SaveRouteProps): Route {
  assertVersion(route, expectedVersion);
  assertOwner(route, actor, 'compose_route');
  const level = levelOf(playbook, route);
  if (!canComposeRoute(level)) throw new LevelForbidsError('compose_route', level);
  assertChoosable(playbook, route, entries);
  if (sameEntries(route.entries, entries)) return route;

  const previous = new Map(route.entries.map((e) => [e.activityId, e]));
  const next: RouteEntry[] = entries.map(({ activityId, plannedFor }) => {
    const kept = previous.get(activityId) ?? { activityId, status: 'planned' as const };
    const { plannedFor: _old, ...rest } = kept;
    return plannedFor ? { ...rest, plannedFor } : rest;
  });
  const reopened = reopenForChange(route.status);
  return commit(route, { actor, now }, { entries: next, status: reopened.status }, [
    ...reopened.changes,
    { kind: 'entries_saved', ...diffIds(route.entries.map((e) => e.activityId), entries.map((e) => e.activityId)) },
  ]);
}

/** Unknown or repeated activities are refused outright: progress is tracked per activity id. */
function assertChoosable(playbook: Playbook, route: Route, entries: EntryInput[]): void {
  const choosable = new Set([
    ...playbook.activities.map((a) => a.id),
    ...route.ownActivities.filter((a) => a.status !== 'rejected').map((a) => a.id),
  ]);
  const ids = entries.map((e) => e.activityId);
  const unknown = ids.filter((id) => !choosable.has(id));
  if (unknown.length > 0) throw new DomainError('unknown_activity', 'not in the playbook', { activityIds: unknown });
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (repeated.length > 0) throw new DomainError('duplicate_activity', 'chosen twice', { activityIds: repeated });
}

function sameEntries(current: RouteEntry[], next: EntryInput[]): boolean {
  return (
    current.length === next.length &&
    current.every((e, i) => e.activityId === next[i]?.activityId && e.plannedFor?.getTime() === next[i]?.plannedFor?.getTime())
  );
}

export function diffIds(before: string[], after: string[]): { added: string[]; removed: string[]; reordered: boolean } {
  const added = after.filter((id) => !before.includes(id));
  const removed = before.filter((id) => !after.includes(id));
  const keptBefore = before.filter((id) => after.includes(id));
  const keptAfter = after.filter((id) => before.includes(id));
  return { added, removed, reordered: keptBefore.some((id, i) => keptAfter[i] !== id) };
}
