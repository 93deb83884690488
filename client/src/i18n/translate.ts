// Every catalogue at once, synchronously: for tests and tools that read any message without a browser. The app itself
// never imports this file (it would put both languages' every text in the first download, issue 13): it reads
// through catalogues.ts, which fetches a feature's texts with its screen. test/architecture/client-size.test.ts checks.
import { addMessages } from './catalogues';
import { en, type MessageKey } from './en';
import { formatMessage, type Language, type MessageParams } from './format';
import { nl } from './nl';

export { formatMessage, languageFromLocale, LANGUAGES, LOCALES, type Language, type MessageParams } from './format';

const catalogues: Record<Language, Record<MessageKey, string>> = { en, nl };
// So code that asks catalogues.ts (isMessageKey, a screen's t) sees every text too.
addMessages('en', en);
addMessages('nl', nl);

export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  return formatMessage(language, catalogues[language][key], params);
}
