// Playroute and the simulated LMS, each on a real HTTP server of its own, and a scripted browser between them.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import type { JWTPayload } from 'jose';
import { createApp, type AppDeps } from '../../server/app';
import { connectToolAndLms } from '../../server/demo-platform';
import { loadConfig, type Config } from '../../server/config';
import { createDemoLms, type DemoLms, type LmsQuirks, type StartLaunchProps } from '../../server/demo-lms/index';
import { BRIGHTSPACE_TOKEN_AUDIENCE } from '../../server/demo-lms/quirks';
import { Claim, ContextType, LTI_VERSION, MessageType, Role } from '../../server/lti/claims';
import type { GradePublisher } from '../../server/features/assessment/grade-publisher';
import { createGrades, type Grades } from '../../server/features/grades/index';
import { createOutboxGradePublisher } from '../../server/features/grades/use-cases/outbox-publisher';
import { createLti, type Lti } from '../../server/lti/index';
import { createLogger } from '../../server/logger';
import { CLIENT_DIST } from '../../server/main';
import { openDatabase, type Database } from '../../server/store/database';
import { createMetrics, type Metrics } from '../../server/metrics/index';
import type { Platform } from '../../server/lti/store/platforms';
import { testMongoUri, uniqueDatabaseName } from './database';

export const DEPLOYMENT_ID = 'deployment-1';

export interface LtiHarness {
  toolBase: string;
  config: Config;
  lti: Lti;
  database: Database;
  lms: DemoLms;
  platform: Platform;
  /** Every log line Playroute wrote. */
  logLines: string[];
  /** The real grade outbox and its running worker, when started with `passback: true`. */
  grades?: Grades;
  /** The app's metrics, when started with `metrics: true` (served at /metrics when env sets METRICS_TOKEN). */
  metrics?: Metrics;
  /** Requests Playroute made to the LMS's JWKS. */
  jwksFetches(): number;
  browser(options?: BrowserOptions): Browser;
  /** Claims of a valid resource link launch for the demo course, to be tampered with by a test. */
  validClaims(overrides?: JWTPayload): JWTPayload;
  /** GET/POST the Playroute API with a session token. */
  api(token: string, path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

async function listen(handler?: express.Express): Promise<{ server: Server; base: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export interface LtiHarnessOptions {
  quirks?: LmsQuirks;
  env?: Record<string, string>;
  /** Where graded results go; by default nowhere. */
  gradePublisher?: GradePublisher;
  /** Grades go to the LMS for real: the outbox, a running worker and the outbox publisher. */
  passback?: boolean;
  /** Serve the built client too, so a browser can open `${toolBase}/#session=…` (the browser tests). */
  serveClient?: boolean;
  /** Metrics wired as server/main.ts wires them: launches, deliveries, the outbox and request latency. */
  metrics?: boolean;
  /** The app's per-process caches (their time to live, their clock), as createApp takes them. */
  caches?: AppDeps['caches'];
  /** The driver reports every command (database.connection.getClient() emits commandStarted), for tests that count them. */
  monitorCommands?: boolean;
}

function withCommandMonitoring(uri: string): string {
  const monitored = new URL(uri);
  monitored.searchParams.set('monitorCommands', 'true');
  return monitored.toString();
}

export async function startLtiHarness(options: LtiHarnessOptions = {}): Promise<LtiHarness> {
  const tool = await listen();
  const lmsApp = express();
  const lmsServer = await listen(lmsApp);
  let jwksFetches = 0;
  const countingFetch: typeof fetch = (input, init) => {
    if (String(input instanceof Request ? input.url : input).includes('/.well-known/jwks.json')) jwksFetches += 1;
    return fetch(input, init);
  };
  const lms = createDemoLms({ issuer: `${lmsServer.base}/lms`, quirks: options.quirks ?? 'standard', demoPage: false });
  lmsApp.use('/lms', lms.router);

  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'debug', PUBLIC_URL: tool.base, DEMO_LMS: 'false', ...options.env });
  const logLines: string[] = [];
  const logger = createLogger({
    level: config.logLevel,
    destination: new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString());
        done();
      },
    }),
  });
  const database = await openDatabase({ mongodbUri: options.monitorCommands ? withCommandMonitoring(testMongoUri()) : testMongoUri(), dataDir: config.dataDir, logger, dbName: uniqueDatabaseName('lti') });
  // No cooldown, so a rotation test needs no 10-second wait; the cache itself is what is under test.
  const metrics = options.metrics ? createMetrics({ logger }) : undefined;
  const lti = createLti({ config, connection: database.connection, logger, fetch: countingFetch, jwksCooldownMs: 0, onLaunchOutcome: metrics?.countLaunch });
  await lti.start();
  const grades = options.passback ? createGrades({ connection: database.connection, lti, logger, worker: { pollMs: 100 }, onDeliverySettled: metrics?.countDelivery }) : undefined;
  grades?.worker.start();
  if (grades) metrics?.watchOutbox(grades.backlog);
  const gradePublisher = grades ? createOutboxGradePublisher({ grades, records: lti.records, logger }) : options.gradePublisher;
  tool.server.on(
    'request',
    createApp({
      config,
      logger,
      database,
      lti,
      ...(gradePublisher ? { gradePublisher } : {}),
      ...(grades ? { grades } : {}),
      ...(options.serveClient ? { clientDir: CLIENT_DIST } : {}),
      ...(metrics ? { metrics } : {}),
      ...(options.caches ? { caches: options.caches } : {}),
    }),
  );

  const platform = await connectToolAndLms({
    lms,
    lti,
    name: 'Test LMS',
    deploymentIds: [DEPLOYMENT_ID],
    // As a Brightspace administrator would enter it: the token audience differs from the token URL there.
    ...(options.quirks === 'brightspace' ? { tokenAudience: BRIGHTSPACE_TOKEN_AUDIENCE } : {}),
    registeredVia: 'manual',
  });

  return {
    toolBase: tool.base,
    config,
    lti,
    database,
    lms,
    platform,
    logLines,
    ...(grades ? { grades } : {}),
    ...(metrics ? { metrics } : {}),
    jwksFetches: () => jwksFetches,
    browser: (browserOptions) => new Browser(lms, browserOptions),
    validClaims: (overrides = {}) => ({
      iss: lms.urls.issuer,
      aud: platform.clientId,
      azp: platform.clientId,
      sub: 'student-ayla',
      nonce: 'replace-me',
      name: 'Ayla Test',
      [Claim.messageType]: MessageType.resourceLink,
      [Claim.version]: LTI_VERSION,
      [Claim.deploymentId]: DEPLOYMENT_ID,
      [Claim.targetLinkUri]: lti.urls.launch,
      [Claim.roles]: [Role.learner],
      [Claim.resourceLink]: { id: 'resource-1', title: 'Week 1' },
      [Claim.context]: { id: 'course-1', title: 'Test course', type: [ContextType.courseOffering] },
      ...overrides,
    }),
    api: (token, path, init = {}) =>
      fetch(`${tool.base}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } }),
    close: async () => {
      await grades?.worker.stop();
      await new Promise((resolve) => tool.server.close(resolve));
      await new Promise((resolve) => lmsServer.server.close(resolve));
      await database.connection.dropDatabase();
      await database.close();
    },
  };
}

/** A real login, then a launch the LMS signs for another course of the same LMS (any person, any roles). */
export async function launchInOtherCourse(h: LtiHarness, contextId: string, roles: string[], sub: string): Promise<string> {
  const browser = h.browser();
  const login = await browser.login(h.lms.startLaunch({ user: h.lms.member('teacher').userId }).url);
  if (!('state' in login)) throw new Error('no login');
  const claims = h.validClaims({
    nonce: login.nonce,
    sub,
    [Claim.roles]: roles,
    [Claim.context]: { id: contextId, title: `Course ${contextId}` },
    [Claim.resourceLink]: { id: `link-in-${contextId}` },
  });
  const outcome = await browser.postLaunch(h.lti.urls.launch, { id_token: await h.lms.signIdToken(claims), state: login.state });
  if (!outcome.sessionToken) throw new Error(`launch in ${contextId} failed: ${outcome.status}`);
  return outcome.sessionToken;
}

export interface BrowserOptions {
  /** A browser that refuses third-party cookies inside the LMS iframe (Safari, Chrome without them). */
  blockCookies?: boolean;
  /** A browser or LMS where the Platform Storage postMessage calls fail. */
  blockPlatformStorage?: boolean;
}

export interface LaunchOutcome {
  /** Status of the last response the browser got from Playroute. */
  status: number;
  /** The launch session token, when the launch ended on the client with one. */
  sessionToken?: string;
  html?: string;
  body?: unknown;
}

/** A scripted browser: follows redirects, posts auto-submitting forms, keeps Playroute's cookies, runs the Platform Storage steps. */
export class Browser {
  private cookies = new Map<string, string>();
  private platformStorage = new Map<string, string>();

  constructor(
    private readonly lms: DemoLms,
    private readonly options: BrowserOptions = {},
  ) {}

  /** The whole launch, as an LMS user clicking the link would make it. */
  async launch(props: StartLaunchProps): Promise<LaunchOutcome> {
    const login = await this.login(this.lms.startLaunch(props).url);
    if (!('authUrl' in login)) return login;
    const auth = await fetch(login.authUrl, { redirect: 'manual' });
    const form = parseAutoSubmitForm(await auth.text());
    if (!form) throw new Error(`the LMS did not answer with a form_post (status ${auth.status})`);
    return this.postLaunch(form.action, form.fields);
  }

  /** Step one only: the tool's answer to the login initiation, and the auth request it sends the browser to. */
  async login(loginUrl: string): Promise<{ authUrl: string; state: string; nonce: string } | LaunchOutcome> {
    const res = await this.request(loginUrl, { method: 'GET' });
    let authUrl = res.headers.get('location');
    if (res.status === 200) {
      const config = parseScriptConfig(await res.clone().text());
      if (config && typeof config.next === 'string') {
        if (!this.options.blockPlatformStorage) this.platformStorage.set(String(config.key), String(config.value));
        authUrl = config.next;
      }
    }
    if (!authUrl) return this.outcome(res);
    const query = new URL(authUrl).searchParams;
    return { authUrl, state: query.get('state') ?? '', nonce: query.get('nonce') ?? '' };
  }

  /** Step two: the form_post from the LMS to the tool, with whatever fields a test chooses. */
  async postLaunch(action: string, fields: Record<string, string>): Promise<LaunchOutcome> {
    const res = await this.request(action, { method: 'POST', body: new URLSearchParams(fields) });
    if (res.status === 200) {
      const html = await res.clone().text();
      const config = parseScriptConfig(html);
      const form = /<form id="confirm" method="post" action="([^"]+)"/.exec(html);
      if (config && typeof config.id === 'string' && form?.[1]) {
        const stored = this.platformStorage.get(String(config.key));
        if (stored === undefined) return { status: 200, html };
        return this.outcome(await this.request(decodeHtml(form[1]), { method: 'POST', body: new URLSearchParams({ pending_launch: config.id, stored_state: stored }) }));
      }
    }
    return this.outcome(res);
  }

  private async request(url: string, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (cookie) headers.set('cookie', cookie);
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    if (!this.options.blockCookies) {
      for (const setCookie of res.headers.getSetCookie()) {
        const [pair] = setCookie.split(';');
        const [name, ...value] = (pair ?? '').split('=');
        if (!name) continue;
        if (/max-age=0|expires=thu, 01 jan 1970/i.test(setCookie)) this.cookies.delete(name.trim());
        else this.cookies.set(name.trim(), value.join('='));
      }
    }
    return res;
  }

  private async outcome(res: Response): Promise<LaunchOutcome> {
    const location = res.headers.get('location') ?? '';
    const token = /#session=([^&]+)/.exec(location)?.[1];
    if (token) return { status: res.status, sessionToken: decodeURIComponent(token) };
    const text = await res.text();
    const isJson = (res.headers.get('content-type') ?? '').includes('json');
    return { status: res.status, ...(isJson ? { body: JSON.parse(text) as unknown } : { html: text }) };
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

/** The JSON object a launch page passes to its script, e.g. `})({"target":"_parent",...});`. */
function parseScriptConfig(html: string): Record<string, unknown> | undefined {
  const match = /\}\)\((\{[^<]*?\})\);<\/script>/.exec(html);
  return match?.[1] ? (JSON.parse(match[1]) as Record<string, unknown>) : undefined;
}

function decodeHtml(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
