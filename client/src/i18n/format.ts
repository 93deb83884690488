// The interface languages and a small ICU MessageFormat formatter: what every screen needs before any catalogue.
// Kept free of the catalogues and of FormatJS (about 10 kB gzipped), so the first download stays small (issue 13);
// icu-format.test.ts checks it gives FormatJS's intl-messageformat answer for every message in both catalogues.

export type Language = 'nl' | 'en';
export const LANGUAGES: readonly Language[] = ['nl', 'en'];

/** The locale each interface language formats numbers, plurals and dates in. */
export const LOCALES: Record<Language, string> = { en: 'en-GB', nl: 'nl-NL' };

/** nl-NL, nl-BE, nl → Dutch; anything else → English, the common language of international students. */
export function languageFromLocale(locale: string | undefined | null): Language {
  return locale && /^nl(?:[-_]|$)/i.test(locale.trim()) ? 'nl' : 'en';
}

export type MessageParams = Record<string, string | number | Date>;

type Part =
  | string
  | { kind: 'pound' }
  | { kind: 'arg'; name: string; type?: string; style?: string }
  | { kind: 'plural' | 'select'; name: string; offset: number; options: Record<string, Part[]> };

/**
 * Formats an ICU MessageFormat message the way intl-messageformat does with `ignoreTag`: `{name}` (as String(value)),
 * plurals with exact `=n` forms and the language's categories (Intl.PluralRules), `#` as a number in the language's
 * notation (1,5 in Dutch), select, `{n, number}` and `{when, date, medium}`; `''` is an apostrophe and `'{…}'` literal.
 *   '{count, plural, =0 {no rules} one {# rule} other {# rules}}'
 * A parameter the caller did not pass stays visible as `{name}` rather than breaking the page.
 */
export function formatMessage(language: Language, template: string, params: MessageParams = {}): string {
  let parts = parsed.get(template);
  if (!parts) {
    parts = new Parser(template).message(0, false);
    parsed.set(template, parts);
  }
  return render(parts, LOCALES[language], params, null);
}

// Parsing is the expensive part; the interface asks for the same few hundred messages again and again.
const parsed = new Map<string, Part[]>();

function render(parts: Part[], locale: string, params: MessageParams, pound: number | null): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part;
    else if (part.kind === 'pound') out += pound === null ? '#' : numberFormat(locale).format(pound);
    else if (!(part.name in params)) out += `{${part.name}}`;
    else if (part.kind === 'arg') out += formatArg(params[part.name]!, part.type, part.style, locale);
    else if (part.kind === 'select') out += render(part.options[String(params[part.name])] ?? part.options.other ?? [], locale, params, pound);
    else {
      const n = Number(params[part.name]) - part.offset;
      const branch = part.options[`=${Number(params[part.name])}`] ?? part.options[pluralRules(locale).select(n)] ?? part.options.other ?? [];
      out += render(branch, locale, params, n);
    }
  }
  return out;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const numberFormat = (locale: string) => numberFormats.get(locale) ?? numberFormats.set(locale, new Intl.NumberFormat(locale)).get(locale)!;
const pluralRulesByLocale = new Map<string, Intl.PluralRules>();
const pluralRules = (locale: string) => pluralRulesByLocale.get(locale) ?? pluralRulesByLocale.set(locale, new Intl.PluralRules(locale)).get(locale)!;

function formatArg(value: string | number | Date, type: string | undefined, style: string | undefined, locale: string): string {
  if (type === 'number' && typeof value === 'number') return new Intl.NumberFormat(locale, style === 'percent' ? { style: 'percent' } : {}).format(value);
  if ((type === 'date' || type === 'time') && (value instanceof Date || typeof value === 'number')) {
    const length = style === 'short' || style === 'long' || style === 'full' ? style : 'medium';
    return new Intl.DateTimeFormat(locale, type === 'date' ? { dateStyle: length } : { timeStyle: length }).format(value);
  }
  return value instanceof Date ? value.toISOString() : String(value);
}

/** A recursive-descent reader of the message syntax; a malformed message throws, as intl-messageformat's does. */
class Parser {
  private at = 0;
  constructor(private readonly text: string) {}

  /** Text and arguments up to the `}` that closes this level (depth > 0) or the end. */
  message(depth: number, inPlural: boolean): Part[] {
    const parts: Part[] = [];
    let literal = '';
    const flush = () => {
      if (literal) parts.push(literal);
      literal = '';
    };
    while (this.at < this.text.length) {
      const ch = this.text[this.at]!;
      if (ch === '{') {
        flush();
        parts.push(this.argument());
      } else if (ch === '}' && depth > 0) break;
      else if (ch === '#' && inPlural) {
        flush();
        parts.push({ kind: 'pound' });
        this.at++;
      } else if (ch === "'") literal += this.quote(inPlural);
      else {
        literal += ch;
        this.at++;
      }
    }
    flush();
    return parts;
  }

  // ICU's apostrophe rule: '' is one apostrophe; an apostrophe before a syntax character quotes up to the next one.
  private quote(inPlural: boolean): string {
    const next = this.text[this.at + 1];
    if (next === "'") {
      this.at += 2;
      return "'";
    }
    if (next === undefined || !('{}<>'.includes(next) || (next === '#' && inPlural))) {
      this.at++;
      return "'";
    }
    let out = next;
    this.at += 2;
    while (this.at < this.text.length) {
      const ch = this.text[this.at]!;
      if (ch === "'" && this.text[this.at + 1] === "'") {
        out += "'";
        this.at += 2;
      } else if (ch === "'") {
        this.at++;
        break;
      } else {
        out += ch;
        this.at++;
      }
    }
    return out;
  }

  private argument(): Part {
    this.at++; // {
    const name = this.word();
    if (this.eat('}')) return { kind: 'arg', name };
    this.expect(',');
    const type = this.word();
    if (type === 'plural' || type === 'select') {
      this.expect(',');
      return { kind: type, name, ...this.options(type === 'plural') };
    }
    let style: string | undefined;
    if (this.eat(',')) style = this.word();
    this.expect('}');
    return { kind: 'arg', name, type, style };
  }

  private options(plural: boolean): { offset: number; options: Record<string, Part[]> } {
    const options: Record<string, Part[]> = {};
    let offset = 0;
    for (;;) {
      this.space();
      if (this.eat('}')) break;
      const selector = this.word();
      if (plural && selector.startsWith('offset:')) {
        offset = Number(selector.slice('offset:'.length));
        continue;
      }
      this.space();
      this.expect('{');
      options[selector] = this.message(1, plural);
      this.expect('}');
    }
    if (!options.other) throw new SyntaxError(`Message has no "other" option: ${this.text}`);
    return { offset, options };
  }

  private word(): string {
    this.space();
    const start = this.at;
    while (this.at < this.text.length && !/[\s{},]/.test(this.text[this.at]!)) this.at++;
    if (start === this.at) throw new SyntaxError(`Malformed message at ${start}: ${this.text}`);
    const word = this.text.slice(start, this.at);
    this.space();
    return word;
  }

  private space(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at]!)) this.at++;
  }

  private eat(ch: string): boolean {
    this.space();
    if (this.text[this.at] !== ch) return false;
    this.at++;
    return true;
  }

  private expect(ch: string): void {
    if (!this.eat(ch)) throw new SyntaxError(`Expected "${ch}" at ${this.at}: ${this.text}`);
  }
}
