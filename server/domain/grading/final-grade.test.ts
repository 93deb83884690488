import { describe, expect, it } from 'vitest';
import { combineOutcomes, type FinalGradeRule } from './final-grade';
import { buildGradeInput } from './test-factories';

const outcomes = [{ outcomeId: 'lu1' }, { outcomeId: 'lu2', weight: 3 }];

describe('the final grade of a placement', () => {
  const allMustPass: FinalGradeRule = { kind: 'all-must-pass', outcomes };

  it('all-must-pass: when every outcome passed, it passes with the weighted mean of the fractions', () => {
    const results = { lu1: buildGradeInput({ fraction: 0.6 }), lu2: buildGradeInput({ fraction: 0.8 }) };
    // (1 · 0.6 + 3 · 0.8) / 4 = 0.75
    expect(combineOutcomes({ rule: allMustPass, results })).toMatchObject({ status: 'graded', fraction: 0.75, passed: true, failedOutcomeIds: [] });
  });

  it('all-must-pass: one failed outcome fails the placement, whatever the mean', () => {
    const results = { lu1: buildGradeInput({ fraction: 0.5, passed: false }), lu2: buildGradeInput({ fraction: 1 }) };
    expect(combineOutcomes({ rule: allMustPass, results })).toMatchObject({ status: 'graded', passed: false, failedOutcomeIds: ['lu1'] });
  });

  it('when an outcome is not graded yet, there is no final grade rather than a silent zero', () => {
    const results = { lu1: buildGradeInput({ passed: false }), lu2: undefined };
    expect(combineOutcomes({ rule: allMustPass, results })).toEqual({ status: 'incomplete', missingOutcomeIds: ['lu2'], failedOutcomeIds: ['lu1'] });
  });

  it('results for outcomes the rule does not list are ignored', () => {
    const results = { lu1: buildGradeInput({ fraction: 1 }), lu2: buildGradeInput({ fraction: 1 }), other: buildGradeInput({ fraction: 0, passed: false }) };
    expect(combineOutcomes({ rule: allMustPass, results })).toMatchObject({ fraction: 1, passed: true });
  });

  it('weighted: exactly on the pass fraction passes, just below fails, compensating a failed outcome', () => {
    const rule: FinalGradeRule = { kind: 'weighted', outcomes, passFraction: 0.7, requireAllPass: false };
    const on = { lu1: buildGradeInput({ fraction: 0.4, passed: false }), lu2: buildGradeInput({ fraction: 0.8 }) };
    expect(combineOutcomes({ rule, results: on })).toMatchObject({ fraction: 0.7, passed: true, failedOutcomeIds: ['lu1'] });
    const below = { ...on, lu2: buildGradeInput({ fraction: 0.7999 }) };
    expect(combineOutcomes({ rule, results: below })).toMatchObject({ passed: false });
  });

  it('weighted with all required to pass: a failed outcome fails the placement even above the pass fraction', () => {
    const rule: FinalGradeRule = { kind: 'weighted', outcomes, passFraction: 0.5, requireAllPass: true };
    const results = { lu1: buildGradeInput({ fraction: 0.4, passed: false }), lu2: buildGradeInput({ fraction: 1 }) };
    expect(combineOutcomes({ rule, results })).toMatchObject({ fraction: 0.85, passed: false });
  });

  it('a rule without outcomes, listing one twice, or with only zero weights is refused', () => {
    const invalid = expect.objectContaining({ code: 'invalid_configuration' });
    expect(() => combineOutcomes({ rule: { kind: 'all-must-pass', outcomes: [] }, results: {} })).toThrow(invalid);
    expect(() => combineOutcomes({ rule: { kind: 'all-must-pass', outcomes: [{ outcomeId: 'a' }, { outcomeId: 'a' }] }, results: {} })).toThrow(invalid);
    expect(() => combineOutcomes({ rule: { kind: 'all-must-pass', outcomes: [{ outcomeId: 'a', weight: 0 }] }, results: {} })).toThrow(invalid);
  });
});
