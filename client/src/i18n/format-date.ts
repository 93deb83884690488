// Dates as the reader's language writes them, through the same message library as every other text.
import { IntlMessageFormat } from 'intl-messageformat';
import { LOCALES, type Language } from './translate';

/**
 * Named date formats, handed to Intl.DateTimeFormat by intl-messageformat unchanged. Names of our own: the library
 * merges them over its built-in `medium`/`long`, whose year/month/day options Intl refuses beside dateStyle.
 */
const FORMATS = {
  date: {
    playrouteMedium: { dateStyle: 'medium' },
    playrouteLong: { dateStyle: 'long' },
    playrouteDateTime: { dateStyle: 'medium', timeStyle: 'short' },
    playrouteFullDateTime: { dateStyle: 'full', timeStyle: 'short' },
  },
} satisfies { date: Record<string, Intl.DateTimeFormatOptions> };

const STYLES = { medium: 'playrouteMedium', long: 'playrouteLong', dateTime: 'playrouteDateTime', fullDateTime: 'playrouteFullDateTime' } as const;
export type DateStyle = keyof typeof STYLES;

const compiled = new Map<string, IntlMessageFormat>();

/** An ISO instant (as the API sends it) or a Date; nothing, or something unreadable, becomes an empty text. */
export function formatDate(language: Language, value: string | Date | null | undefined, style: DateStyle = 'medium'): string {
  if (!value) return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const key = `${language} ${style}`;
  let format = compiled.get(key);
  if (!format) {
    format = new IntlMessageFormat(`{when, date, ${STYLES[style]}}`, LOCALES[language], FORMATS);
    compiled.set(key, format);
  }
  return String(format.format({ when: date }));
}
