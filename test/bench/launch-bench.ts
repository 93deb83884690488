// Launch benchmark: the same full LTI 1.3 launch (OIDC login → LMS auth → id_token form POST → the landed
// session) against Playroute, against a minimal ltijs 5.9 tool and against a trivial tool, all registered with one
// simulated LMS on real HTTP, the first two on one embedded store (on disk, journaled, as `npm start` runs it), in one
// run; prints launches/s, p50/p95/p99, the ratios, peak RSS, and the store commands each step of a launch sends.
//
// Two processes: this one serves (the tools, the simulated LMS, the embedded store on its worker thread), the load
// process (launch-load.ts) is the browser. Every row — Playroute, ltijs, the trivial flow and the trivial tool — is
// driven by that one process with the same scripted browser (launch-client.ts, launch-flows.ts) and the same
// concurrency, so the comparison stays fair; its CPU is measured on its own ("load generator CPU per launch") and left
// out of the tools' figures, though it runs on the same 2 cores and so still takes machine time from every row alike.
//
// The trivial tool is the ceiling of this HTTP stack: an express handler (node:http + express, urlencoded body
// parser, the same scripted browser and concurrency) that answers the POST of a real launch form (an id_token the
// LMS signed once for it, the same size as the others') with a small page, verifying and storing nothing. One
// "launch" of it is that one request, while a real launch is five (login, LMS auth, id_token POST, and the landed
// page or session) plus the LMS's RS256 signature, so the share says how close a full launch comes to the cost of
// the cheapest possible request here, not a share any real tool could reach 100 % of.
// The trivial flow is the ceiling of a whole launch: the same requests as Playroute's (login → LMS auth, where the LMS
// signs a fresh RS256 id_token → the form POST, answered with a redirect → the landed page) through the same
// scripted browser, with the tool verifying and storing nothing. Server CPU per launch is the serving process's CPU
// time (all threads: tool, LMS, store) over the timed launches: the figure the machine's load moves least.
//
// Store commands are counted with the driver's command monitoring (monitorCommands: true, 'commandStarted' on the
// connection's client) over SAMPLE launches run one at a time after the timed rounds (see store-commands.ts).
// Run: npm run bench:launch   (LAUNCHES per tool per round, ROUNDS, CONCURRENCY, WARMUP, SAMPLE to vary; STORE=memory for no disk;
// LTIJS_KEY=static for ltijs with the LMS's key given instead of its JWKS URL)
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPublicKey, randomBytes, type JsonWebKey as NodeJsonWebKey } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import express from 'express';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { connectToolAndLms } from '../../server/demo-platform';
import { createDemoLms, type DemoLms } from '../../server/demo-lms/index';
import { createLti } from '../../server/lti/index';
import { createLogger } from '../../server/logger';
import { openDatabase } from '../../server/store/database';
import { startEmbeddedMongo } from '../../server/store/embedded/index';
import { fork, type ChildProcess } from 'node:child_process';
import { nextMessage } from './child-messages';
import { ScriptedBrowser } from './launch-client';
import { FLOW_NAMES, launchFlows, type FlowName, type FlowTargets, type Launch } from './launch-flows';
import type { LoadCommand, LoadResult } from './launch-load';
import { startLtijsBaseline } from './ltijs-baseline';
import { StoreCommandCounter, type PhaseTally } from './store-commands';

const LAUNCHES = Number(process.env.LAUNCHES ?? 75);
const ROUNDS = Number(process.env.ROUNDS ?? 4);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);
const WARMUP = Number(process.env.WARMUP ?? 20);
/** Launches run one at a time per tool to count store commands per step. */
const SAMPLE = Number(process.env.SAMPLE ?? 20);
const ON_DISK = process.env.STORE !== 'memory';
/** PROFILE=file.cpuprofile drives Playroute alone and writes a CPU profile of its timed rounds (open it in Chrome DevTools). */
const PROFILE = process.env.PROFILE;
/** The whole run ends by itself, whatever happens. */
const RUN_TIMEOUT_MS = Number(process.env.RUN_TIMEOUT_MS ?? 240_000);
const DEPLOYMENT_ID = 'deployment-1';
/** LTIJS_KEY=static registers the LMS with ltijs by its public key (RSA_KEY) rather than its JWKS URL (see ltijs-baseline.ts). */
const LTIJS_STATIC_KEY = process.env.LTIJS_KEY === 'static';

interface Tally {
  latencies: number[];
  /** launches/s of each round, to show how much the machine's load moved the figures. */
  roundRates: number[];
  failures: Map<string, number>;
  elapsedMs: number;
  peakRss: number;
  /** Process CPU time (user + system, all threads) spent during the timed launches, in ms. */
  cpuMs: number;
  /**
   * Of it, the main thread's (tool, LMS and scripted browser all run there; the store and the journal have threads of
   * their own): the thread whose saturation caps launches/s. NaN where /proc is not there.
   */
  mainThreadCpuMs: number;
  /** The load process's CPU time over the timed launches (the scripted browser), in ms. */
  loadCpuMs: number;
}

async function listen(handler?: express.Express): Promise<{ server: Server; base: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function main(): Promise<void> {
  const dataDir = ON_DISK ? mkdtempSync(join(tmpdir(), 'launch-bench-')) : undefined;
  const store = await startEmbeddedMongo({ dataDir });
  const monitored = new URL(store.uri);
  monitored.searchParams.set('monitorCommands', 'true');
  const logger = createLogger({ level: 'warn' });

  const lmsApp = express();
  // Who fetched the LMS's signing keys: ltijs says so in its User-Agent, Playroute in its own.
  const jwksFetches: Record<string, number> = { Playroute: 0, 'ltijs 5.9.9': 0, 'trivial flow': 0, 'trivial tool': 0 };
  lmsApp.use((req, _res, next) => {
    const who = (req.get('user-agent') ?? '').startsWith('ltijs/') ? 'ltijs 5.9.9' : 'Playroute';
    if (req.path.endsWith('/jwks.json')) jwksFetches[who] = (jwksFetches[who] ?? 0) + 1;
    next();
  });
  const lms = await listen(lmsApp);
  const demoLms = createDemoLms({ issuer: `${lms.base}/lms`, quirks: 'standard', demoPage: false });
  lmsApp.use('/lms', demoLms.router);

  // Playroute as the test harness builds it; the login rate limit raised, since ltijs has none and one client does all launches.
  const tool = await listen();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', PUBLIC_URL: tool.base, DEMO_LMS: 'false', LTI_LOGIN_RATE_LIMIT: '100000', LTI_MAX_WAITING_LOGINS: '100000' });
  const database = await openDatabase({ mongodbUri: monitored.toString(), dataDir: config.dataDir, logger, dbName: 'launch_bench_playroute' });
  const lti = createLti({ config, connection: database.connection, logger });
  await lti.start();
  tool.server.on('request', createApp({ config, logger, database, lti }));
  const playroute = await connectToolAndLms({ lms: demoLms, lti, name: 'Bench LMS', deploymentIds: [DEPLOYMENT_ID], registeredVia: 'manual' });

  // The same store, a database of its own (ltijs's models would otherwise share collection names with nothing of ours, but keep them apart).
  const ltijsUri = new URL(store.uri);
  ltijsUri.pathname = '/launch_bench_ltijs';
  const ltijs = await startLtijsBaseline(ltijsUri.toString());
  const ltijsTool = demoLms.registerTool({ name: 'ltijs 5.9', loginUrl: ltijs.loginUrl, launchUrl: ltijs.launchUrl, redirectUris: [ltijs.launchUrl], jwksUrl: ltijs.jwksUrl, deploymentIds: [DEPLOYMENT_ID] });
  // LTIJS_KEY=static: ltijs given the LMS's one public key instead of its JWKS URL, so it fetches nothing per launch.
  const lmsKey = demoLms.jwks().keys[0];
  const publicKeyPem = LTIJS_STATIC_KEY && lmsKey ? createPublicKey({ key: lmsKey as NodeJsonWebKey, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString() : undefined;
  await ltijs.register({ issuer: demoLms.urls.issuer, clientId: ltijsTool.clientId, authUrl: demoLms.urls.authorization, tokenUrl: demoLms.urls.token, jwksUrl: demoLms.urls.jwks, ...(publicKeyPem ? { publicKeyPem } : {}) });

  const trivial = await startTrivialTool(demoLms);
  const counter = new StoreCommandCounter([database.connection.getClient(), ltijs.client as never]);

  const users = demoLms.members().map((member) => member.userId);
  const timeout = setTimeout(() => {
    process.stderr.write(`launch bench: gave up after ${RUN_TIMEOUT_MS} ms\n`);
    process.exit(2);
  }, RUN_TIMEOUT_MS);
  timeout.unref();

  // The ceiling's one POST: a real launch form the LMS signed once for the trivial tool.
  const trivialForm = await new ScriptedBrowser().loginAndAuthorise(demoLms.startLaunch({ user: users[0] ?? '', clientId: trivial.clientId }).url);
  const targets: FlowTargets = { toolBase: tool.base, ltijsBase: ltijs.base, trivialForm };
  // The login initiation URL of person n's launch with each tool, as the LMS's launch link would hand it to the browser.
  const loginUrl: Record<FlowName, (user: string) => string> = {
    Playroute: (user) => demoLms.startLaunch({ user, clientId: playroute.clientId }).url,
    'ltijs 5.9.9': (user) => demoLms.startLaunch({ user, clientId: ltijsTool.clientId }).url,
    'trivial flow': (user) => {
      const login = new URL(demoLms.startLaunch({ user, clientId: trivial.clientId }).url);
      login.searchParams.set('flow', '1');
      return login.toString();
    },
    'trivial tool': () => trivialForm.action,
  };
  const flows = launchFlows(targets);
  const load = await startLoadProcess();
  const drive = (flow: FlowName, count: number) => driveRow(load, flow, targets, Array.from({ length: count }, (_, n) => loginUrl[flow](users[n % users.length] ?? '')));

  // Before the timed rounds: each tool's first launches of every member (new people, a new course and link) one at a time.
  // The course's very first launch (it also stores the course, the link, the LMS's product family, the course page's
  // origin) apart from the first launches of the people after it, which is what a class's first day costs per person.
  const sampleCourse = await countCommands(counter, flows, loginUrl, users.slice(0, 1));
  const sampleFirst = await countCommands(counter, flows, loginUrl, users.slice(1, Math.min(SAMPLE + 1, users.length)));

  // Warm all up (JIT, connections, JWKS caches, the load process too), then alternate rounds so no tool gets the quieter machine.
  for (const flow of FLOW_NAMES) await drive(flow, WARMUP);
  const tallies = Object.fromEntries(FLOW_NAMES.map((flow) => [flow, emptyTally()])) as Record<FlowName, Tally>;
  const profiler = PROFILE ? new Session() : undefined;
  profiler?.connect();
  await profiler?.post('Profiler.enable');
  await profiler?.post('Profiler.start');
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const flow of PROFILE ? (['Playroute'] as FlowName[]) : FLOW_NAMES) merge(tallies[flow], await drive(flow, LAUNCHES));
  }
  clearTimeout(timeout);
  if (profiler && PROFILE) writeFileSync(PROFILE, JSON.stringify((await profiler.post('Profiler.stop')).profile));
  // After the rounds: launches of people who launched before (what most launches of a class are), one at a time.
  const sampleAgain = await countCommands(counter, flows, loginUrl, Array.from({ length: SAMPLE }, (_, i) => users[i % users.length] ?? ''));
  load.send({ kind: 'exit' } satisfies LoadCommand);

  report(tallies, demoLms, jwksFetches);
  reportCommands('the first launch in the course', sampleCourse);
  reportCommands('first launch of each further person', sampleFirst);
  reportCommands('launches again', sampleAgain);
  await ltijs.close();
  await new Promise((resolve) => trivial.server.close(resolve));
  await new Promise((resolve) => tool.server.close(resolve));
  await new Promise((resolve) => lms.server.close(resolve));
  await database.close();
  await store.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

/** The trivial tool described at the top: its login only exists so the LMS signs one form for it; the bench posts that form. */
async function startTrivialTool(lms: DemoLms): Promise<{ server: Server; base: string; clientId: string; flowUrl: string }> {
  const app = express();
  const { server, base } = await listen(app);
  const flowUrl = `${base}/launch-flow`;
  const registered = lms.registerTool({ name: 'trivial', loginUrl: `${base}/login`, launchUrl: `${base}/launch`, redirectUris: [`${base}/launch`, flowUrl], jwksUrl: `${base}/jwks`, deploymentIds: [DEPLOYMENT_ID] });
  app.get('/login', (req, res) => {
    const auth = new URL(lms.urls.authorization);
    // The trivial flow's launches come back to a URL of their own, the ceiling's single POST to /launch.
    const redirectUri = req.query.flow === '1' ? flowUrl : `${base}/launch`;
    const query: Record<string, string> = { scope: 'openid', response_type: 'id_token', response_mode: 'form_post', prompt: 'none', client_id: registered.clientId, redirect_uri: redirectUri };
    for (const [name, value] of Object.entries(query)) auth.searchParams.set(name, value);
    for (const name of ['login_hint', 'lti_message_hint']) if (typeof req.query[name] === 'string') auth.searchParams.set(name, req.query[name]);
    auth.searchParams.set('state', randomBytes(24).toString('base64url'));
    auth.searchParams.set('nonce', randomBytes(24).toString('base64url'));
    res.redirect(302, auth.toString());
  });
  app.post('/launch', express.urlencoded({ extended: false, limit: '64kb' }), (req, res) => {
    if (typeof req.body?.id_token !== 'string') return void res.status(400).send('no id_token');
    res.send('<!doctype html><p>Launched</p>');
  });
  app.post('/launch-flow', express.urlencoded({ extended: false, limit: '64kb' }), (req, res) => {
    if (typeof req.body?.id_token !== 'string') return void res.status(400).send('no id_token');
    res.redirect(303, `${base}/landed`);
  });
  app.get('/landed', (_req, res) => void res.send('<!doctype html><p>Launched</p>'));
  return { server, base, clientId: registered.clientId, flowUrl };
}

/** Runs launches one at a time in this process and counts each step's store commands; returns the tallies per tool and step. */
async function countCommands(
  counter: StoreCommandCounter,
  flows: Record<FlowName, Launch>,
  loginUrl: Record<FlowName, (user: string) => string>,
  users: string[],
): Promise<Map<string, { launches: number; steps: Map<string, PhaseTally> }>> {
  const result = new Map<string, { launches: number; steps: Map<string, PhaseTally> }>();
  for (const name of ['Playroute', 'ltijs 5.9.9'] as const) {
    counter.phases.clear();
    for (const user of users) {
      await flows[name](loginUrl[name](user), (step) => (counter.phase = step));
      // Let replies of commands sent just before the step ended arrive (their synced-write verdict comes with them).
      await new Promise((resolve) => setTimeout(resolve, 5));
      counter.phase = undefined;
    }
    result.set(name, { launches: users.length, steps: new Map(counter.phases) });
  }
  return result;
}

function reportCommands(title: string, sample: Map<string, { launches: number; steps: Map<string, PhaseTally> }>): void {
  process.stdout.write(`\nstore commands per launch, ${title} (one at a time; synced = a write that changed data, so the store journaled it before answering)\n`);
  for (const [tool, { launches, steps }] of sample) {
    const per = (n: number) => (n / launches).toFixed(1);
    let commands = 0;
    let synced = 0;
    for (const [step, tally] of steps) {
      commands += tally.commands;
      synced += tally.syncedWrites;
      const which = [...tally.byCommand].map(([label, n]) => `${label} ×${per(n)}`).join(', ');
      process.stdout.write(`  ${tool.padEnd(12)} ${step.padEnd(7)} ${per(tally.commands).padStart(5)} commands, ${per(tally.writes)} writes, ${per(tally.syncedWrites)} synced   ${which}\n`);
    }
    process.stdout.write(`  ${tool.padEnd(12)} ${'all'.padEnd(7)} ${per(commands).padStart(5)} commands, ${per(synced)} synced writes\n`);
  }
}

type LoadProcess = ChildProcess;

/** The load generator (launch-load.ts) in a process of its own, ready for its first row. */
async function startLoadProcess(): Promise<LoadProcess> {
  const child = fork(join(import.meta.dirname, 'launch-load.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  // A bench that fails halfway must not leave its load process running.
  process.once('exit', () => child.kill());
  await nextMessage(child, 'ready', 'the load process');
  return child;
}

/** One row: the load process makes the launches (CONCURRENCY in flight); this process, serving them all, measures itself around it. */
async function driveRow(load: LoadProcess, flow: FlowName, targets: FlowTargets, loginUrls: string[]): Promise<Tally> {
  const tally = emptyTally();
  // Every 100 ms: reading the RSS costs the main thread, and a tighter sampler taxes the fastest tool most.
  const sampler = setInterval(() => (tally.peakRss = Math.max(tally.peakRss, process.memoryUsage.rss())), 100);
  const cpuBefore = process.cpuUsage();
  const mainBefore = mainThreadCpuMs();
  const driven = nextMessage<LoadResult>(load, 'driven', 'the load process');
  load.send({ kind: 'drive', flow, loginUrls, concurrency: CONCURRENCY, targets } satisfies LoadCommand);
  const result = await driven;
  const cpu = process.cpuUsage(cpuBefore);
  tally.cpuMs = (cpu.user + cpu.system) / 1000;
  tally.mainThreadCpuMs = mainThreadCpuMs() - mainBefore;
  clearInterval(sampler);
  tally.peakRss = Math.max(tally.peakRss, process.memoryUsage.rss());
  tally.latencies = result.latencies;
  tally.failures = new Map(result.failures);
  tally.elapsedMs = result.elapsedMs;
  tally.loadCpuMs = result.cpuMs;
  return tally;
}

/** CPU time of the main thread (Linux: /proc/self/task/<pid>/stat, user + system in 10 ms clock ticks); NaN elsewhere. */
function mainThreadCpuMs(): number {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

function emptyTally(): Tally {
  return { latencies: [], roundRates: [], failures: new Map(), elapsedMs: 0, peakRss: 0, cpuMs: 0, mainThreadCpuMs: 0, loadCpuMs: 0 };
}

function merge(into: Tally, from: Tally): void {
  into.latencies.push(...from.latencies);
  into.roundRates.push(from.latencies.length / (from.elapsedMs / 1000));
  for (const [reason, n] of from.failures) into.failures.set(reason, (into.failures.get(reason) ?? 0) + n);
  into.elapsedMs += from.elapsedMs;
  into.cpuMs += from.cpuMs;
  into.mainThreadCpuMs += from.mainThreadCpuMs;
  into.loadCpuMs += from.loadCpuMs;
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
  process.stdout.write(`launch bench: ${ROUNDS} rounds × ${LAUNCHES} launches per tool, concurrency ${CONCURRENCY}, ${WARMUP} warm-up each, LMS ${lms.quirks}, store ${ON_DISK ? 'on disk' : 'in memory'}, load from a process of its own (the same scripted browser for every row), ltijs verifies with ${LTIJS_STATIC_KEY ? 'the LMS key given (RSA_KEY)' : 'the LMS JWKS URL (JWK_SET)'}\n\n`);
  line('', names);
  line('launches completed', all.map((t) => String(t.latencies.length)));
  line('launches failed', all.map((t) => String([...t.failures.values()].reduce((a, b) => a + b, 0))));
  line('launches/s', all.map((t) => rate(t).toFixed(1)));
  line('launches/s per round', all.map((t) => t.roundRates.map((r) => r.toFixed(0)).join(' ')));
  for (const p of [50, 95, 99]) line(`latency p${p}`, all.map((t) => `${percentile([...t.latencies].sort((a, b) => a - b), p).toFixed(1)} ms`));
  line('server CPU per launch', all.map((t) => `${(t.cpuMs / t.latencies.length).toFixed(2)} ms`));
  line('  of it the main thread', all.map((t) => `${(t.mainThreadCpuMs / t.latencies.length).toFixed(2)} ms`));
  line('load generator CPU/launch', all.map((t) => `${(t.loadCpuMs / t.latencies.length).toFixed(2)} ms`));
  line('LMS JWKS fetches (all)', names.map((name) => String(jwksFetches[name] ?? 0)));
  line('peak RSS (serving process)', all.map((t) => `${(t.peakRss / 1024 / 1024).toFixed(0)} MB`));
  const [ours, theirs, flow, ceiling] = all;
  const p50 = (t: Tally) => percentile([...t.latencies].sort((a, b) => a - b), 50);
  if (ours && theirs) process.stdout.write(`\nratio Playroute / ltijs: ${(rate(ours) / rate(theirs)).toFixed(2)}× the launches/s, ${(p50(ours) / p50(theirs)).toFixed(2)}× the p50\n`);
  const cpuPer = (t: Tally) => t.cpuMs / t.latencies.length;
  if (ours && theirs) process.stdout.write(`ratio ltijs / Playroute server CPU per launch: ${(cpuPer(theirs) / cpuPer(ours)).toFixed(2)}×\n`);
  if (ours && theirs && ceiling) {
    process.stdout.write(`share of the trivial tool's ceiling (launches/s): Playroute ${((100 * rate(ours)) / rate(ceiling)).toFixed(0)} %, ltijs ${((100 * rate(theirs)) / rate(ceiling)).toFixed(0)} %\n`);
  }
  if (ours && theirs && flow && ceiling) {
    const share = (t: Tally) => ((100 * rate(t)) / rate(flow)).toFixed(0);
    process.stdout.write(`the trivial flow (a whole launch's requests, nothing verified or stored) is ${((100 * rate(flow)) / rate(ceiling)).toFixed(0)} % of the trivial tool: the most a launch can reach here\n`);
    process.stdout.write(`share of the trivial flow (launches/s): Playroute ${share(ours)} %, ltijs ${share(theirs)} %; server CPU per launch beyond the flow's: Playroute ${(cpuPer(ours) - cpuPer(flow)).toFixed(2)} ms, ltijs ${(cpuPer(theirs) - cpuPer(flow)).toFixed(2)} ms\n`);
  }
  for (const [name, t] of Object.entries(tallies)) for (const [reason, n] of t.failures) process.stdout.write(`${name} failure ×${n}: ${reason}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
