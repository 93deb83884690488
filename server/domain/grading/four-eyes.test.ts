import { describe, expect, it } from 'vitest';
import { fourEyesStatus, recordAssessorDecision, type AssessorDecision, type FourEyesRecord } from './four-eyes';

const decision = (assessorId: string, verdict: 'pass' | 'fail'): AssessorDecision => ({
  assessorId, verdict, decidedAt: '2025-03-01T10:00:00.000Z',
});
const record = (required: boolean, ...decisions: AssessorDecision[]): FourEyesRecord => ({ required, decisions });

describe('four eyes on prior-learning evidence', () => {
  it('when four eyes are not required, the first decision stands', () => {
    const after = recordAssessorDecision({ record: record(false), decision: decision('ann', 'pass') });
    expect(fourEyesStatus(after)).toEqual({ state: 'final', verdict: 'pass', assessorIds: ['ann'] });
  });

  it('when required, one decision waits for a second assessor', () => {
    expect(fourEyesStatus(record(true))).toEqual({ state: 'waiting-for-first-assessor' });
    expect(fourEyesStatus(record(true, decision('ann', 'pass')))).toEqual({ state: 'waiting-for-second-assessor', assessorIds: ['ann'] });
  });

  it('the same assessor cannot be the second pair of eyes', () => {
    expect(() => recordAssessorDecision({ record: record(true, decision('ann', 'pass')), decision: decision('ann', 'pass') })).toThrow(
      expect.objectContaining({ code: 'same_assessor_twice' }),
    );
  });

  it('when two different assessors agree, the verdict is final', () => {
    const after = recordAssessorDecision({ record: record(true, decision('ann', 'fail')), decision: decision('bob', 'fail') });
    expect(fourEyesStatus(after)).toEqual({ state: 'final', verdict: 'fail', assessorIds: ['ann', 'bob'] });
  });

  it('when they disagree it is disputed, and a third assessor settles it', () => {
    const disputed = record(true, decision('ann', 'pass'), decision('bob', 'fail'));
    expect(fourEyesStatus(disputed)).toEqual({ state: 'disputed', assessorIds: ['ann', 'bob'] });
    expect(() => recordAssessorDecision({ record: disputed, decision: decision('bob', 'pass') })).toThrow(
      expect.objectContaining({ code: 'same_assessor_twice' }),
    );
    const settled = recordAssessorDecision({ record: disputed, decision: decision('cas', 'fail') });
    expect(fourEyesStatus(settled)).toMatchObject({ state: 'final', verdict: 'fail' });
  });

  it('after a final verdict nothing more is recorded, and the record given is never changed', () => {
    const final = record(true, decision('ann', 'pass'), decision('bob', 'pass'));
    expect(() => recordAssessorDecision({ record: final, decision: decision('cas', 'fail') })).toThrow(
      expect.objectContaining({ code: 'decision_already_final' }),
    );
    const waiting = record(true);
    recordAssessorDecision({ record: waiting, decision: decision('ann', 'pass') });
    expect(waiting.decisions).toEqual([]);
  });
});
