// A scripted browser for one launch at a time: a cookie jar of its own, manual redirects, the LMS's
// auto-submitting form, and (for Playroute) the Platform Storage pages. Every tool the bench compares gets exactly
// this client. It speaks node:http over one keep-alive agent rather than fetch: undici's fetch cost the load
// generator ~0.7 ms of CPU per request, on the same cores as the tools it measures.
import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';

export class LaunchFailed extends Error {}

/** What the scripted steps read of an answer; the body is read whole before the answer is handed over. */
export interface BrowserResponse {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
  json(): Promise<unknown>;
  /** Nothing to cancel (the body has been read); kept so steps read like fetch's `res.body?.cancel()`. */
  body: { cancel(): Promise<void> };
}

export interface BrowserRequest {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** A form body, sent as application/x-www-form-urlencoded like a browser's form post. */
  body?: URLSearchParams;
}

/** Connections kept open between requests, as a browser keeps them (fetch did too). */
const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
const TIMEOUT_MS = 10_000;
const NO_BODY = { cancel: () => Promise.resolve() };

/** One browser tab: cookies per host are not needed (everything runs on 127.0.0.1), so one jar per launch. */
export class ScriptedBrowser {
  private readonly cookies = new Map<string, string>();
  private readonly platformStorage = new Map<string, string>();

  async request(url: string, init: BrowserRequest = {}): Promise<BrowserResponse> {
    const headers: Record<string, string> = { ...init.headers };
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (cookie) headers.cookie = cookie;
    const body = init.body?.toString();
    if (body !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded;charset=UTF-8';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    const res = await send(url, init.method ?? 'GET', headers, body);
    for (const setCookie of res.setCookies) {
      const [pair] = setCookie.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (!name) continue;
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(setCookie)) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.join('='));
    }
    return res.response;
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
  async postForm(action: string, fields: Record<string, string>): Promise<BrowserResponse> {
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

/** One request, redirects not followed; resolves once the whole body has arrived. */
function send(url: string, method: string, headers: Record<string, string>, body: string | undefined): Promise<{ response: BrowserResponse; setCookies: string[] }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers, agent, timeout: TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ response: answer(res.statusCode ?? 0, res.headers, text), setCookies: res.headers['set-cookie'] ?? [] });
      });
    });
    req.on('timeout', () => req.destroy(new LaunchFailed(`${method} ${url} took over ${TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

function answer(status: number, headers: IncomingHttpHeaders, text: string): BrowserResponse {
  return {
    status,
    headers: {
      get: (name) => {
        const value = headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
    text: () => Promise.resolve(text),
    json: () => Promise.resolve(JSON.parse(text) as unknown),
    body: NO_BODY,
  };
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
