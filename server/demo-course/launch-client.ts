// A launch as a person clicking "Launch as" on the demo LMS page makes it: the page, the tool's login, the LMS's
// authorisation answer (form_post) and the tool's launch, following redirects and keeping the tool's cookies.
// The demo course is seeded with sessions from these real launches, and its test reads through them too.

export interface LaunchClient {
  /** A session token for this demo-course member launching the link (without one: the course's first link, as the page's main buttons do). */
  launch(userId: string, resourceLinkId?: string): Promise<string>;
  api(token: string, path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
}

export function launchClient(baseUrl: string): LaunchClient {
  return {
    async launch(userId, resourceLinkId) {
      const cookies = new Map<string, string>();
      const storage = new Map<string, string>();
      const request = async (url: string, init: RequestInit = {}) => {
        const headers = new Headers(init.headers);
        if (cookies.size > 0) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
        const res = await fetch(new URL(url, baseUrl), { ...init, headers, redirect: 'manual' });
        for (const set of res.headers.getSetCookie()) {
          const [name, ...value] = (set.split(';')[0] ?? '').split('=');
          if (name) cookies.set(name.trim(), value.join('='));
        }
        return res;
      };
      const page = await (await request(`/demo-lms/launch?${new URLSearchParams({ user: userId, ...(resourceLinkId ? { placement: resourceLinkId } : {}) })}`)).text();
      const loginUrl = /<iframe class="tool"[^>]* src="([^"]+)"/.exec(page)?.[1];
      if (!loginUrl) throw new Error(`the demo LMS did not start a launch for ${userId}`);
      const login = await request(decodeHtml(loginUrl));
      let authUrl = login.headers.get('location');
      if (login.status === 200) {
        // Platform Storage: the tool asks the LMS frame to keep a value, then goes on to the authorisation request.
        const config = scriptConfig(await login.text());
        if (config && typeof config.next === 'string') {
          storage.set(String(config.key), String(config.value));
          authUrl = config.next;
        }
      }
      if (!authUrl) throw new Error(`the tool's login for ${userId} answered ${login.status}`);
      const auth = await (await request(authUrl)).text();
      const action = /<form[^>]*action="([^"]+)"/.exec(auth)?.[1];
      if (!action) throw new Error(`the LMS did not post the launch of ${userId}`);
      const fields: Record<string, string> = {};
      for (const m of auth.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields[decodeHtml(m[1] ?? '')] = decodeHtml(m[2] ?? '');
      let res = await request(decodeHtml(action), { method: 'POST', body: new URLSearchParams(fields) });
      if (res.status === 200) {
        const html = await res.text();
        const config = scriptConfig(html);
        const confirm = /<form id="confirm" method="post" action="([^"]+)"/.exec(html)?.[1];
        const stored = config ? storage.get(String(config.key)) : undefined;
        if (config && typeof config.id === 'string' && confirm && stored !== undefined) {
          res = await request(decodeHtml(confirm), { method: 'POST', body: new URLSearchParams({ pending_launch: config.id, stored_state: stored }) });
        }
      }
      const token = /#session=([^&]+)/.exec(res.headers.get('location') ?? '')?.[1];
      if (!token) throw new Error(`the launch of ${userId} ended with ${res.status}`);
      return decodeURIComponent(token);
    },
    api(token, path, init = {}) {
      return fetch(new URL(path, baseUrl), {
        method: init.method ?? 'GET',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
    },
  };
}

function scriptConfig(html: string): Record<string, unknown> | undefined {
  const match = /\}\)\((\{[^<]*?\})\);<\/script>/.exec(html);
  return match?.[1] ? (JSON.parse(match[1]) as Record<string, unknown>) : undefined;
}

function decodeHtml(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
