import { describe, expect, it } from 'vitest';
import { buildGradingQueue } from './grading-queue';
import { buildWaitingEvidence } from './test-factories';

const now = new Date('2025-03-10T12:00:00.000Z');

describe('the grading queue', () => {
  const old = buildWaitingEvidence({ evidenceId: 'old', outcomeId: 'lu1', handedInAt: '2025-03-01T12:00:00.000Z' });
  const recent = buildWaitingEvidence({ evidenceId: 'recent', outcomeId: 'lu2', handedInAt: '2025-03-10T09:00:00.000Z' });
  const middle = buildWaitingEvidence({ evidenceId: 'middle', outcomeId: 'lu1', handedInAt: '2025-03-07T13:00:00.000Z' });

  it('puts the longest-waiting evidence first and says how long it has waited', () => {
    const queue = buildGradingQueue({ items: [recent, old, middle], now });
    expect(queue.items.map((i) => [i.evidenceId, i.waitingDays])).toEqual([['old', 9], ['middle', 2], ['recent', 0]]);
    expect(queue.items[2]?.waitingMs).toBe(3 * 60 * 60 * 1000);
  });

  it('can show the newest first instead', () => {
    expect(buildGradingQueue({ items: [old, recent, middle], now, order: 'newest-first' }).items.map((i) => i.evidenceId)).toEqual(['recent', 'middle', 'old']);
  });

  it('filters by outcome and counts per outcome', () => {
    const queue = buildGradingQueue({ items: [old, recent, middle], now, outcomeIds: ['lu1'] });
    expect(queue.items.map((i) => i.evidenceId)).toEqual(['old', 'middle']);
    expect(queue.perOutcome).toEqual([{ outcomeId: 'lu1', count: 2, longestWaitingMs: 9 * 24 * 60 * 60 * 1000 }]);
  });

  it('evidence handed in "after now" (a clock behind) waits 0, not a negative time', () => {
    const future = buildWaitingEvidence({ handedInAt: '2025-03-10T12:00:05.000Z' });
    expect(buildGradingQueue({ items: [future], now }).items[0]?.waitingMs).toBe(0);
  });

  it('evidence without a valid hand-in time is refused', () => {
    expect(() => buildGradingQueue({ items: [buildWaitingEvidence({ handedInAt: 'soon' })], now })).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
  });
});
