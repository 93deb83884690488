// Dates and sizes as the reader's language writes them.
import type { Language } from '../../../i18n/translate';

export function formatDate(iso: string | undefined, language: Language): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
