// The placement and course a launch session points at, in the keys the playbook store uses.
import { randomUUID } from 'node:crypto';
import { ValidationError } from '../../../errors';
import type { LaunchSession } from '../../../lti/session-token';
import type { ContextKey, PlacementKey } from '../index';

const PENDING_PREFIX = 'pending:';

export function contextKeyOf(session: LaunchSession): ContextKey {
  if (!session.contextId) throw new ValidationError('Playroute works inside a course: this launch came without one.');
  return { platformId: session.platformId, deploymentId: session.deploymentId, contextId: session.contextId };
}

export function placementKeyOf(session: LaunchSession): PlacementKey {
  if (!session.resourceLinkId) throw new ValidationError('This launch is not for a placed Playroute link.');
  return { ...contextKeyOf(session), resourceLinkId: session.resourceLinkId };
}

/**
 * A playbook made while deep linking has no resource link yet (the LMS creates it when the teacher saves);
 * it waits under a pending key until the first launch of the new link claims it.
 */
export function pendingPlacementKey(context: ContextKey): PlacementKey {
  return { ...context, resourceLinkId: `${PENDING_PREFIX}${randomUUID()}` };
}

export function isPending(key: PlacementKey): boolean {
  return key.resourceLinkId.startsWith(PENDING_PREFIX);
}

export function sameContext(a: ContextKey, b: ContextKey): boolean {
  return a.platformId === b.platformId && a.deploymentId === b.deploymentId && a.contextId === b.contextId;
}
