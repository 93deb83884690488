// How far behind grade delivery is, for the metrics: grades not yet delivered (waiting or on their way) and the oldest one's age.
import type { Connection } from 'mongoose';
import { deliveryModel, type DeliveryDocument, type DeliveryState } from './delivery-model';

export interface OutboxBacklog {
  /** Deliveries waiting or being sent, in the whole outbox (every process's). */
  waiting: number;
  /** When the oldest of them was queued; undefined when none is. */
  oldestWaitingSince: Date | undefined;
}

export function createOutboxBacklog(connection: Connection): () => Promise<OutboxBacklog> {
  const Deliveries = deliveryModel(connection);
  // The claim index { state, nextAttemptAt } narrows both reads to the undelivered deliveries.
  const undelivered = { state: { $in: ['waiting', 'sending'] as DeliveryState[] } };
  return async () => {
    const [waiting, oldest] = await Promise.all([
      Deliveries.countDocuments(undelivered),
      Deliveries.findOne(undelivered, { createdAt: 1 }).sort({ createdAt: 1 }).lean<Pick<DeliveryDocument, 'createdAt'>>(),
    ]);
    return { waiting, oldestWaitingSince: oldest?.createdAt };
  };
}
