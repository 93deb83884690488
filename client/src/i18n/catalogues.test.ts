// The browser holds the shell's texts from the start and fetches a screen's texts, in the languages in use, with the
// screen (issue 13): what the student reads arrives before the student's screen shows, in their language only.
import { describe, expect, it } from 'vitest';
import { isMessageKey, isReady, prepareLanguage, requireMessages, setLanguagesInUse, translate } from './catalogues';

describe('interface texts fetched with their screen', () => {
  it('has the shell’s texts in both languages at once, a screen’s only once the screen asked for them', async () => {
    expect(translate('nl', 'language.label')).toBe('Taal');
    expect(translate('en', 'language.label')).toBe('Language');
    expect(isMessageKey('student.route.yourActivities')).toBe(false);

    setLanguagesInUse(['nl']);
    await requireMessages(['student']);
    expect(translate('nl', 'student.route.yourActivities', { count: 2 })).toBe('Je route (2 activiteiten)');
    expect(isMessageKey('student.route.yourActivities')).toBe(true);
    // Only Dutch was in use: English is not ready for that screen until a switch fetches it.
    expect(isReady('nl')).toBe(true);
    expect(isReady('en')).toBe(false);
    // Meanwhile an English page would say the Dutch words rather than a bare key.
    expect(translate('en', 'student.route.yourActivities', { count: 2 })).toBe('Je route (2 activiteiten)');

    await prepareLanguage('en');
    expect(isReady('en')).toBe(true);
    expect(translate('en', 'student.route.yourActivities', { count: 2 })).toBe('Your route (2 activities)');
    // The designer's texts were never asked for.
    expect(translate('en', 'designer.route.load', { count: 1, hours: 2 })).toBe('designer.route.load');
  });
});
