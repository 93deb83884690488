// Gives every component the current language and a t() function, and lets the user switch language.
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { MessageKey } from './en';
import { chooseLanguage } from './language-choice';
import { translate, type Language, type MessageParams } from './translate';

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
  const language = chooseLanguage({ browserLocale, launchLocale, chosen });
  const value = useMemo<I18n>(
    () => ({ language, setLanguage, setLaunchLocale, t: (key, params) => translate(language, key, params) }),
    [language],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n must be used inside an I18nProvider');
  return i18n;
}
