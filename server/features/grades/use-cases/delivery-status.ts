// The teacher's view of grade passback: which grades of a course or placement went to the LMS, which wait, and which failed and why; and retrying a failed one.
import { NotFoundError } from '../../../errors';
import type { DeliveryState, ScoreDelivery } from '../data/delivery-model';
import type { Outbox } from '../data/outbox';

/** One grade on its way to the LMS, as a teacher sees it. */
export interface DeliveryView {
  id: string;
  userId: string;
  resourceLinkId?: string;
  /** The grade column: its label and resourceId, or its URL. */
  lineItem: { label?: string; resourceId?: string; tag?: string; url?: string };
  scoreGiven?: number;
  scoreMaximum?: number;
  gradingProgress: string;
  state: DeliveryState;
  attempts: number;
  /** Why it failed, or the last temporary problem while it waits. */
  reason?: string;
  nextAttemptAt?: Date;
  sentAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

/** The course (and optionally placement) whose deliveries a teacher may see: from their launch session. */
export interface DeliveryScope {
  platformId: string;
  deploymentId: string;
  contextId: string;
  resourceLinkId?: string;
}

export async function listDeliveries(props: { outbox: Outbox; scope: DeliveryScope; states?: DeliveryState[]; userId?: string }): Promise<DeliveryView[]> {
  const deliveries = await props.outbox.list({ ...props.scope, ...(props.states && { states: props.states }), ...(props.userId && { userId: props.userId }) });
  return deliveries.map(toView);
}

/** failed → waiting. Only a delivery of the teacher's own course; a newer grade makes the old one superseded instead. */
export async function retryDelivery(props: { outbox: Outbox; scope: DeliveryScope; id: string; wake?: () => void }): Promise<DeliveryView> {
  const found = await props.outbox.get(props.id);
  if (!found || !inScope(found, props.scope)) throw new NotFoundError('There is no such grade delivery in this course.');
  const retried = await props.outbox.retry(props.id);
  if (!retried) throw new NotFoundError('There is no such grade delivery in this course.');
  if (retried.state === 'waiting') props.wake?.();
  return toView(retried);
}

export function inScope(delivery: ScoreDelivery, scope: DeliveryScope): boolean {
  return (
    delivery.platformId === scope.platformId &&
    delivery.deploymentId === scope.deploymentId &&
    delivery.contextId === scope.contextId &&
    (scope.resourceLinkId === undefined || delivery.resourceLinkId === scope.resourceLinkId)
  );
}

export function toView(delivery: ScoreDelivery): DeliveryView {
  const { lineItem, score } = delivery;
  return {
    id: delivery.id,
    userId: delivery.userId,
    ...(delivery.resourceLinkId !== undefined && { resourceLinkId: delivery.resourceLinkId }),
    lineItem: { label: lineItem.label, resourceId: lineItem.resourceId, tag: lineItem.tag, url: lineItem.url },
    scoreGiven: score.scoreGiven,
    scoreMaximum: score.scoreMaximum,
    gradingProgress: score.gradingProgress,
    state: delivery.state,
    attempts: delivery.attempts,
    ...(delivery.lastError !== undefined && delivery.state !== 'sent' && { reason: delivery.lastError }),
    ...(delivery.state === 'waiting' && { nextAttemptAt: delivery.nextAttemptAt }),
    ...(delivery.sentAt !== undefined && { sentAt: delivery.sentAt }),
    createdAt: delivery.createdAt,
    updatedAt: delivery.updatedAt,
  };
}
