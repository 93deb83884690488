import { describe, expect, it } from 'vitest';
import { en } from './en';
import { nl } from './nl';
import { languageFromLocale, translate } from './translate';

describe('interface language', () => {
  it('when the LMS says the user reads Dutch (nl-NL or nl-BE), the interface is Dutch', () => {
    expect(languageFromLocale('nl-NL')).toBe('nl');
    expect(languageFromLocale('nl_BE')).toBe('nl');
    expect(languageFromLocale('NL')).toBe('nl');
  });

  it('when the locale is any other language or missing, the interface is English', () => {
    expect(languageFromLocale('en-GB')).toBe('en');
    expect(languageFromLocale('de-DE')).toBe('en');
    expect(languageFromLocale(undefined)).toBe('en');
    expect(languageFromLocale('nld-x')).toBe('en');
  });

  it('shows the same message in the chosen language', () => {
    expect(translate('nl', 'language.label')).toBe('Taal');
    expect(translate('en', 'language.label')).toBe('Language');
  });

  it('has a Dutch text for every English one, and none left empty', () => {
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
    for (const text of [...Object.values(nl), ...Object.values(en)]) expect(text.trim()).not.toBe('');
  });
});
