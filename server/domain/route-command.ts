// What every route use case shares: the caller, the clock, the version check and writing the change into history.

import { NotAuthorisedError, VersionConflictError } from './errors';
import type { Playbook } from './playbook';
import type { Actor, Route } from './route';
import type { RouteChange } from './route-history';
import { effectiveLevel, type SelfDirectionLevel } from './self-direction';

export interface RouteCommandProps {
  route: Route;
  actor: Actor;
  now: Date;
  /** The version the caller read; a mismatch means someone else saved in between. */
  expectedVersion?: number;
}

export function assertVersion(route: Route, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && expectedVersion !== route.version) {
    throw new VersionConflictError(expectedVersion, route.version);
  }
}

/** Only the student whose route it is composes it. */
export function assertOwner(route: Route, actor: Actor, action: string): void {
  if (actor.role !== 'student' || actor.id !== route.studentId) throw new NotAuthorisedError(action);
}

export function assertStaff(actor: Actor, action: string): void {
  if (actor.role !== 'coach' && actor.role !== 'teacher') throw new NotAuthorisedError(action);
}

export function assertOwnerOrStaff(route: Route, actor: Actor, action: string): void {
  if (actor.role === 'student') assertOwner(route, actor, action);
}

export function levelOf(playbook: Pick<Playbook, 'selfDirectionLevel'>, route: Route): SelfDirectionLevel {
  return effectiveLevel(playbook.selfDirectionLevel, route.levelOverride);
}

/** Applies a change immutably: one version step, one history entry per recorded change. */
export function commit(
  route: Route,
  { actor, now }: { actor: Actor; now: Date },
  update: Partial<Omit<Route, 'version' | 'history' | 'updatedAt'>>,
  changes: RouteChange[],
): Route {
  const version = route.version + 1;
  const entries = changes.map((change) => ({ at: now, actorId: actor.id, actorRole: actor.role, version, change }));
  return { ...route, ...update, version, updatedAt: now, history: [...route.history, ...entries] };
}
