// The grade-delivery answers as the server writes them (its own toView, through JSON) pass the client's schemas; other shapes do not.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { toView } from '../../../../../server/features/grades/use-cases/delivery-status';
import type { ScoreDelivery } from '../../../../../server/features/grades/data/delivery-model';
import { deliverySchema } from './get-deliveries';
import { gradebookRowSchema } from './get-gradebook';

const overJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

function delivery(overrides: Partial<ScoreDelivery> = {}): ScoreDelivery {
  const at = new Date('2026-03-02T10:00:00Z');
  return {
    id: 'd-1',
    key: 'k',
    platformId: 'p',
    deploymentId: 'dep',
    contextId: 'c',
    resourceLinkId: 'rl',
    userId: 'student-1',
    lineItem: { label: 'Design', url: 'https://lms.example/lineitems/1' },
    score: { scoreGiven: 8, scoreMaximum: 10, activityProgress: 'Completed', gradingProgress: 'FullyGraded' },
    timestamp: at,
    state: 'sent',
    attempts: 1,
    nextAttemptAt: at,
    uncertain: false,
    sentAt: at,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  } as ScoreDelivery;
}

describe('a grade delivery as the teacher’s list reads it', () => {
  it('accepts the server’s view of a sent grade, dates as strings', () => {
    const parsed = z.parse(deliverySchema, overJson(toView(delivery())));
    expect(parsed).toMatchObject({ state: 'sent', scoreGiven: 8, scoreMaximum: 10, lineItem: { label: 'Design' }, sentAt: '2026-03-02T10:00:00.000Z' });
  });

  it('reads a progress-only grade (no score) and a failed one with its reason; a stored null reads as absent', () => {
    const failed = toView(delivery({ state: 'failed', lastError: 'The LMS refused the grade (403).', sentAt: undefined, score: { activityProgress: 'Completed', gradingProgress: 'Pending' } }));
    const parsed = z.parse(deliverySchema, { ...(overJson(failed) as object), sentAt: null });
    expect(parsed.reason).toBe('The LMS refused the grade (403).');
    expect(parsed.scoreGiven).toBeUndefined();
    expect(parsed.sentAt).toBeUndefined();
  });

  it('refuses a state the list cannot show', () => {
    expect(z.safeParse(deliverySchema, { ...(overJson(toView(delivery())) as object), state: 'lost' }).success).toBe(false);
  });

});

describe('a gradebook row as the check reads it', () => {
  it('reads a grade the LMS agrees with, and one that could not be checked yet, with its reason', () => {
    const agrees = { id: 'd-1', userId: 'student-1', lineItem: { label: 'Design' }, believed: { scoreGiven: 8, scoreMaximum: 10, sentAt: '2026-03-02T10:00:00.000Z' }, lms: { resultScore: 8, resultMaximum: 10 }, check: 'agrees' };
    const waiting = { id: 'd-2', userId: 'student-2', lineItem: {}, pending: { scoreGiven: 5, scoreMaximum: 10, state: 'waiting' }, check: 'unchecked', reason: 'No grade has reached the gradebook yet.' };
    expect(z.parse(gradebookRowSchema, agrees).lms?.resultScore).toBe(8);
    const parsed = z.parse(gradebookRowSchema, { ...waiting, believed: null, lms: { resultScore: null } });
    expect(parsed.believed).toBeUndefined();
    expect(parsed.lms?.resultScore).toBeUndefined();
    expect(parsed.pending?.state).toBe('waiting');
  });

  it('refuses a row without its check', () => {
    expect(z.safeParse(gradebookRowSchema, { id: 'd-1', userId: 'student-1', lineItem: {} }).success).toBe(false);
  });
});
