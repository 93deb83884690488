// Runs a domain use case on a route and stores the result only over the version it was read at.
import type { Playbook } from '../../../domain/playbook';
import type { Actor, Route } from '../../../domain/route';
import type { LaunchSession } from '../../../lti/session-token';
import { StoreError } from '../../../store/store-errors';
import { studentOf } from './actors';
import type { LearningRouteDeps } from '../deps';
import { openOwnRoute, type OpenRoute } from './open-route';
import { openStudentRoute } from './student-route';

/** What every domain route use case needs; the domain checks expectedVersion against the route it is given. */
export interface ChangeContext {
  playbook: Playbook;
  route: Route;
  actor: Actor;
  now: Date;
  expectedVersion: number | undefined;
}

export type RouteChangeFn = (context: ChangeContext) => Route;

export interface ChangeProps {
  session: LaunchSession;
  /** The version the client read: a save from an older tab is refused (409 version_conflict), never lost. */
  version: number;
}

/** Only progress may leave the version out; the store still refuses a change that lands between reading and writing. */
export type OptionalVersionProps = Omit<ChangeProps, 'version'> & { version: number | undefined };

/**
 * The route is opened at the version the client read, so the one this process kept may serve (kept-routes.ts). When the
 * store refuses the write (the route moved on or went meanwhile), the change runs once more over a fresh read: the
 * student then gets what a fresh read would have given (a version conflict, or their route made anew).
 */
export async function changeOwnRoute(deps: LearningRouteDeps, props: OptionalVersionProps, change: RouteChangeFn): Promise<OpenRoute> {
  try {
    return await changeOwnRouteOnce(deps, props, props.version, change);
  } catch (error) {
    if (!(error instanceof StoreError) || props.version === undefined) throw error;
    return changeOwnRouteOnce(deps, props, undefined, change);
  }
}

async function changeOwnRouteOnce(deps: LearningRouteDeps, props: OptionalVersionProps, knownVersion: number | undefined, change: RouteChangeFn): Promise<OpenRoute> {
  const { playbook, route } = await openOwnRoute(deps, { session: props.session, version: knownVersion });
  const next = change({ playbook, route, actor: studentOf(props.session), now: deps.now(), expectedVersion: props.version });
  if (next !== route) return { playbook, route: await deps.routes.save(next, route.version) };
  // Nothing to write, so no conditional write confirms that the route is still at that version: a route this process
  // kept answers only after the store has (a route changed elsewhere meanwhile, e.g. by an erasure, is not answered).
  return knownVersion === undefined ? { playbook, route } : changeOwnRouteOnce(deps, props, undefined, change);
}

export async function changeStudentRoute(
  deps: LearningRouteDeps,
  props: ChangeProps & { studentId: string },
  change: RouteChangeFn,
): Promise<OpenRoute> {
  const { playbook, route, actor } = await openStudentRoute(deps, props);
  return { playbook, route: await store(deps, { playbook, route, actor, now: deps.now(), expectedVersion: props.version }, change) };
}

/**
 * The domain refuses a stale version it can see; the store's version filter refuses the one that changed
 * between reading and writing. An unchanged route (e.g. the same status again) is not written.
 */
async function store(deps: LearningRouteDeps, context: ChangeContext, change: RouteChangeFn): Promise<Route> {
  const next = change(context);
  return next === context.route ? next : deps.routes.save(next, context.route.version);
}
