// Gives every component the current language and a t() function, and lets the user switch language.
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { MessageKey } from './en';
import { translate, type Language, type MessageParams } from './translate';

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t(key: MessageKey, params?: MessageParams): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ initialLanguage, children }: { initialLanguage: Language; children: ReactNode }) {
  const [language, setLanguage] = useState(initialLanguage);
  const value = useMemo<I18n>(
    () => ({ language, setLanguage, t: (key, params) => translate(language, key, params) }),
    [language],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n must be used inside an I18nProvider');
  return i18n;
}
