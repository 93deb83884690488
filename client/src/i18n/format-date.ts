// Dates as the reader's language writes them: Intl.DateTimeFormat with the language's locale (format.ts).
// Straight to Intl rather than through intl-messageformat, which did the same and weighed 10 kB gzipped (issue 13).
import { LOCALES, type Language } from './format';

const STYLES = {
  medium: { dateStyle: 'medium' },
  long: { dateStyle: 'long' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  fullDateTime: { dateStyle: 'full', timeStyle: 'short' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
export type DateStyle = keyof typeof STYLES;

const formats = new Map<string, Intl.DateTimeFormat>();

/** An ISO instant (as the API sends it) or a Date; nothing, or something unreadable, becomes an empty text. */
export function formatDate(language: Language, value: string | Date | null | undefined, style: DateStyle = 'medium'): string {
  if (!value) return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const key = `${language} ${style}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], STYLES[style]);
    formats.set(key, format);
  }
  return format.format(date);
}
