// The demo LMS in a browser: a course page with launch buttons, the tool in an iframe, and Platform Storage for it.
import express from 'express';
import { MessageType } from '../lti/claims';
import type { LmsContext } from './context';
import { fullName, type CourseRole, type Member } from './course';
import { DEMO_MESSAGES, pickLanguage, type DemoLanguage, type DemoMessages } from './demo-page-messages';
import { cspNonce, escapeHtml } from '../html';
import { startLaunch } from './oidc';
import { platformStorageScript } from './platform-storage';
import { plainQuery } from './paging';

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;color:#1f2933}header{background:#1d4e89;color:#fff;padding:.75rem 1.5rem}
main{padding:1rem 1.5rem}table{border-collapse:collapse}td,th{padding:.25rem .75rem;text-align:left;border-bottom:1px solid #d9e2ec}
a.button{display:inline-block;margin:.25rem .5rem .25rem 0;padding:.4rem .8rem;background:#1d4e89;color:#fff;border-radius:4px;text-decoration:none}
iframe.tool{width:100%;height:80vh;border:1px solid #d9e2ec}header a{color:#fff}`;

export function demoPageRouter(ctx: LmsContext): express.Router {
  const router = express.Router();

  router.get('/', (req, res) => {
    const lang = pickLanguage(req.query.lang, req.get('accept-language'));
    res.type('html').send(coursePage(ctx, lang, req.query.reset === 'done'));
  });

  // "Reset the demo": a plain form post, so it works without script; back on the course page with a note afterwards.
  router.post('/reset', async (req, res) => {
    const lang = pickLanguage(req.query.lang, req.get('accept-language'));
    if (!ctx.reset) {
      res.status(404).type('text').send('Not found');
      return;
    }
    await ctx.reset();
    res.redirect(303, href(ctx, '', { lang, reset: 'done' }));
  });

  router.get('/launch', (req, res) => {
    const lang = pickLanguage(req.query.lang, req.get('accept-language'));
    const query = plainQuery(req.query);
    const started = startLaunch(ctx, {
      user: query.user ?? '',
      placement: query.placement,
      messageType: query.kind === 'deep-linking' ? MessageType.deepLinkingRequest : MessageType.resourceLink,
    });
    res.type('html').send(launchPage(ctx, lang, started.url, cspNonce(res)));
  });

  // Canvas points the tool at a hidden sibling frame for Platform Storage; this is that frame.
  router.get('/storage-frame', (_req, res) => {
    res.type('html').send(`<!doctype html><html><head><meta charset="utf-8"><title>storage</title></head><body><script nonce="${escapeHtml(cspNonce(res))}">${storageScript(ctx, undefined)}</script></body></html>`);
  });

  return router;
}

function coursePage(ctx: LmsContext, lang: DemoLanguage, resetDone = false): string {
  const t = DEMO_MESSAGES[lang];
  const members = ctx.roster.list();
  const hasTool = ctx.state.tools.size > 0;
  const firstOf = (role: CourseRole) => members.find((member) => member.role === role);
  const launchLink = (member: Member | undefined, label: string, extra: Record<string, string> = {}, accessibleName?: string) =>
    member
      ? `<a class="button" href="${escapeHtml(href(ctx, 'launch', { user: member.userId, lang, ...extra }))}"${
          accessibleName ? ` aria-label="${escapeHtml(accessibleName)}"` : ''
        }>${escapeHtml(label)}</a>`
      : '';
  const rows = members
    .map(
      (member) =>
        `<tr><td>${escapeHtml(fullName(member))}</td><td>${escapeHtml(t.roleNames[member.role])}</td><td>${escapeHtml(member.locale)}</td><td>${
          hasTool ? launchLink(member, t.launchAs, {}, `${t.launchAs} ${fullName(member)}`) : ''
        }</td></tr>`,
    )
    .join('\n');
  const placements = [...ctx.state.placements.values()]
    .map((placement) => {
      const open = (role: CourseRole, label: string) =>
        launchLink(firstOf(role), label, { placement: placement.resourceLinkId }, `${label}: ${placement.title}`);
      return `<li>${escapeHtml(placement.title)} ${open('teacher', t.launchAsTeacher)} ${open('student', t.launchAsStudent)} ${open('coach', t.launchAsCoach)}</li>`;
    })
    .join('\n');
  const actions = hasTool
    ? [
        launchLink(firstOf('teacher'), t.launchAsTeacher),
        launchLink(firstOf('student'), t.launchAsStudent),
        launchLink(firstOf('coach'), t.launchAsCoach),
        launchLink(firstOf('teacher'), t.placeTool, { kind: 'deep-linking' }),
      ].join('\n')
    : `<p>${escapeHtml(t.noTool)}</p>`;
  return layout(ctx, lang, t, `<h2>${escapeHtml(t.course)}: ${escapeHtml(ctx.course.title)}</h2>
<p>${escapeHtml(t.intro)}</p>
<p>${escapeHtml(t.quirks)}: <strong>${escapeHtml(ctx.profile().quirks)}</strong></p>
<div>${actions}</div>
${resetForm(ctx, lang, t, resetDone)}
<h3>${escapeHtml(t.placements)}</h3><ul>${placements}</ul>
<h3>${escapeHtml(t.members)}</h3>
<table><thead><tr><th>${escapeHtml(t.name)}</th><th>${escapeHtml(t.role)}</th><th>${escapeHtml(t.language)}</th><th></th></tr></thead>
<tbody>${rows}</tbody></table>`);
}

function resetForm(ctx: LmsContext, lang: DemoLanguage, t: DemoMessages, done: boolean): string {
  if (!ctx.reset) return '';
  const note = done ? `<p role="status">${escapeHtml(t.resetDone)}</p>` : '';
  return `${note}<form method="post" action="${escapeHtml(href(ctx, 'reset', { lang }))}"><button type="submit">${escapeHtml(t.resetDemo)}</button></form>`;
}

function launchPage(ctx: LmsContext, lang: DemoLanguage, loginUrl: string, nonce: string): string {
  const t = DEMO_MESSAGES[lang];
  const target = ctx.profile().storageTarget;
  // The tool talks to the frame named by lti_storage_target: this page itself for `_parent`, else a hidden sibling.
  const forwardingFrame =
    target && target !== '_parent'
      ? `<iframe name="${escapeHtml(target)}" src="${escapeHtml(href(ctx, 'storage-frame', {}))}" hidden title="storage"></iframe>`
      : '';
  return layout(ctx, lang, t, `<p><a href="${escapeHtml(href(ctx, '', { lang }))}">${escapeHtml(t.backToCourse)}</a></p>
${forwardingFrame}
<iframe class="tool" title="${escapeHtml(t.toolFrameTitle)}" src="${escapeHtml(loginUrl)}" allow="clipboard-write; fullscreen"></iframe>
<script nonce="${escapeHtml(nonce)}">${storageScript(ctx, target && target !== '_parent' ? target : undefined)}</script>`);
}

function layout(ctx: LmsContext, lang: DemoLanguage, t: DemoMessages, body: string): string {
  const other: DemoLanguage = lang === 'nl' ? 'en' : 'nl';
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.title)} · ${escapeHtml(ctx.course.label)}</title><style>${STYLE}</style></head>
<body><header><strong>${escapeHtml(t.title)}</strong> · ${escapeHtml(ctx.course.label)} ·
<a href="${escapeHtml(href(ctx, '', { lang: other }))}" lang="${other}">${escapeHtml(t.switchLanguage)}</a></header>
<main>${body}</main></body></html>`;
}

function storageScript(ctx: LmsContext, frame: string | undefined): string {
  const origins = new Set<string>();
  for (const tool of ctx.state.tools.values()) {
    for (const url of [tool.loginUrl, tool.launchUrl, ...tool.redirectUris]) origins.add(new URL(url).origin);
  }
  return platformStorageScript({ allowedOrigins: [...origins], frame });
}

/** A same-origin path under the issuer's mount point, so links work with or without a trailing slash. */
function href(ctx: LmsContext, path: string, params: Record<string, string>): string {
  const query = new URLSearchParams(params).toString();
  const base = new URL(ctx.urls.issuer).pathname.replace(/\/+$/, '');
  return `${base}/${path}${query ? `?${query}` : ''}`;
}
