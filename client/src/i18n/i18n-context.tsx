// Gives every component the current language and a t() function, and lets the user switch language.
import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { catalogueVersion, isReady, prepareLanguage, setLanguagesInUse, subscribe, translate } from './catalogues';
import type { MessageKey } from './en';
import type { Language, MessageParams } from './format';
import { chooseLanguage } from './language-choice';

interface I18n {
  language: Language;
  /** The person's own pick: from now on it wins over whatever the launch says. */
  setLanguage(language: Language): void;
  /** The LMS's locale for this person, from the launch session; it applies only while nobody picked. */
  setLaunchLocale(locale: string | null): void;
  t(key: MessageKey, params?: MessageParams): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ browserLocale, children }: { browserLocale: string; children: ReactNode }) {
  const [chosen, setLanguage] = useState<Language | null>(null);
  const [launchLocale, setLaunchLocale] = useState<string | null>(null);
  const version = useSyncExternalStore(subscribe, catalogueVersion);
  // Pure, so the order of arrival does not matter (language-choice.ts); the texts of a language switched to may still
  // be on their way: until they are, the page stays in the language it shows, instead of showing keys.
  const wanted = chooseLanguage({ browserLocale, launchLocale, chosen });
  const [shown, setShown] = useState<Language>(wanted);
  const language = isReady(wanted) ? wanted : shown;
  // Set while rendering, not in an effect: a lazy screen below asks for its texts during this same render.
  setLanguagesInUse([language, wanted]);
  useEffect(() => {
    setShown(language);
    // A failed download leaves the page in the language it shows; the next switch or screen tries again.
    if (!isReady(wanted)) prepareLanguage(wanted).catch(() => undefined);
  }, [language, wanted, version]);
  const value = useMemo<I18n>(
    () => ({ language, setLanguage, setLaunchLocale, t: (key, params) => translate(language, key, params) }),
    // version: a part that arrived changes what t() can say.
    [language, version],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n must be used inside an I18nProvider');
  return i18n;
}
