import { describe, expect, it } from 'vitest';
import { en } from './en';
import { nl } from './nl';
import { formatMessage, translate } from './translate';

describe('plural forms through the i18n layer', () => {
  it('says "1 point" and "2 points", "0 points" in English', () => {
    expect(formatMessage('en', '{count, plural, one {# point} other {# points}}', { count: 1 })).toBe('1 point');
    expect(formatMessage('en', '{count, plural, one {# point} other {# points}}', { count: 2 })).toBe('2 points');
    expect(formatMessage('en', '{count, plural, one {# point} other {# points}}', { count: 0 })).toBe('0 points');
  });

  it('says "1 punt" and "3 punten" in Dutch, with a Dutch decimal comma', () => {
    const punten = '{points, plural, one {# punt} other {# punten}}';
    expect(formatMessage('nl', punten, { points: 1 })).toBe('1 punt');
    expect(formatMessage('nl', punten, { points: 3 })).toBe('3 punten');
    expect(formatMessage('nl', punten, { points: 1.5 })).toBe('1,5 punten');
  });

  it('lets an exact value win over the category, and keeps other parameters inside the chosen form', () => {
    const rules = '{count, plural, =0 {No rule broken} one {# rule of {title}} other {# rules of {title}}}';
    expect(formatMessage('en', rules, { count: 0, title: 'X' })).toBe('No rule broken');
    expect(formatMessage('en', rules, { count: 1, title: 'X' })).toBe('1 rule of X');
    expect(formatMessage('en', rules, { count: 4, title: 'X' })).toBe('4 rules of X');
  });

  it('handles two plurals in one sentence', () => {
    const text = '{done} of {total, plural, one {# activity} other {# activities}} done ({hours, plural, one {# hour} other {# hours}})';
    expect(formatMessage('en', text, { done: 1, total: 1, hours: 1 })).toBe('1 of 1 activity done (1 hour)');
    expect(formatMessage('en', text, { done: 0, total: 3, hours: 2.5 })).toBe('0 of 3 activities done (2.5 hours)');
  });

  it('the student reads "1 rule not met yet" and "1 point", never "rule(s)" or "1 points", in both languages', () => {
    expect(translate('en', 'student.check.problems', { count: 1 })).toBe('1 rule not met yet:');
    expect(translate('en', 'student.check.problems', { count: 2 })).toBe('2 rules not met yet:');
    expect(translate('nl', 'student.check.problems', { count: 1 })).toBe('Nog 1 regel niet gehaald:');
    expect(translate('nl', 'student.check.problems', { count: 2 })).toBe('Nog 2 regels niet gehaald:');
    expect(translate('en', 'student.rubric.points', { points: 1 })).toBe('1 point');
    expect(translate('nl', 'student.rubric.points', { points: 1 })).toBe('1 punt');
  });

  it('no message anywhere guesses the number with "(s)", "(en)" or the like', () => {
    for (const [key, text] of [...Object.entries(en), ...Object.entries(nl)]) expect([key, text]).not.toEqual([key, expect.stringMatching(/\w\((s|en|n|es)\)/)]);
  });

  it('every plural in every message has an "other" form and is written well enough to be read', () => {
    for (const [key, text] of [...Object.entries(en), ...Object.entries(nl)]) {
      const numbers = Object.fromEntries([...text.matchAll(/\{(\w+), plural,/g)].map((m) => [m[1], 7]));
      expect([key, formatMessage('en', text, numbers)]).not.toEqual([key, expect.stringMatching(/plural,/)]);
    }
  });
});
