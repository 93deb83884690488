// The small server-rendered pages of the OIDC flow: storing the state in the LMS window, confirming it, and saying plainly what went wrong.
import { escapeHtml, scriptJson } from '../../html';
import { errorText, pageText, type PageLanguage, type PageMessageKey } from './page-messages';
import { STORAGE_CLIENT_SCRIPT } from './storage-client-script';

/** An inline script: with the answer's Content-Security-Policy nonce, or none for a constant script allowed by its hash (server/http/security-headers.ts). */
interface PageScript {
  code: string;
  nonce?: string;
}

function layout(language: PageLanguage, body: string, script?: PageScript): string {
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(pageText(language, 'page.title'))}</title>
<style>body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1d2433;line-height:1.5;max-width:40rem}h1{font-size:1.25rem}[hidden]{display:none}button{font:inherit;padding:.5rem 1rem;border:0;border-radius:4px;background:#1d4e89;color:#fff;cursor:pointer}</style>
</head><body>${body}${script ? `<script${script.nonce ? ` nonce="${escapeHtml(script.nonce)}"` : ''}>${script.code}</script>` : ''}</body></html>`;
}

function blockedSection(language: PageLanguage, hidden: boolean): string {
  return `<section id="blocked" role="alert"${hidden ? ' hidden' : ''}>
<h1>${escapeHtml(pageText(language, 'launch.blocked.title'))}</h1>
<p>${escapeHtml(pageText(language, 'launch.blocked.explain'))}</p>
<p>${escapeHtml(pageText(language, 'launch.blocked.action'))}</p>
</section>`;
}

function connecting(language: PageLanguage): string {
  return `<p id="connecting" aria-live="polite">${escapeHtml(pageText(language, 'launch.connecting'))}</p>`;
}

const SHOW_BLOCKED = `function showBlocked(){document.getElementById('connecting').hidden=true;document.getElementById('blocked').hidden=false;}`;

/**
 * Login initiation when the LMS offers Platform Storage: keep the state in the LMS window, then go on to the LMS.
 * Should the LMS window not take it, the state cookie must do; and if that did not come back either, the person
 * is offered the same, still unspent login in a new window.
 */
export function storeStateAndContinuePage(props: {
  language: PageLanguage;
  authRequestUrl: string;
  storageTarget: string;
  platformOrigin: string;
  state: string;
  nonce: string;
  checkUrl: string;
  relaunchUrl: string;
}): string {
  const config = scriptJson({
    target: props.storageTarget,
    origin: props.platformOrigin,
    key: `state_${props.state}`,
    value: props.state,
    next: props.authRequestUrl,
    check: props.checkUrl,
    relaunch: props.relaunchUrl,
  });
  const script = `${STORAGE_CLIENT_SCRIPT}
${NEW_WINDOW_SCRIPT}
(function(c){function go(){window.location.replace(c.next);}window.playrouteLtiStorage.put(c.target,c.origin,c.key,c.value).then(go,function(){checkCookieOrOfferNewWindow(c);});})(${config});`;
  return layout(props.language, connecting(props.language) + refusedSection(props.language), { code: script, nonce: props.nonce });
}

/** Launch without our cookie but with Platform Storage: read the state back from the LMS window to prove it is the same browser. */
export function confirmFromStoragePage(props: {
  language: PageLanguage;
  confirmUrl: string;
  pendingLaunchId: string;
  storageTarget: string;
  platformOrigin: string;
  state: string;
  nonce: string;
}): string {
  const config = scriptJson({ target: props.storageTarget, origin: props.platformOrigin, key: `state_${props.state}`, id: props.pendingLaunchId });
  const form = `<form id="confirm" method="post" action="${escapeHtml(props.confirmUrl)}" hidden>
<input type="hidden" name="pending_launch" value="${escapeHtml(props.pendingLaunchId)}"><input type="hidden" name="stored_state" value="">
</form>`;
  const script = `${STORAGE_CLIENT_SCRIPT}
${SHOW_BLOCKED}
(function(c){window.playrouteLtiStorage.get(c.target,c.origin,c.key).then(function(value){var f=document.getElementById('confirm');f.elements.stored_state.value=value;f.submit();},showBlocked);})(${config});`;
  return layout(props.language, connecting(props.language) + blockedSection(props.language, true) + form, { code: script, nonce: props.nonce });
}

/** The offer of a new window, for when the browser keeps nothing of the login inside the LMS page. */
function refusedSection(language: PageLanguage): string {
  const t = (key: PageMessageKey) => escapeHtml(pageText(language, key));
  return `<section id="refused" hidden>
<h1>${t('launch.refused.title')}</h1>
<p>${t('launch.refused.explain')}</p>
<p><button type="button" id="new-window">${t('launch.newWindow')}</button></p>
<p id="opened" role="status" hidden>${t('launch.newWindow.opened')}</p>
<p id="not-opened" role="alert" hidden>${t('launch.newWindow.notOpened')}</p>
</section>`;
}

// c.check: the cookie-check URL; c.next: the LMS's authentication request; c.relaunch: the same login, top-level.
// A failed check (network) goes on to the LMS as before: the launch then says what went wrong.
const NEW_WINDOW_SCRIPT = `function checkCookieOrOfferNewWindow(c){
function show(id){document.getElementById(id).hidden=false;}
document.getElementById('new-window').addEventListener('click',function(){var w=window.open(c.relaunch,'_blank');if(w){w.opener=null;show('opened');}else{show('not-opened');}});
fetch(c.check,{credentials:'include',cache:'no-store'}).then(function(r){return r.json();}).then(function(b){if(b&&b.cookie===true){window.location.replace(c.next);}else{document.getElementById('connecting').hidden=true;show('refused');}},function(){window.location.replace(c.next);});
}`;

/**
 * Login in a frame of another site, without Platform Storage (Moodle): first ask whether the state cookie came back.
 * If it did, go on to the LMS. If not, the LMS's login is not spent yet (Moodle's auth.php allows it once), so a
 * new window can start the same login afresh, where the cookie is first-party.
 */
export function checkCookieThenContinuePage(props: { language: PageLanguage; checkUrl: string; authRequestUrl: string; relaunchUrl: string; nonce: string }): string {
  const config = scriptJson({ check: props.checkUrl, next: props.authRequestUrl, relaunch: props.relaunchUrl });
  const script = `${NEW_WINDOW_SCRIPT}
checkCookieOrOfferNewWindow(${config});`;
  return layout(props.language, connecting(props.language) + refusedSection(props.language), { code: script, nonce: props.nonce });
}

/** The launch cannot go on: for a blocked browser say what to do, otherwise give a code to pass on. */
export function launchFailedPage(props: { language: PageLanguage; code: string; blocked?: boolean }): string {
  if (props.blocked) return layout(props.language, blockedSection(props.language, false));
  const t = (key: PageMessageKey, params?: Record<string, string>) => escapeHtml(pageText(props.language, key, params));
  return layout(
    props.language,
    `<section role="alert"><h1>${t('launch.failed.title')}</h1><p>${escapeHtml(errorText(props.language, props.code))}</p><p>${t('launch.failed.retry')}</p><p><code>${t('launch.errorCode', { code: props.code })}</code></p></section>`,
  );
}

/** Tells the LMS to close its registration window; constant, so the Content-Security-Policy allows it by its hash. */
export const REGISTRATION_DONE_SCRIPT = `(window.opener||window.parent).postMessage({subject:'org.imsglobal.lti.close'},'*');`;

/** The end of dynamic registration: tell the LMS to close its registration window. */
export function registrationDonePage(props: { language: PageLanguage; error?: string }): string {
  const text = props.error ? pageText(props.language, 'registration.failed', { reason: props.error }) : pageText(props.language, 'registration.done');
  return layout(props.language, `<p role="status">${escapeHtml(text)}</p>`, props.error ? undefined : { code: REGISTRATION_DONE_SCRIPT });
}
