// Our small ICU formatter (format.ts) says every message the way FormatJS's intl-messageformat, which the interface used
// before (issue 13: it weighed 10 kB gzipped in every download), says it: same words, plural forms and number notation.
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { formatMessage, LOCALES, type Language } from './format';
import { nl } from './nl';

const reference = (language: Language, template: string, params: Record<string, string | number>) =>
  String(new IntlMessageFormat(template, LOCALES[language], undefined, { ignoreTag: true }).format(params));

/** Every parameter a message names, each filled with the same value. */
const filled = (template: string, value: string | number) => Object.fromEntries([...template.matchAll(/\{\s*(\w+)/g)].map((m) => [m[1]!, value]));

describe('the interface formatter', () => {
  it('writes every message in both catalogues as intl-messageformat does, for counts 0, 1, 2, 1.5, 1234.5 and for words', () => {
    const differences: string[] = [];
    for (const [language, catalogue] of [['en', en], ['nl', nl]] as const) {
      for (const [key, template] of Object.entries(catalogue)) {
        for (const value of [0, 1, 2, 1.5, 1234.5, 'Ann']) {
          const params = filled(template, value);
          const ours = formatMessage(language, template, params);
          const theirs = reference(language, template, params);
          if (ours !== theirs) differences.push(`${language} ${key} (${value}): "${ours}" instead of "${theirs}"`);
        }
      }
    }
    expect(differences).toEqual([]);
  });

  it('follows ICU for exact forms, nested arguments, apostrophes and the # of the innermost plural', () => {
    const cases: [Language, string, Record<string, string | number>][] = [
      ['en', '{count, plural, =0 {no rules} one {# rule of {title}} other {# rules of {title}}}', { count: 0, title: 'X' }],
      ['en', '{count, plural, =0 {no rules} one {# rule of {title}} other {# rules of {title}}}', { count: 4, title: 'X' }],
      ['nl', '{a, plural, one {# {b, plural, one {# punt} other {# punten}}} other {# x {b, plural, one {# punt} other {# punten}}}}', { a: 2, b: 1.5 }],
      ['en', "It's '{literal}' and '' one '#' {n, plural, other {'#' is #}}", { n: 3 }],
      ['en', '{kind, select, teacher {Teacher {name}} other {Someone}}', { kind: 'teacher', name: 'Ann' }],
      ['en', '{n, number} {n}', { n: 12345.5 }],
      ['nl', '{n, number} {n}', { n: 12345.5 }],
    ];
    for (const [language, template, params] of cases) expect(formatMessage(language, template, params)).toBe(reference(language, template, params));
  });

  it('keeps a parameter the caller did not pass visible as {name}', () => {
    expect(formatMessage('en', 'Hello {name}, {count, plural, one {# new} other {# new}}', {})).toBe('Hello {name}, {count}');
  });
});
