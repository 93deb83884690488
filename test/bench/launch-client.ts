// A scripted browser for one launch at a time: a cookie jar of its own, manual redirects, the LMS's
// auto-submitting form, and (for Playroute) the Platform Storage pages. Both tools get exactly this client.

export class LaunchFailed extends Error {}

/** One browser tab: cookies per host are not needed (everything runs on 127.0.0.1), so one jar per launch. */
export class ScriptedBrowser {
  private readonly cookies = new Map<string, string>();
  private readonly platformStorage = new Map<string, string>();

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (cookie) headers.set('cookie', cookie);
    const res = await fetch(url, { ...init, headers, redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    for (const setCookie of res.headers.getSetCookie()) {
      const [pair] = setCookie.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (!name) continue;
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(setCookie)) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.join('='));
    }
    return res;
  }

  /** OIDC login initiation → the LMS auth endpoint → the id_token form the LMS answers with. */
  async loginAndAuthorise(loginUrl: string): Promise<{ action: string; fields: Record<string, string> }> {
    const login = await this.request(loginUrl);
    let authUrl = login.headers.get('location');
    if (login.status === 200) {
      // Playroute's Platform Storage page: it stores the state in the LMS frame, then goes on to the LMS.
      const config = parseScriptConfig(await login.text());
      if (config && typeof config.next === 'string') {
        this.platformStorage.set(String(config.key), String(config.value));
        authUrl = config.next;
      }
    } else {
      await login.body?.cancel();
    }
    if (!authUrl) throw new LaunchFailed(`login answered ${login.status} without a way on`);
    const auth = await this.request(new URL(authUrl, loginUrl).toString());
    const form = parseAutoSubmitForm(await auth.text());
    if (!form) throw new LaunchFailed(`the LMS did not answer with a form_post (status ${auth.status})`);
    return form;
  }

  /** The form_post to the tool; follows Playroute's Platform Storage confirm page when it comes. */
  async postForm(action: string, fields: Record<string, string>): Promise<Response> {
    const res = await this.request(action, { method: 'POST', body: new URLSearchParams(fields) });
    if (res.status !== 200) return res;
    const html = await res.text();
    const config = parseScriptConfig(html);
    const confirm = /<form id="confirm" method="post" action="([^"]+)"/.exec(html);
    const stored = config ? this.platformStorage.get(String(config.key)) : undefined;
    if (!config || typeof config.id !== 'string' || !confirm?.[1] || stored === undefined) throw new LaunchFailed('the launch answered a page instead of a redirect');
    return this.request(new URL(decodeHtml(confirm[1]), action).toString(), { method: 'POST', body: new URLSearchParams({ pending_launch: config.id, stored_state: stored }) });
  }
}

function parseAutoSubmitForm(html: string): { action: string; fields: Record<string, string> } | undefined {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) return undefined;
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    if (match[1]) fields[decodeHtml(match[1])] = decodeHtml(match[2] ?? '');
  }
  return { action: decodeHtml(action), fields };
}

/** The JSON object a Playroute launch page passes to its script, e.g. `})({"target":"_parent",...});`. */
function parseScriptConfig(html: string): Record<string, unknown> | undefined {
  const match = /\}\)\((\{[^<]*?\})\);<\/script>/.exec(html);
  return match?.[1] ? (JSON.parse(match[1]) as Record<string, unknown>) : undefined;
}

function decodeHtml(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
