// The words of the few pages the server renders during a launch, in Dutch and English.

const en = {
  'page.title': 'Playroute',
  'launch.connecting': 'Connecting to your course…',
  'launch.failed.title': 'Playroute could not open',
  'launch.failed.retry': 'Open Playroute again from your course. If this keeps happening, tell your teacher or the LMS administrator and mention the code below.',
  'launch.blocked.title': 'Your browser blocked the launch',
  'launch.blocked.explain': 'Your browser does not let Playroute keep the launch safe inside the course page (third-party cookies and LMS storage are both blocked).',
  'launch.blocked.action': 'Open Playroute in a new window: use your course’s “open in new window” option for this link, or allow cookies for this site, then open it again.',
  'launch.errorCode': 'Code: {code}',
  'registration.done': 'Playroute is registered. You can close this window.',
  'registration.failed': 'The registration did not succeed: {reason}',
  'error.generic': 'The learning environment sent a launch Playroute cannot accept.',
  'error.state_unknown': 'This launch has expired or was already used.',
  'error.token_expired': 'This launch has expired.',
  'error.nonce_replayed': 'This launch was already used.',
  'error.platform_not_registered': 'This learning environment is not registered with Playroute yet.',
  'error.deployment_not_registered': 'This installation of Playroute in your learning environment is not registered yet.',
  'error.deep_linking_needs_instructor': 'Only teachers can add Playroute to a course.',
} as const;

export type PageMessageKey = keyof typeof en;

const nl: Record<PageMessageKey, string> = {
  'page.title': 'Playroute',
  'launch.connecting': 'Verbinden met je cursus…',
  'launch.failed.title': 'Playroute kon niet openen',
  'launch.failed.retry': 'Open Playroute opnieuw vanuit je cursus. Blijft dit gebeuren, meld het dan aan je docent of de LMS-beheerder en noem de code hieronder.',
  'launch.blocked.title': 'Je browser blokkeerde het openen',
  'launch.blocked.explain': 'Je browser laat Playroute de start binnen de cursuspagina niet beveiligen (cookies van derden en LMS-opslag zijn allebei geblokkeerd).',
  'launch.blocked.action': 'Open Playroute in een nieuw venster: kies bij deze link in je cursus “openen in nieuw venster”, of sta cookies voor deze site toe, en open hem dan opnieuw.',
  'launch.errorCode': 'Code: {code}',
  'registration.done': 'Playroute is geregistreerd. Je kunt dit venster sluiten.',
  'registration.failed': 'De registratie is niet gelukt: {reason}',
  'error.generic': 'De leeromgeving stuurde een start die Playroute niet kan aannemen.',
  'error.state_unknown': 'Deze start is verlopen of al gebruikt.',
  'error.token_expired': 'Deze start is verlopen.',
  'error.nonce_replayed': 'Deze start is al gebruikt.',
  'error.platform_not_registered': 'Deze leeromgeving is nog niet bij Playroute geregistreerd.',
  'error.deployment_not_registered': 'Deze installatie van Playroute in je leeromgeving is nog niet geregistreerd.',
  'error.deep_linking_needs_instructor': 'Alleen docenten kunnen Playroute aan een cursus toevoegen.',
};

export type PageLanguage = 'nl' | 'en';

/** Dutch for nl-* locales or a browser that prefers Dutch; English otherwise. */
export function pageLanguage(localeOrAcceptLanguage: string | undefined): PageLanguage {
  const first = localeOrAcceptLanguage?.split(',')[0]?.trim() ?? '';
  return /^nl(?:[-_]|$|;)/i.test(first) ? 'nl' : 'en';
}

/** The explanation of an LTI error code, or the generic one when the code has none of its own. */
export function errorText(language: PageLanguage, code: string): string {
  const key = `error.${code}`;
  return pageText(language, isPageMessageKey(key) ? key : 'error.generic');
}

function isPageMessageKey(key: string): key is PageMessageKey {
  return key in en;
}

export function pageText(language: PageLanguage, key: PageMessageKey, params: Record<string, string> = {}): string {
  const template = (language === 'nl' ? nl : en)[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}
