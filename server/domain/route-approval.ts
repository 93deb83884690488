// Use cases of the route's approval: the student submits or withdraws, the coach approves or returns with a comment.

import { DomainError, InvalidTransitionError } from './errors';
import type { Playbook } from './playbook';
import type { Route } from './route';
import { assertOwner, assertStaff, assertVersion, commit, type RouteCommandProps } from './route-command';
import { checkRouteRules } from './route-rules';
import { assertTransition } from './route-status';

export interface ApprovalProps extends RouteCommandProps {
  playbook: Playbook;
}

/** Only a route that satisfies every rule goes to the coach; the violations travel with the refusal. */
export function submitRoute({ playbook, route, actor, now, expectedVersion }: ApprovalProps): Route {
  assertVersion(route, expectedVersion);
  assertOwner(route, actor, 'submit_route');
  assertTransition(route.status, 'submitted');
  assertRulesMet(playbook, route);
  return commit(route, { actor, now }, { status: 'submitted' }, [{ kind: 'status_changed', from: route.status, to: 'submitted' }]);
}

/** Takes a submitted route back so the student can change it again. */
export function withdrawRoute({ route, actor, now, expectedVersion }: RouteCommandProps): Route {
  assertVersion(route, expectedVersion);
  assertOwner(route, actor, 'withdraw_route');
  // approved → draft is also a legal move, but it happens by changing the route, not by withdrawing it.
  if (route.status !== 'submitted') throw new InvalidTransitionError(route.status, 'draft');
  return commit(route, { actor, now }, { status: 'draft' }, [{ kind: 'status_changed', from: route.status, to: 'draft' }]);
}

/** Rules are checked again: the teacher may have changed them since the student submitted. */
export function approveRoute({ playbook, route, actor, now, expectedVersion }: ApprovalProps): Route {
  assertVersion(route, expectedVersion);
  assertStaff(actor, 'approve_route');
  assertTransition(route.status, 'approved');
  const chosen = new Set(route.entries.map((e) => e.activityId));
  const pending = route.ownActivities.filter((a) => a.status === 'proposed' && chosen.has(a.id)).map((a) => a.id);
  if (pending.length > 0) {
    throw new DomainError('proposals_pending', 'decide on the proposed activities first', { ownActivityIds: pending });
  }
  assertRulesMet(playbook, route);
  return commit(
    route,
    { actor, now },
    {
      status: 'approved',
      lastReview: { decision: 'approved', by: actor.id, at: now },
      approvedActivityIds: route.entries.map((e) => e.activityId),
    },
    [{ kind: 'status_changed', from: route.status, to: 'approved' }],
  );
}

export interface ReturnRouteProps extends RouteCommandProps {
  /** Why the route goes back; a return without an explanation leaves the student guessing. */
  comment: string;
}

export function returnRoute({ route, actor, comment, now, expectedVersion }: ReturnRouteProps): Route {
  assertVersion(route, expectedVersion);
  assertStaff(actor, 'return_route');
  assertTransition(route.status, 'returned');
  const text = comment.trim();
  if (text === '') throw new DomainError('comment_required', 'say why the route is returned');
  return commit(
    route,
    { actor, now },
    { status: 'returned', lastReview: { decision: 'returned', by: actor.id, at: now, comment: text } },
    [{ kind: 'status_changed', from: route.status, to: 'returned', comment: text }],
  );
}

function assertRulesMet(playbook: Playbook, route: Route): void {
  const check = checkRouteRules(playbook, route);
  if (!check.ok) {
    throw new DomainError('route_rules_violated', 'the route does not satisfy the rules', { violations: check.violations });
  }
}
