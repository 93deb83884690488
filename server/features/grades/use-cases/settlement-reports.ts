// Tells a listener (the metrics) how each delivery the worker held was settled, without the worker knowing it is watched.
import type { Outbox } from '../data/outbox';

export type SettlementResult = 'sent' | 'retry' | 'failed' | 'superseded';

/** The same outbox, reporting each settlement that held (a lost lease is another worker's to report). */
export function reportingSettlements(outbox: Outbox, report: (result: SettlementResult) => void): Outbox {
  const reported =
    <A extends unknown[]>(result: SettlementResult, settle: (...args: A) => Promise<boolean>) =>
    async (...args: A): Promise<boolean> => {
      const held = await settle(...args);
      if (held) report(result);
      return held;
    };
  return {
    ...outbox,
    markSent: reported('sent', outbox.markSent),
    markFailed: reported('failed', outbox.markFailed),
    markSuperseded: reported('superseded', outbox.markSuperseded),
    scheduleRetry: reported('retry', outbox.scheduleRetry),
  };
}
