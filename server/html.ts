// Escaping, the auto-submitting form_post page and the CSP nonce: the bits of HTML every browser-facing LTI endpoint needs,
// tool side and platform side. Shared like the error kernel, so those endpoints need nothing from server/http.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** JSON safe to place inside a <script> element (no `</script>` or HTML comment breakouts). */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The one script of the form_post page; constant, so the Content-Security-Policy allows it by its hash. */
export const AUTO_SUBMIT_SCRIPT = "document.getElementById('lti-form-post').submit();";

/** The page an OIDC `form_post` response is: a form that posts itself to the tool. */
export function autoSubmitForm(action: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Launching…</title></head>
<body>
<form id="lti-form-post" method="post" action="${escapeHtml(action)}">
${inputs}
<noscript><button type="submit">Continue</button></noscript>
</form>
<script>${AUTO_SUBMIT_SCRIPT}</script>
</body></html>`;
}

/** The nonce this answer's inline scripts must carry; the security headers (server/http/security-headers.ts) put it in res.locals. */
export function cspNonce(res: { locals: Record<string, unknown> }): string {
  return String(res.locals.cspNonce ?? '');
}
