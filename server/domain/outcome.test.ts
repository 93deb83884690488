import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import { publishOutcome } from './outcome-publishing';
import { composeOutcomeStatement } from './outcome-statement';
import { buildOutcome, daysAfter, T0 } from './test-factories';

describe('the statement of a learning outcome', () => {
  it('gives the Tuning parts in order and one sentence key with all of them as params', () => {
    const statement = composeOutcomeStatement(buildOutcome().tuning);
    expect(statement.parts.map((p) => p.part)).toEqual(['verb', 'competence', 'subject', 'standard', 'context']);
    expect(statement.sentence).toEqual({
      key: 'outcome.statement',
      params: { verb: 'draws up', competence: 'managing', subject: 'a project plan', standard: 'PRINCE2', context: 'for a client in the workplace' },
    });
    expect(statement.missing).toEqual([]);
  });

  it('when parts are empty, it names them and marks the sentence incomplete', () => {
    const statement = composeOutcomeStatement({ ...buildOutcome().tuning, standard: ' ', context: '' });
    expect(statement.missing).toEqual(['standard', 'context']);
    expect(statement.parts).toHaveLength(3);
    expect(statement.sentence.key).toBe('outcome.statement_incomplete');
  });
});

describe('publishing an outcome', () => {
  it('when an outcome is complete, publishing stamps the moment the criteria became known', () => {
    const published = publishOutcome({ outcome: buildOutcome({ status: 'draft', publishedAt: undefined }), now: T0 });
    expect(published).toMatchObject({ status: 'published', publishedAt: T0 });
    expect(publishOutcome({ outcome: published, now: daysAfter(T0, 5) }).publishedAt).toBe(T0);
  });

  it('when the outcome has no criteria or lacks a Tuning part, publishing is refused with the problems', () => {
    const draft = buildOutcome({ status: 'draft', rubric: { criteria: [] }, tuning: { ...buildOutcome().tuning, verb: '' } });
    try {
      publishOutcome({ outcome: draft, now: T0 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).params).toEqual({ problems: ['outcome.missing_verb', 'outcome.missing_criteria'] });
    }
  });
});
