// Which language the interface speaks: an explicit choice wins over the LMS's launch locale, which wins over the browser's.
import { languageFromLocale, type Language } from './format';

export interface LanguageSources {
  /** navigator.language when the page opened. */
  browserLocale: string;
  /** The LMS's locale for this person, once the launch session has answered. */
  launchLocale?: string | null;
  /** What the person picked in the language switch, whenever that happened. */
  chosen?: Language | null;
}

/** Pure, so the order of arrival does not matter: the session answering after a pick cannot overwrite it. */
export function chooseLanguage({ browserLocale, launchLocale, chosen }: LanguageSources): Language {
  if (chosen) return chosen;
  return languageFromLocale(launchLocale || browserLocale);
}
