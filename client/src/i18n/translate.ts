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
  return formatMessage(language, catalogues[language][key], params);
}

const LOCALES: Record<Language, string> = { en: 'en-GB', nl: 'nl-NL' };

/**
 * Fills `{name}` with a parameter and chooses plural forms written as in ICU MessageFormat, so the
 * messages move unchanged to a full i18n library later:
 *   '{count, plural, =0 {no rules} one {# rule} other {# rules}}'
 * An exact `=n` wins over the language's category (Intl.PluralRules: one, other, and for other
 * languages few/many…); `#` is the number in the language's notation (1,5 in Dutch).
 */
export function formatMessage(language: Language, template: string, params: MessageParams = {}): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) return out + template.slice(i);
    out += template.slice(i, open);
    const close = matchingBrace(template, open);
    if (close < 0) return out + template.slice(open);
    out += placeholder(language, template.slice(open + 1, close), params, template.slice(open, close + 1));
    i = close + 1;
  }
  return out;
}

function placeholder(language: Language, inner: string, params: MessageParams, whole: string): string {
  const plural = /^\s*(\w+)\s*,\s*plural\s*,/.exec(inner);
  if (!plural) {
    const name = inner.trim();
    return name in params ? String(params[name]) : whole;
  }
  const name = plural[1] ?? '';
  if (!(name in params)) return whole;
  const value = Number(params[name]);
  const forms = pluralForms(inner.slice(plural[0].length));
  const chosen = forms.get(`=${value}`) ?? forms.get(new Intl.PluralRules(LOCALES[language]).select(value)) ?? forms.get('other');
  if (chosen === undefined) return whole;
  // A number is written the language's way; a text the caller already formatted is kept as it is.
  const raw = params[name];
  const number = typeof raw === 'number' ? new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 2 }).format(raw) : String(raw);
  return formatMessage(language, chosen.replace(/#/g, number), params);
}

/** `one {# rule} other {# rules}` → one → "# rule", other → "# rules". */
function pluralForms(text: string): Map<string, string> {
  const forms = new Map<string, string>();
  const selector = /\s*(=\d+(?:\.\d+)?|zero|one|two|few|many|other)\s*\{/y;
  let at = 0;
  for (;;) {
    selector.lastIndex = at;
    const match = selector.exec(text);
    if (!match) return forms;
    const open = selector.lastIndex - 1;
    const close = matchingBrace(text, open);
    if (close < 0) return forms;
    forms.set(match[1] ?? '', text.slice(open + 1, close));
    at = close + 1;
  }
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}
