// Grade passback: the outbox, its worker, and the use cases that queue scores and show teachers where they are.
import type { Connection } from 'mongoose';
import type { Logger } from '../../logger';
import type { Lti } from '../../lti/index';
import { listDeliveries, retryDelivery, type DeliveryScope, type DeliveryView } from './use-cases/delivery-status';
import type { DeliveryState } from './data/delivery-model';
import { enqueueScore } from './use-cases/enqueue-score';
import { createGradeWorker, type GradeWorker, type GradeWorkerDeps } from './use-cases/grade-worker';
import { gradebookStatus, resendGrade, type GradebookRow } from './use-cases/gradebook-status';
import { createLineItemResolver } from './use-cases/line-items';
import { createOutbox, type EnqueueScoreProps, type Outbox } from './data/outbox';
import { createOutboxBacklog, type OutboxBacklog } from './data/outbox-backlog';
import { reportingSettlements, type SettlementResult } from './use-cases/settlement-reports';

export type { DeliveryScope, DeliveryView } from './use-cases/delivery-status';
export type { DeliveryState, ScorePayload, DeliveryLineItem, ScoreDelivery } from './data/delivery-model';
export type { EnqueueScoreProps } from './data/outbox';
export type { OutboxBacklog } from './data/outbox-backlog';
export type { SettlementResult } from './use-cases/settlement-reports';
export type { GradebookRow, GradebookCheck } from './use-cases/gradebook-status';
export { createOutboxGradePublisher, FINAL_GRADE_TAG, OUTCOME_TAG } from './use-cases/outbox-publisher';
export { gradeDeliveryRoutes } from './routes';

export interface GradesDeps {
  connection: Connection;
  lti: Pick<Lti, 'ags' | 'registry'>;
  logger?: Logger;
  now?: () => Date;
  /** Worker tuning (concurrency, poll, lease, backoff); tests shorten them. */
  worker?: Omit<GradeWorkerDeps, 'outbox' | 'lineItems' | 'ags' | 'registry' | 'logger'>;
  /** Told how each delivery this process's worker held was settled (the metrics). */
  onDeliverySettled?: (result: SettlementResult) => void;
}

export interface Grades {
  outbox: Outbox;
  worker: GradeWorker;
  /**
   * Queues what an event should send the LMS, by the gradebook rule (server/features/grades/SCORE-RULE.md), and wakes
   * this process's worker. Returns the delivery id, or undefined when nothing is sent.
   */
  enqueueScore(props: EnqueueScoreProps): Promise<string | undefined>;
  listDeliveries(props: { scope: DeliveryScope; states?: DeliveryState[]; userId?: string }): Promise<DeliveryView[]>;
  retryDelivery(props: { scope: DeliveryScope; id: string }): Promise<DeliveryView>;
  /** Per student and grade column: the grade Playroute believes the gradebook holds, and what the LMS says it holds. */
  gradebook(props: { scope: DeliveryScope; userId?: string }): Promise<GradebookRow[]>;
  /** Queues the current grade of the cell of delivery `id` again. */
  resendGrade(props: { scope: DeliveryScope; id: string }): Promise<DeliveryView>;
  /** Grades not yet delivered in the whole outbox, and since when the oldest waits (the metrics). */
  backlog(): Promise<OutboxBacklog>;
}

export function createGrades(deps: GradesDeps): Grades {
  const outbox = createOutbox({ connection: deps.connection, now: deps.now });
  const lineItems = createLineItemResolver({ connection: deps.connection, ags: deps.lti.ags, now: deps.now });
  const watched = deps.onDeliverySettled ? reportingSettlements(outbox, deps.onDeliverySettled) : outbox;
  const worker = createGradeWorker({ ...deps.worker, outbox: watched, lineItems, ags: deps.lti.ags, registry: deps.lti.registry, logger: deps.logger });
  return {
    outbox,
    worker,
    async enqueueScore(props) {
      const id = await enqueueScore({ outbox, registry: deps.lti.registry, logger: deps.logger }, props);
      if (id) worker.wake();
      return id;
    },
    listDeliveries: (props) => listDeliveries({ outbox, ...props }),
    retryDelivery: (props) => retryDelivery({ outbox, ...props, wake: worker.wake }),
    gradebook: (props) => gradebookStatus({ outbox, ags: deps.lti.ags, registry: deps.lti.registry }, props),
    resendGrade: (props) => resendGrade({ outbox, wake: worker.wake }, props),
    backlog: createOutboxBacklog(deps.connection),
  };
}
