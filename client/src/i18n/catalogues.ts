// The interface texts the browser holds: the shell's own (core) in both languages from the start, every other part
// fetched for the language in use when a screen needs it. A student never downloads the designer's 25 kB of text,
// nor the language they do not read (issue 13).
import type { MessageKey } from './en';
import { formatMessage, type Language, type MessageParams } from './format';
import { coreEn } from './messages/core.en';
import { coreNl } from './messages/core.nl';

/** One message file per feature (messages/<part>.<language>.ts); `core` is always there. */
export type MessagePart = 'student' | 'designer' | 'grading' | 'coaching';

type Messages = Partial<Record<MessageKey, string>>;

// Each import() is its own small chunk; vite needs the literal paths to find them.
const loaders: Record<Language, Record<MessagePart, () => Promise<Messages>>> = {
  en: {
    student: () => import('./messages/student.en').then((m) => m.studentEn),
    designer: () => import('./messages/designer.en').then((m) => m.designerEn),
    grading: () => import('./messages/grading.en').then((m) => m.gradingEn),
    coaching: () => import('./messages/coaching.en').then((m) => m.coachingEn),
  },
  nl: {
    student: () => import('./messages/student.nl').then((m) => m.studentNl),
    designer: () => import('./messages/designer.nl').then((m) => m.designerNl),
    grading: () => import('./messages/grading.nl').then((m) => m.gradingNl),
    coaching: () => import('./messages/coaching.nl').then((m) => m.coachingNl),
  },
};

const messages: Record<Language, Messages> = { en: { ...coreEn }, nl: { ...coreNl } };
const loaded: Record<Language, Set<MessagePart>> = { en: new Set(), nl: new Set() };
const loading = new Map<string, Promise<void>>();
/** The parts some screen has asked for: a language is ready once it has all of them. */
const wanted = new Set<MessagePart>();
/** The languages on screen or about to be (set by the I18nProvider); a screen's parts are fetched for each. */
let inUse: Language[] = [];
let version = 0;
const listeners = new Set<() => void>();

function loadPart(language: Language, part: MessagePart): Promise<void> {
  const id = `${language}:${part}`;
  let pending = loading.get(id);
  if (!pending) {
    pending = loaders[language][part]().then(
      (part_messages) => {
        Object.assign(messages[language], part_messages);
        loaded[language].add(part);
        version++;
        for (const listener of listeners) listener();
      },
      (error: unknown) => {
        // A failed download (network) may be tried again by the next screen or language switch.
        loading.delete(id);
        throw error;
      },
    );
    loading.set(id, pending);
  }
  return pending;
}

/** Fetches what a screen needs in the languages in use; a lazy screen waits for it before it renders. */
export function requireMessages(parts: readonly MessagePart[]): Promise<void> {
  for (const part of parts) wanted.add(part);
  return Promise.all(inUse.flatMap((language) => parts.map((part) => loadPart(language, part)))).then(() => undefined);
}

/** Whether `language` has every part the screens so far asked for. */
export function isReady(language: Language): boolean {
  return [...wanted].every((part) => loaded[language].has(part));
}

/** Fetches, for a language being switched to, every part the screens so far asked for. */
export function prepareLanguage(language: Language): Promise<void> {
  return Promise.all([...wanted].map((part) => loadPart(language, part))).then(() => undefined);
}

export function setLanguagesInUse(languages: Language[]): void {
  inUse = [...new Set(languages)];
}

/** For useSyncExternalStore: the provider renders again when a part arrives. */
export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
export const catalogueVersion = (): number => version;

/** Test seam and synchronous path for code that has every catalogue at hand (translate.ts). */
export function addMessages(language: Language, all: Messages): void {
  Object.assign(messages[language], all);
  for (const part of Object.keys(loaders[language]) as MessagePart[]) loaded[language].add(part);
  version++;
}

/** Whether a key (from the server: a rule, a quality check) has a text among the parts loaded. */
export function isMessageKey(key: string): key is MessageKey {
  return key in messages.en || key in messages.nl;
}

/**
 * The message in the language, formatted; a key whose part has not arrived falls back to the other language, then
 * to the key itself, so a slow download shows something readable instead of breaking the page.
 */
export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  const template = messages[language][key] ?? messages[language === 'en' ? 'nl' : 'en'][key] ?? key;
  return formatMessage(language, template, params);
}
