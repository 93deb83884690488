// Checks a command's collation as mongod does before anything uses it, so a bad one is MongoDB's BadValue (2)
// naming the field, never a JavaScript error from Intl (mongod: src/mongo/db/query/collation/collator_factory_icu.cpp).
import { CommandError } from './errors';
import { isPlainObject, type Document } from './documents';

const CASE_FIRST = new Set(['upper', 'lower', 'off']);
const ALTERNATE = new Set(['non-ignorable', 'shifted']);
const MAX_VARIABLE = new Set(['punct', 'space']);
const BOOLEAN_FIELDS = ['caseLevel', 'numericOrdering', 'normalization', 'backwards'] as const;
const KNOWN = new Set(['locale', 'strength', 'caseFirst', 'alternate', 'maxVariable', 'version', ...BOOLEAN_FIELDS]);

/** The collation to use, undefined for none or `simple` (binary comparison); throws BadValue for a bad one. */
export function checkCollation(spec: Document | undefined): Document | undefined {
  if (spec === undefined) return undefined;
  if (!isPlainObject(spec)) throw new CommandError('BadValue', 'collation must be an object');
  const shown = JSON.stringify(spec);
  const unknown = Object.keys(spec).find((key) => !KNOWN.has(key));
  if (unknown) throw new CommandError('BadValue', `Unknown field ${unknown} in collation spec: ${shown}`);
  const locale: unknown = spec.locale;
  if (typeof locale !== 'string') throw new CommandError('BadValue', `Required field 'locale' is missing or not a string in: ${shown}`);
  if (locale === 'simple') return undefined;
  if (!knownLocale(locale)) throw new CommandError('BadValue', `Field 'locale' is invalid in: ${shown}`);
  const strength: unknown = spec.strength ?? 3;
  if (typeof strength !== 'number' || !Number.isInteger(strength) || strength < 1 || strength > 5) {
    throw new CommandError('BadValue', `Field 'strength' must be an integer 1 through 5. Got: ${String(strength)}`);
  }
  checkChoice(spec, 'caseFirst', CASE_FIRST);
  checkChoice(spec, 'alternate', ALTERNATE);
  checkChoice(spec, 'maxVariable', MAX_VARIABLE);
  for (const field of BOOLEAN_FIELDS) {
    if (spec[field] !== undefined && typeof spec[field] !== 'boolean') throw new CommandError('BadValue', `Field '${field}' must be a boolean in: ${shown}`);
  }
  // The JavaScript runtime wants a BCP 47 tag (en-US), where MongoDB takes ICU's en_US or de@collation=….
  return { ...spec, locale: bcp47(locale) };
}

function bcp47(locale: string): string {
  return locale.split('@')[0]?.replace(/_/g, '-') ?? locale;
}

function checkChoice(spec: Document, field: string, allowed: Set<string>): void {
  const value: unknown = spec[field];
  if (value !== undefined && (typeof value !== 'string' || !allowed.has(value))) {
    throw new CommandError('BadValue', `Field '${field}' must be one of ${[...allowed].join(', ')} in: ${JSON.stringify(spec)}`);
  }
}

/** ICU locale ids (en_US, de@collation=phonebook) as the JavaScript runtime knows them. */
function knownLocale(locale: string): boolean {
  const tag = bcp47(locale);
  try {
    return tag.length > 0 && Intl.Collator.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false;
  }
}
