// The four launches the launch bench times, each as one ScriptedBrowser makes it from a login initiation URL the LMS
// issued: Playroute's, ltijs's, the trivial flow's and the trivial tool's single POST. The same code runs in the
// bench's load process (timed rows) and in the bench itself (store commands counted one launch at a time).
import { LaunchFailed, ScriptedBrowser } from './launch-client';

export type FlowName = 'Playroute' | 'ltijs 5.9.9' | 'trivial flow' | 'trivial tool';
export const FLOW_NAMES: FlowName[] = ['Playroute', 'ltijs 5.9.9', 'trivial flow', 'trivial tool'];

/** Where the launches go: plain data, so it can cross to the load process. */
export interface FlowTargets {
  toolBase: string;
  ltijsBase: string;
  /** A real launch form the LMS signed once for the trivial tool; its one "launch" posts it. */
  trivialForm: { action: string; fields: Record<string, string> };
}

export type LaunchStep = 'login' | 'launch' | 'landed';
/** One full launch as a person clicking the link; resolves when the tool's landed page or session answered 200. */
export type Launch = (loginUrl: string, step?: (name: LaunchStep) => void) => Promise<void>;

export function launchFlows(targets: FlowTargets): Record<FlowName, Launch> {
  return {
    Playroute: async (loginUrl, step) => {
      const browser = new ScriptedBrowser();
      step?.('login');
      const form = await browser.loginAndAuthorise(loginUrl);
      step?.('launch');
      const landed = await browser.postForm(form.action, form.fields);
      await landed.body?.cancel();
      const token = /#session=([^&]+)/.exec(landed.headers.get('location') ?? '')?.[1];
      if (!token) throw new LaunchFailed(`launch answered ${landed.status} without a session`);
      // The client's first call with its session: what the landed page shows comes from here.
      step?.('landed');
      const session = await browser.request(`${targets.toolBase}/api/session`, { headers: { authorization: `Bearer ${decodeURIComponent(token)}` } });
      await session.text();
      if (session.status !== 200) throw new LaunchFailed(`GET /api/session answered ${session.status}`);
    },
    'ltijs 5.9.9': async (loginUrl, step) => {
      const browser = new ScriptedBrowser();
      step?.('login');
      const form = await browser.loginAndAuthorise(loginUrl);
      step?.('launch');
      const launched = await browser.postForm(form.action, form.fields);
      await launched.body?.cancel();
      const next = launched.headers.get('location');
      if (launched.status !== 302 || !next?.includes('ltik=')) throw new LaunchFailed(`launch answered ${launched.status} without an ltik`);
      // ltijs redirects to the app route with its ltik; the onConnect page is the landed session.
      step?.('landed');
      const page = await browser.request(new URL(next, targets.ltijsBase).toString());
      const html = await page.text();
      if (page.status !== 200 || !html.includes('Launched as')) throw new LaunchFailed(`landed page answered ${page.status}`);
    },
    // The ceiling of a whole launch: Playroute's requests, the LMS's signature, nothing verified or stored.
    'trivial flow': async (loginUrl) => {
      const browser = new ScriptedBrowser();
      const form = await browser.loginAndAuthorise(loginUrl);
      const posted = await browser.postForm(form.action, form.fields);
      await posted.body?.cancel();
      const next = posted.headers.get('location');
      if (posted.status !== 303 || !next) throw new LaunchFailed(`trivial flow answered ${posted.status}`);
      const page = await browser.request(new URL(next, form.action).toString());
      if (page.status !== 200 || !(await page.text()).includes('Launched')) throw new LaunchFailed(`trivial landed page answered ${page.status}`);
    },
    // The ceiling of one request: the POST of a real launch form answered with a small page.
    'trivial tool': async () => {
      const form = targets.trivialForm;
      const page = await new ScriptedBrowser().request(form.action, { method: 'POST', body: new URLSearchParams(form.fields) });
      if (page.status !== 200 || !(await page.text()).includes('Launched')) throw new LaunchFailed(`trivial tool answered ${page.status}`);
    },
  };
}
