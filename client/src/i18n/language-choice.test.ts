// Which language the interface speaks: the person's own choice first, then the LMS's launch locale, then the browser's.
import { describe, expect, it } from 'vitest';
import { chooseLanguage } from './language-choice';

describe('choosing the interface language', () => {
  it('speaks the browser language until the launch says otherwise', () => {
    expect(chooseLanguage({ browserLocale: 'nl-NL' })).toBe('nl');
    expect(chooseLanguage({ browserLocale: 'nl-NL', launchLocale: 'en-GB' })).toBe('en');
    expect(chooseLanguage({ browserLocale: 'en-US', launchLocale: 'nl_BE' })).toBe('nl');
  });

  it('keeps the language the person picked when the launch locale arrives after the pick', () => {
    // The race of issue 11: the session (with the LMS's locale) can answer after the person already switched.
    expect(chooseLanguage({ browserLocale: 'en-GB', chosen: 'en', launchLocale: 'nl-NL' })).toBe('en');
    expect(chooseLanguage({ browserLocale: 'en-GB', chosen: 'nl', launchLocale: 'en-GB' })).toBe('nl');
  });

  it('a launch without a locale leaves the browser language', () => {
    expect(chooseLanguage({ browserLocale: 'nl', launchLocale: null })).toBe('nl');
    expect(chooseLanguage({ browserLocale: 'nl', launchLocale: '' })).toBe('nl');
  });
});
