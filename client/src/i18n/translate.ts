// Picks the interface language from a locale (the LTI launch's, or the browser's) and fills in message parameters.
import { IntlMessageFormat } from 'intl-messageformat';
import { en, type MessageKey } from './en';
import { nl } from './nl';

export type Language = 'nl' | 'en';
export const LANGUAGES: readonly Language[] = ['nl', 'en'];

const catalogues: Record<Language, Record<MessageKey, string>> = { en, nl };

/** nl-NL, nl-BE, nl → Dutch; anything else → English, the common language of international students. */
export function languageFromLocale(locale: string | undefined | null): Language {
  return locale && /^nl(?:[-_]|$)/i.test(locale.trim()) ? 'nl' : 'en';
}

export type MessageParams = Record<string, string | number | Date>;

export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  return formatMessage(language, catalogues[language][key], params);
}

/** The locale each interface language formats numbers, plurals and dates in. */
export const LOCALES: Record<Language, string> = { en: 'en-GB', nl: 'nl-NL' };

// Compiling a message is the expensive part; the interface asks for the same few hundred again and again.
const compiled = new Map<string, IntlMessageFormat>();

/**
 * Formats an ICU MessageFormat message with FormatJS's intl-messageformat: `{name}`, plurals with exact `=n`
 * forms and the language's categories (Intl.PluralRules), `#` as a number in the language's notation (1,5 in
 * Dutch), select, and `{when, date, medium}` through Intl.DateTimeFormat.
 *   '{count, plural, =0 {no rules} one {# rule} other {# rules}}'
 * A parameter the caller did not pass stays visible as `{name}` rather than breaking the page.
 */
export function formatMessage(language: Language, template: string, params: MessageParams = {}): string {
  const cacheKey = `${language}\u0000${template}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    // ignoreTag: interface texts are plain text; a "<" in one is a character, not markup.
    format = new IntlMessageFormat(template, LOCALES[language], undefined, { ignoreTag: true });
    compiled.set(cacheKey, format);
  }
  const values = new Proxy(params, {
    has: () => true,
    get: (target, name) => (typeof name === 'string' && name in target ? target[name] : `{${String(name)}}`),
  });
  return String(format.format(values));
}
