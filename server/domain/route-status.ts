// The approval state machine of a route: draft → submitted → approved or returned, and back to draft on a change.

import { InvalidTransitionError, RouteNotEditableError } from './errors';
import type { RouteStatus } from './route';
import type { RouteChange } from './route-history';

/**
 * A student's change to an approved or returned route puts it back in draft: the coach approved
 * *that* route, so a different one needs a new approval. Progress is not a change of route and
 * never reopens it. A submitted route is frozen while the coach looks at it; the student withdraws it first.
 */
export const ROUTE_TRANSITIONS: Record<RouteStatus, readonly RouteStatus[]> = {
  draft: ['submitted'],
  submitted: ['approved', 'returned', 'draft'],
  approved: ['draft'],
  returned: ['draft', 'submitted'],
};

export function canTransition(from: RouteStatus, to: RouteStatus): boolean {
  return ROUTE_TRANSITIONS[from].includes(to);
}

export function assertTransition(from: RouteStatus, to: RouteStatus): void {
  if (!canTransition(from, to)) throw new InvalidTransitionError(from, to);
}

/** The status a route gets when the student changes what the coach approves, plus the history of that step. */
export function reopenForChange(status: RouteStatus): { status: RouteStatus; changes: RouteChange[] } {
  if (status === 'submitted') throw new RouteNotEditableError(status);
  if (status === 'draft') return { status, changes: [] };
  return { status: 'draft', changes: [{ kind: 'status_changed', from: status, to: 'draft' }] };
}
