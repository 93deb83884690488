// Monitoring a route: how far the student is, whether they stalled, whether they ever started.

import type { Playbook } from './playbook';
import type { Route } from './route';
import { resolveRoute, roundHours } from './route-items';

export interface RouteProgress {
  done: number;
  /** Activities the student still means to do or did: skipped ones are not in the total. */
  total: number;
  inProgress: number;
  skipped: number;
  studyLoadDoneHours: number;
  studyLoadTotalHours: number;
  /** done / total, 0 for an empty route; for a progress bar and AGS activity progress. */
  fraction: number;
}

export function routeProgress(playbook: Pick<Playbook, 'activities'>, route: Pick<Route, 'entries' | 'ownActivities'>): RouteProgress {
  const items = resolveRoute(playbook, route).items;
  const active = items.filter((i) => i.status !== 'skipped');
  const done = active.filter((i) => i.status === 'done');
  const total = active.length;
  return {
    done: done.length,
    total,
    inProgress: active.filter((i) => i.status === 'in_progress').length,
    skipped: items.length - total,
    studyLoadDoneHours: roundHours(done.reduce((s, i) => s + i.studyLoadHours, 0)),
    studyLoadTotalHours: roundHours(active.reduce((s, i) => s + i.studyLoadHours, 0)),
    fraction: total === 0 ? 0 : done.length / total,
  };
}

/** The last moment any activity changed status, or undefined when none ever did. */
export function lastProgressAt(route: Pick<Route, 'entries'>): Date | undefined {
  const times = route.entries.flatMap((e) => (e.statusChangedAt ? [e.statusChangedAt.getTime()] : []));
  return times.length === 0 ? undefined : new Date(Math.max(...times));
}

export function neverStarted(route: Pick<Route, 'entries'>): boolean {
  return route.entries.every((e) => e.status === 'planned');
}

export function isFinished(route: Pick<Route, 'entries'>): boolean {
  const active = route.entries.filter((e) => e.status !== 'skipped');
  return active.length > 0 && active.every((e) => e.status === 'done');
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Stalled: unfinished and no status change for `days` days. A route that never started counts
 * from its creation, so a student who chose a route and never began also shows up.
 */
export function isStalled(route: Pick<Route, 'entries' | 'createdAt'>, { now, days }: { now: Date; days: number }): boolean {
  if (isFinished(route)) return false;
  const since = lastProgressAt(route) ?? route.createdAt;
  return now.getTime() - since.getTime() >= days * DAY_MS;
}

/** Students on the roster (NRPS) without a route: they never launched or never chose. */
export function studentsWithoutRoute(rosterIds: string[], routes: Pick<Route, 'studentId'>[]): string[] {
  const withRoute = new Set(routes.map((r) => r.studentId));
  return rosterIds.filter((id) => !withRoute.has(id));
}
