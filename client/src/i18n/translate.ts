// Picks the interface language from a locale (the LTI launch's, or the browser's) and fills in message parameters.
import { en, type MessageKey } from './en';
import { nl } from './nl';

export type Language = 'nl' | 'en';
export const LANGUAGES: readonly Language[] = ['nl', 'en'];

const catalogues: Record<Language, Record<MessageKey, string>> = { en, nl };

/** nl-NL, nl-BE, nl → Dutch; anything else → English, the common language of international students. */
export function languageFromLocale(locale: string | undefined | null): Language {
  return locale && /^nl(?:[-_]|$)/i.test(locale.trim()) ? 'nl' : 'en';
}

export type MessageParams = Record<string, string | number>;

export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogues[language][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
