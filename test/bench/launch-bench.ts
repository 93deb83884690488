// Launch benchmark: the same full LTI 1.3 launch (OIDC login → LMS auth → id_token form POST → the landed
// session) against Playroute and against a minimal ltijs 5.9 tool, both registered with one simulated LMS on
// real HTTP and both on one embedded store, in one run; prints launches/s, p50/p95/p99, the ratio and RSS.
// Run: npm run bench:launch   (LAUNCHES per tool per round, ROUNDS, CONCURRENCY, WARMUP to vary)
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { connectToolAndLms } from '../../server/demo-platform';
import { createDemoLms, type DemoLms } from '../../server/demo-lms/index';
import { createLti } from '../../server/lti/index';
import { createLogger } from '../../server/logger';
import { openDatabase } from '../../server/store/database';
import { startEmbeddedMongo } from '../../server/store/embedded/index';
import { LaunchFailed, ScriptedBrowser } from './launch-client';
import { startLtijsBaseline } from './ltijs-baseline';

const LAUNCHES = Number(process.env.LAUNCHES ?? 75);
const ROUNDS = Number(process.env.ROUNDS ?? 4);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);
const WARMUP = Number(process.env.WARMUP ?? 20);
/** The whole run ends by itself, whatever happens. */
const RUN_TIMEOUT_MS = Number(process.env.RUN_TIMEOUT_MS ?? 240_000);
const DEPLOYMENT_ID = 'deployment-1';

/** One full launch as a person clicking the link; resolves when the tool's landed page or session answered 200. */
type Launch = (user: string) => Promise<void>;

interface Tally {
  latencies: number[];
  /** launches/s of each round, to show how much the machine's load moved the figures. */
  roundRates: number[];
  failures: Map<string, number>;
  elapsedMs: number;
  peakRss: number;
}

async function listen(handler?: express.Express): Promise<{ server: Server; base: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function main(): Promise<void> {
  const store = await startEmbeddedMongo({});
  const logger = createLogger({ level: 'warn' });

  const lmsApp = express();
  // Who fetched the LMS's signing keys: ltijs says so in its User-Agent, Playroute in its own.
  const jwksFetches = { Playroute: 0, 'ltijs 5.9.9': 0 };
  lmsApp.use((req, _res, next) => {
    if (req.path.endsWith('/jwks.json')) jwksFetches[(req.get('user-agent') ?? '').startsWith('ltijs/') ? 'ltijs 5.9.9' : 'Playroute'] += 1;
    next();
  });
  const lms = await listen(lmsApp);
  const demoLms = createDemoLms({ issuer: `${lms.base}/lms`, quirks: 'standard', demoPage: false });
  lmsApp.use('/lms', demoLms.router);

  // Playroute as the test harness builds it; the login rate limit raised, since ltijs has none and one client does all launches.
  const tool = await listen();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', PUBLIC_URL: tool.base, DEMO_LMS: 'false', LTI_LOGIN_RATE_LIMIT: '100000', LTI_MAX_WAITING_LOGINS: '100000' });
  const database = await openDatabase({ mongodbUri: store.uri, dataDir: config.dataDir, logger, dbName: 'launch_bench_playroute' });
  const lti = createLti({ config, connection: database.connection, logger });
  await lti.start();
  tool.server.on('request', createApp({ config, logger, database, lti }));
  const playroute = await connectToolAndLms({ lms: demoLms, lti, name: 'Bench LMS', deploymentIds: [DEPLOYMENT_ID], registeredVia: 'manual' });

  // The same store, a database of its own (ltijs's models would otherwise share collection names with nothing of ours, but keep them apart).
  const ltijsUri = new URL(store.uri);
  ltijsUri.pathname = '/launch_bench_ltijs';
  const ltijs = await startLtijsBaseline(ltijsUri.toString());
  const ltijsTool = demoLms.registerTool({ name: 'ltijs 5.9', loginUrl: ltijs.loginUrl, launchUrl: ltijs.launchUrl, redirectUris: [ltijs.launchUrl], jwksUrl: ltijs.jwksUrl, deploymentIds: [DEPLOYMENT_ID] });
  await ltijs.register({ issuer: demoLms.urls.issuer, clientId: ltijsTool.clientId, authUrl: demoLms.urls.authorization, tokenUrl: demoLms.urls.token, jwksUrl: demoLms.urls.jwks });

  const launchPlayroute: Launch = async (user) => {
    const browser = new ScriptedBrowser();
    const form = await browser.loginAndAuthorise(demoLms.startLaunch({ user, clientId: playroute.clientId }).url);
    const landed = await browser.postForm(form.action, form.fields);
    await landed.body?.cancel();
    const token = /#session=([^&]+)/.exec(landed.headers.get('location') ?? '')?.[1];
    if (!token) throw new LaunchFailed(`launch answered ${landed.status} without a session`);
    // The client's first call with its session: what the landed page shows comes from here.
    const session = await fetch(`${tool.base}/api/session`, { headers: { authorization: `Bearer ${decodeURIComponent(token)}` } });
    await session.text();
    if (session.status !== 200) throw new LaunchFailed(`GET /api/session answered ${session.status}`);
  };
  const launchLtijs: Launch = async (user) => {
    const browser = new ScriptedBrowser();
    const form = await browser.loginAndAuthorise(demoLms.startLaunch({ user, clientId: ltijsTool.clientId }).url);
    const launched = await browser.postForm(form.action, form.fields);
    await launched.body?.cancel();
    const next = launched.headers.get('location');
    if (launched.status !== 302 || !next?.includes('ltik=')) throw new LaunchFailed(`launch answered ${launched.status} without an ltik`);
    // ltijs redirects to the app route with its ltik; the onConnect page is the landed session.
    const page = await browser.request(new URL(next, ltijs.base).toString());
    const html = await page.text();
    if (page.status !== 200 || !html.includes('Launched as')) throw new LaunchFailed(`landed page answered ${page.status}`);
  };

  const users = demoLms.members().map((member) => member.userId);
  const timeout = setTimeout(() => {
    process.stderr.write(`launch bench: gave up after ${RUN_TIMEOUT_MS} ms\n`);
    process.exit(2);
  }, RUN_TIMEOUT_MS);
  timeout.unref();

  // Warm both up (JIT, connections, JWKS caches), then alternate rounds so neither tool gets the quieter machine.
  await drive(launchPlayroute, WARMUP, users);
  await drive(launchLtijs, WARMUP, users);
  const tallies = { Playroute: emptyTally(), 'ltijs 5.9.9': emptyTally() };
  for (let round = 0; round < ROUNDS; round += 1) {
    merge(tallies.Playroute, await drive(launchPlayroute, LAUNCHES, users));
    merge(tallies['ltijs 5.9.9'], await drive(launchLtijs, LAUNCHES, users));
  }
  clearTimeout(timeout);

  report(tallies, demoLms, jwksFetches);
  await ltijs.close();
  await new Promise((resolve) => tool.server.close(resolve));
  await new Promise((resolve) => lms.server.close(resolve));
  await database.close();
  await store.close();
}

/** N launches with at most CONCURRENCY in flight; every launch timed from the login GET to the landed answer. */
async function drive(launch: Launch, count: number, users: string[]): Promise<Tally> {
  const tally = emptyTally();
  const sampler = setInterval(() => (tally.peakRss = Math.max(tally.peakRss, process.memoryUsage().rss)), 20);
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < count) {
      const n = next++;
      const at = performance.now();
      try {
        await launch(users[n % users.length] ?? '');
        tally.latencies.push(performance.now() - at);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        tally.failures.set(reason, (tally.failures.get(reason) ?? 0) + 1);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  tally.elapsedMs = performance.now() - started;
  clearInterval(sampler);
  tally.peakRss = Math.max(tally.peakRss, process.memoryUsage().rss);
  return tally;
}

function emptyTally(): Tally {
  return { latencies: [], roundRates: [], failures: new Map(), elapsedMs: 0, peakRss: 0 };
}

function merge(into: Tally, from: Tally): void {
  into.latencies.push(...from.latencies);
  into.roundRates.push(from.latencies.length / (from.elapsedMs / 1000));
  for (const [reason, n] of from.failures) into.failures.set(reason, (into.failures.get(reason) ?? 0) + n);
  into.elapsedMs += from.elapsedMs;
  into.peakRss = Math.max(into.peakRss, from.peakRss);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function report(tallies: Record<string, Tally>, lms: DemoLms, jwksFetches: Record<string, number>): void {
  const rate = (t: Tally) => t.latencies.length / (t.elapsedMs / 1000);
  const line = (label: string, values: string[]) => process.stdout.write(`${label.padEnd(26)}${values.map((v) => v.padStart(14)).join('')}\n`);
  const names = Object.keys(tallies);
  const all = Object.values(tallies);
  process.stdout.write(`launch bench: ${ROUNDS} rounds × ${LAUNCHES} launches per tool, concurrency ${CONCURRENCY}, ${WARMUP} warm-up each, LMS ${lms.quirks}\n\n`);
  line('', names);
  line('launches completed', all.map((t) => String(t.latencies.length)));
  line('launches failed', all.map((t) => String([...t.failures.values()].reduce((a, b) => a + b, 0))));
  line('launches/s', all.map((t) => rate(t).toFixed(1)));
  line('launches/s per round', all.map((t) => t.roundRates.map((r) => r.toFixed(0)).join(' ')));
  for (const p of [50, 95, 99]) line(`latency p${p}`, all.map((t) => `${percentile([...t.latencies].sort((a, b) => a - b), p).toFixed(1)} ms`));
  line('LMS JWKS fetches (all)', names.map((name) => String(jwksFetches[name] ?? 0)));
  line('peak RSS (one process)', all.map((t) => `${(t.peakRss / 1024 / 1024).toFixed(0)} MB`));
  const [ours, theirs] = all;
  if (ours && theirs) process.stdout.write(`\nratio Playroute / ltijs: ${(rate(ours) / rate(theirs)).toFixed(2)}× the launches/s, ${(percentile([...ours.latencies].sort((a, b) => a - b), 50) / percentile([...theirs.latencies].sort((a, b) => a - b), 50)).toFixed(2)}× the p50\n`);
  for (const [name, t] of Object.entries(tallies)) for (const [reason, n] of t.failures) process.stdout.write(`${name} failure ×${n}: ${reason}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
