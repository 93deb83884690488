// A student's use cases on their own route: composing it, submitting or withdrawing it, and marking progress.
import type { EntryStatus } from '../../../domain/route';
import { submitRoute, withdrawRoute } from '../../../domain/route-approval';
import { saveRoute, type EntryInput } from '../../../domain/route-compose';
import { markProgress } from '../../../domain/route-progress';
import { changeOwnRoute, type ChangeProps, type OptionalVersionProps } from './change-route';
import type { LearningRouteDeps } from '../deps';
import type { OpenRoute } from './open-route';

export interface SaveOwnRouteProps extends ChangeProps {
  /** The whole route in order; activities already in it keep their progress. */
  entries: EntryInput[];
}

/** Level 1 follows the recommended route: the domain refuses composing (403 level_forbids). */
export function saveOwnRoute(deps: LearningRouteDeps, { entries, ...props }: SaveOwnRouteProps): Promise<OpenRoute> {
  return changeOwnRoute(deps, props, (context) => saveRoute({ ...context, entries }));
}

/** Refused with every rule violation when the route is not sound yet. */
export function submitOwnRoute(deps: LearningRouteDeps, props: ChangeProps): Promise<OpenRoute> {
  return changeOwnRoute(deps, props, submitRoute);
}

export function withdrawOwnRoute(deps: LearningRouteDeps, props: ChangeProps): Promise<OpenRoute> {
  return changeOwnRoute(deps, props, withdrawRoute);
}

export interface MarkOwnProgressProps extends OptionalVersionProps {
  activityId: string;
  status: EntryStatus;
}

export function markOwnProgress(deps: LearningRouteDeps, { activityId, status, ...props }: MarkOwnProgressProps): Promise<OpenRoute> {
  return changeOwnRoute(deps, props, (context) => markProgress({ ...context, activityId, status }));
}
