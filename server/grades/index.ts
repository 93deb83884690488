// Grade passback: the outbox, its worker, and the use cases that queue scores and show teachers where they are.
import type { Connection } from 'mongoose';
import type { Logger } from '../logger';
import type { Lti } from '../lti/index';
import { listDeliveries, retryDelivery, type DeliveryScope, type DeliveryView } from './delivery-status';
import type { DeliveryState } from './delivery-model';
import { createGradeWorker, type GradeWorker, type GradeWorkerDeps } from './grade-worker';
import { createLineItemResolver } from './line-items';
import { createOutbox, type EnqueueScoreProps, type Outbox } from './outbox';

export type { DeliveryScope, DeliveryView } from './delivery-status';
export type { DeliveryState, ScorePayload, DeliveryLineItem, ScoreDelivery } from './delivery-model';
export type { EnqueueScoreProps } from './outbox';

export interface GradesDeps {
  connection: Connection;
  lti: Pick<Lti, 'ags' | 'registry'>;
  logger?: Logger;
  now?: () => Date;
  /** Worker tuning (concurrency, poll, lease, backoff); tests shorten them. */
  worker?: Omit<GradeWorkerDeps, 'outbox' | 'lineItems' | 'ags' | 'registry' | 'logger'>;
}

export interface Grades {
  outbox: Outbox;
  worker: GradeWorker;
  /** Queues a score for the LMS and wakes this process's worker. Returns the delivery id. */
  enqueueScore(props: EnqueueScoreProps): Promise<string>;
  listDeliveries(props: { scope: DeliveryScope; states?: DeliveryState[]; userId?: string }): Promise<DeliveryView[]>;
  retryDelivery(props: { scope: DeliveryScope; id: string }): Promise<DeliveryView>;
}

export function createGrades(deps: GradesDeps): Grades {
  const outbox = createOutbox({ connection: deps.connection, now: deps.now });
  const lineItems = createLineItemResolver({ connection: deps.connection, ags: deps.lti.ags, now: deps.now });
  const worker = createGradeWorker({ ...deps.worker, outbox, lineItems, ags: deps.lti.ags, registry: deps.lti.registry, logger: deps.logger });
  return {
    outbox,
    worker,
    async enqueueScore(props) {
      const { id } = await outbox.enqueue(props);
      worker.wake();
      return id;
    },
    listDeliveries: (props) => listDeliveries({ outbox, ...props }),
    retryDelivery: (props) => retryDelivery({ outbox, ...props, wake: worker.wake }),
  };
}
