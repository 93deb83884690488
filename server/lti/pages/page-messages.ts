// The words of the few pages the server renders during a launch, in Dutch and English.

const en = {
  'page.title': 'Playroute',
  'launch.connecting': 'Connecting to your course…',
  'launch.failed.title': 'Playroute could not open',
  'launch.failed.retry': 'Open Playroute again from your course. If this keeps happening, tell your teacher or the LMS administrator and mention the code below.',
  'launch.blocked.title': 'Your browser blocked the launch',
  'launch.blocked.explain': 'Your browser does not let Playroute keep the launch safe inside the course page (third-party cookies and LMS storage are both blocked).',
  'launch.blocked.action': 'Allow cookies for this site in your browser’s settings, then open Playroute again from your course. If you cannot, ask your teacher to pass this on to the LMS administrator, who can set Playroute to open in a new window.',
  'launch.errorCode': 'Code: {code}',
  'launch.refused.title': 'Your browser blocked Playroute inside the course page',
  'launch.refused.explain': 'Your browser does not let Playroute keep your sign-in safe inside the course page. In a window of its own it can; your course stays open here.',
  'launch.newWindow': 'Open Playroute in a new window',
  'launch.newWindow.opened': 'Playroute is open in a new window.',
  'launch.newWindow.notOpened': 'Your browser did not open a new window. Allow pop-ups for this page, or allow cookies for this site, and try again.',
  'registration.done': 'Playroute is registered. You can close this window.',
  'registration.failed': 'The registration did not succeed: {reason}',
  'registration.error.bad_request': 'the request came without the LMS’s configuration address. Start the registration from the tool registration page of your LMS.',
  'registration.error.insecure': 'the LMS must be reached over https, and {url} is not.',
  'registration.error.unreachable': 'Playroute could not reach the LMS at {url}. Check that the LMS can be reached from Playroute’s server and try again.',
  'registration.error.invalid_configuration': 'the LMS’s configuration is incomplete ({detail}).',
  'registration.error.issuer_mismatch': 'the LMS’s configuration names issuer {issuer}, but it came from {url}, which is not under that address.',
  'registration.error.token_refused': 'the LMS refused the registration token; it may have expired or been used already. Start the registration again from your LMS.',
  'registration.error.refused': 'the LMS refused the registration ({detail}).',
  'registration.error.invalid_answer': 'the LMS’s answer could not be read ({detail}).',
  'registration.error.internal': 'Playroute could not save the registration. Try again later or ask the Playroute administrator.',
  'registration.error.disabled': 'dynamic registration is switched off on this Playroute. Ask its administrator for the registration address.',
  'registration.error.wrong_key': 'this registration address is not valid. Ask the Playroute administrator for the current one.',
  'error.generic': 'The learning environment sent a launch Playroute cannot accept.',
  'error.state_unknown': 'This launch has expired or was already used.',
  'error.token_expired': 'This launch has expired.',
  'error.nonce_replayed': 'This launch was already used.',
  'error.platform_not_registered': 'This learning environment is not registered with Playroute yet.',
  'error.deployment_not_registered': 'This installation of Playroute in your learning environment is not registered yet.',
  'error.deep_linking_needs_instructor': 'Only teachers can add Playroute to a course.',
  'error.too_many_logins': 'Playroute was opened very often from this network in a short time. Wait a minute, then open it again from your course.',
  'error.too_many_waiting_logins': 'Playroute is very busy with people opening it from your learning environment. Try again in a few minutes.',
} as const;

export type PageMessageKey = keyof typeof en;

const nl: Record<PageMessageKey, string> = {
  'page.title': 'Playroute',
  'launch.connecting': 'Verbinden met je cursus…',
  'launch.failed.title': 'Playroute kon niet openen',
  'launch.failed.retry': 'Open Playroute opnieuw vanuit je cursus. Blijft dit gebeuren, meld het dan aan je docent of de LMS-beheerder en noem de code hieronder.',
  'launch.blocked.title': 'Je browser blokkeerde het openen',
  'launch.blocked.explain': 'Je browser laat Playroute de start binnen de cursuspagina niet beveiligen (cookies van derden en LMS-opslag zijn allebei geblokkeerd).',
  'launch.blocked.action': 'Sta cookies voor deze site toe in de instellingen van je browser en open Playroute dan opnieuw vanuit je cursus. Lukt dat niet, vraag je docent dit door te geven aan de LMS-beheerder; die kan Playroute in een nieuw venster laten openen.',
  'launch.errorCode': 'Code: {code}',
  'launch.refused.title': 'Je browser blokkeerde Playroute binnen de cursuspagina',
  'launch.refused.explain': 'Je browser laat Playroute je aanmelding binnen de cursuspagina niet veilig bewaren. In een eigen venster lukt dat wel; je cursus blijft hier open.',
  'launch.newWindow': 'Open Playroute in een nieuw venster',
  'launch.newWindow.opened': 'Playroute is geopend in een nieuw venster.',
  'launch.newWindow.notOpened': 'Je browser opende geen nieuw venster. Sta pop-ups voor deze pagina toe, of sta cookies voor deze site toe, en probeer het opnieuw.',
  'registration.done': 'Playroute is geregistreerd. Je kunt dit venster sluiten.',
  'registration.failed': 'De registratie is niet gelukt: {reason}',
  'registration.error.bad_request': 'het verzoek kwam zonder het configuratieadres van de LMS. Start de registratie vanaf de pagina voor toolregistratie in je LMS.',
  'registration.error.insecure': 'de LMS moet via https bereikbaar zijn, en {url} is dat niet.',
  'registration.error.unreachable': 'Playroute kon de LMS op {url} niet bereiken. Controleer of de server van Playroute de LMS kan bereiken en probeer het opnieuw.',
  'registration.error.invalid_configuration': 'de configuratie van de LMS is onvolledig ({detail}).',
  'registration.error.issuer_mismatch': 'de configuratie van de LMS noemt issuer {issuer}, maar kwam van {url}, dat niet onder dat adres valt.',
  'registration.error.token_refused': 'de LMS weigerde het registratietoken; het is misschien verlopen of al gebruikt. Start de registratie opnieuw vanuit je LMS.',
  'registration.error.refused': 'de LMS weigerde de registratie ({detail}).',
  'registration.error.invalid_answer': 'het antwoord van de LMS was niet te lezen ({detail}).',
  'registration.error.internal': 'Playroute kon de registratie niet opslaan. Probeer het later opnieuw of vraag het de beheerder van Playroute.',
  'registration.error.disabled': 'dynamische registratie staat uit op deze Playroute. Vraag de beheerder om het registratieadres.',
  'registration.error.wrong_key': 'dit registratieadres is niet geldig. Vraag de beheerder van Playroute om het actuele adres.',
  'error.generic': 'De leeromgeving stuurde een start die Playroute niet kan aannemen.',
  'error.state_unknown': 'Deze start is verlopen of al gebruikt.',
  'error.token_expired': 'Deze start is verlopen.',
  'error.nonce_replayed': 'Deze start is al gebruikt.',
  'error.platform_not_registered': 'Deze leeromgeving is nog niet bij Playroute geregistreerd.',
  'error.deployment_not_registered': 'Deze installatie van Playroute in je leeromgeving is nog niet geregistreerd.',
  'error.deep_linking_needs_instructor': 'Alleen docenten kunnen Playroute aan een cursus toevoegen.',
  'error.too_many_logins': 'Playroute is in korte tijd heel vaak geopend vanaf dit netwerk. Wacht een minuut en open het daarna opnieuw vanuit je cursus.',
  'error.too_many_waiting_logins': 'Playroute heeft het erg druk met mensen die het openen vanuit je leeromgeving. Probeer het over een paar minuten opnieuw.',
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
