// Benchmark of grade passback: the embedded store (on disk, journaled, as npm start runs it), the simulated LMS on real
// HTTP, 500 grades, and two workers; prints the time from the first enqueue until all are settled, deliveries/s,
// latency, token requests, store commands per grade (driver command monitoring, see store-commands.ts) and peak RSS.
// Run: npm run bench:grades   (GRADES, WORKERS, CONCURRENCY to vary; QUIRKS=standard|canvas|moodle|brightspace;
// STORE=memory for no disk; PROFILE=file.cpuprofile for a CPU profile of the run)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import mongoose from 'mongoose';
import { loadConfig } from '../../server/config';
import { createDemoLms, type LmsQuirks } from '../../server/demo-lms/index';
import { quirkProfile, BRIGHTSPACE_TOKEN_AUDIENCE } from '../../server/demo-lms/quirks';
import { deliveryModel, type DeliveryDocument } from '../../server/features/grades/data/delivery-model';
import { createGrades, type Grades } from '../../server/features/grades/index';
import { createLti } from '../../server/lti/index';
import { createLogger } from '../../server/logger';
import { startEmbeddedMongo } from '../../server/store/embedded/index';
import { StoreCommandCounter } from './store-commands';

const GRADES = Number(process.env.GRADES ?? 500);
const WORKERS = Number(process.env.WORKERS ?? 2);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);
const QUIRKS = (process.env.QUIRKS ?? 'standard') as LmsQuirks;
const OUTCOMES = 5;
const DEPLOYMENT_ID = 'deployment-1';
const ON_DISK = process.env.STORE !== 'memory';
const PROFILE = process.env.PROFILE;

async function main(): Promise<void> {
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 20);
  const logger = createLogger({ level: 'warn' });
  const dataDir = ON_DISK ? mkdtempSync(join(tmpdir(), 'grades-bench-')) : undefined;
  const store = await startEmbeddedMongo({ dataDir });
  const monitored = new URL(store.uri);
  monitored.searchParams.set('monitorCommands', 'true');

  const lmsApp = express();
  const lmsServer = createServer(lmsApp);
  await new Promise<void>((resolve) => lmsServer.listen(0, '127.0.0.1', resolve));
  const lmsBase = `http://127.0.0.1:${(lmsServer.address() as AddressInfo).port}`;
  const lms = createDemoLms({ issuer: `${lmsBase}/lms`, quirks: QUIRKS, demoPage: false });
  lmsApp.use('/lms', lms.router);
  const tool = createServer();
  await new Promise<void>((resolve) => tool.listen(0, '127.0.0.1', resolve));
  const toolBase = `http://127.0.0.1:${(tool.address() as AddressInfo).port}`;

  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', PUBLIC_URL: toolBase, DEMO_LMS: 'false' });
  const connections = await Promise.all(Array.from({ length: WORKERS }, () => mongoose.createConnection(monitored.toString(), { dbName: 'grades_bench' }).asPromise()));
  const [first] = connections;
  if (!first) throw new Error('WORKERS must be at least 1');
  // Each worker is a "process": its own connection and LTI services (so its own token cache).
  const ltis = connections.map((connection) => createLti({ config, connection, logger }));
  for (const lti of ltis) await lti.start();
  const lti0 = ltis[0];
  if (!lti0) throw new Error('no LTI');
  // The LMS fetches the tool's JWKS to check its client assertions.
  tool.on('request', express().use(lti0.router));
  const registered = lms.registerTool({ name: 'Playroute', loginUrl: lti0.urls.login, launchUrl: lti0.urls.launch, redirectUris: [lti0.urls.launch], jwksUrl: lti0.urls.jwks, deploymentIds: [DEPLOYMENT_ID] });
  const platform = await lti0.registry.register({
    issuer: lms.urls.issuer,
    clientId: registered.clientId,
    name: 'Bench LMS',
    authLoginUrl: lms.urls.authorization,
    tokenUrl: lms.urls.token,
    jwksUrl: lms.urls.jwks,
    ...(QUIRKS === 'brightspace' ? { tokenAudience: BRIGHTSPACE_TOKEN_AUDIENCE } : {}),
    deploymentIds: [DEPLOYMENT_ID],
    registeredVia: 'manual',
  });
  const container = new URL(lms.urls.lineItems(lms.course.id));
  for (const [key, value] of Object.entries(quirkProfile(QUIRKS).lineItemQuery)) container.searchParams.set(key, value);

  const students = Math.ceil(GRADES / OUTCOMES);
  for (let i = 0; i < students; i += 1) {
    lms.addMember({ userId: `bench-student-${i}`, givenName: 'Bench', familyName: String(i), email: `s${i}@example.edu`, locale: 'nl-NL', role: 'student' });
  }
  const workers: Grades[] = connections.map((connection, i) =>
    createGrades({ connection, lti: ltis[i] ?? lti0, logger, worker: { concurrency: CONCURRENCY, pollMs: 50 } }),
  );

  const counter = new StoreCommandCounter(connections.map((connection) => connection.getClient()));
  const profiler = PROFILE ? new Session() : undefined;
  profiler?.connect();
  await profiler?.post('Profiler.enable');
  await profiler?.post('Profiler.start');
  const started = Date.now();
  const cpuBefore = process.cpuUsage();
  counter.phase = 'enqueue and deliver';
  for (const grades of workers) grades.worker.start();
  const queued: Promise<string | undefined>[] = [];
  for (let n = 0; n < GRADES; n += 1) {
    const outcome = `lu-${n % OUTCOMES}`;
    const grades = workers[n % workers.length] ?? workers[0];
    queued.push(
      grades!.enqueueScore({
        platformId: platform.id,
        deploymentId: DEPLOYMENT_ID,
        contextId: lms.course.id,
        userId: `bench-student-${Math.floor(n / OUTCOMES)}`,
        lineItem: { lineItemsUrl: container.toString(), resourceId: outcome, tag: 'outcome', label: `Outcome ${outcome}`, scoreMaximum: 10 },
        score: { scoreGiven: n % 11, scoreMaximum: 10, comment: `grade ${n % 11}`, activityProgress: 'Completed', gradingProgress: 'FullyGraded' },
      }),
    );
  }
  await Promise.all(queued);
  const enqueuedAt = Date.now();
  const Deliveries = deliveryModel(first);
  const deadline = Date.now() + 55_000;
  for (;;) {
    // The bench's own polling is not the worker's work: not counted.
    counter.phase = undefined;
    const open = await Deliveries.countDocuments({ state: { $in: ['waiting', 'sending'] } });
    counter.phase = 'enqueue and deliver';
    if (open === 0 || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const finished = Date.now();
  const cpu = process.cpuUsage(cpuBefore);
  counter.phase = undefined;
  if (profiler && PROFILE) writeFileSync(PROFILE, JSON.stringify((await profiler.post('Profiler.stop')).profile));
  const work = counter.phases.get('enqueue and deliver');
  const docs = await Deliveries.find().lean<DeliveryDocument[]>();
  for (const grades of workers) await grades.worker.stop();

  const sent = docs.filter((d) => d.state === 'sent');
  const latencies = sent.map((d) => (d.sentAt?.getTime() ?? finished) - d.createdAt.getTime()).sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  const accepted = lms.scores().filter((s) => s.accepted).length;
  const tokens = lms.requestLog().filter((entry) => entry.path.includes('/token')).length;
  const seconds = (finished - started) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());

  const rows: [string, string][] = [
    ['LMS quirks', QUIRKS],
    ['grades', String(GRADES)],
    ['workers × concurrency', `${WORKERS} × ${CONCURRENCY}`],
    ['sent / accepted by LMS', `${sent.length} / ${accepted}`],
    ['other states', JSON.stringify(docs.filter((d) => d.state !== 'sent').reduce<Record<string, number>>((acc, d) => ({ ...acc, [d.state]: (acc[d.state] ?? 0) + 1 }), {}))],
    ['enqueue time', `${enqueuedAt - started} ms`],
    ['total time', `${seconds.toFixed(2)} s`],
    ['deliveries/s', `${(sent.length / seconds).toFixed(1)}`],
    ['token requests', String(tokens)],
    ['line items created', String(lms.lineItems().length)],
    ['delivery latency p50', `${pct(50)} ms`],
    ['delivery latency p95', `${pct(95)} ms`],
    ['store commands / grade', work ? `${(work.commands / GRADES).toFixed(1)} (${(work.syncedWrites / GRADES).toFixed(1)} synced writes), with the idle polling` : '-'],
    // Less moved by other work on a shared machine than the wall-clock time: what this run cost the CPU.
    ['CPU time (all threads)', `${((cpu.user + cpu.system) / 1000).toFixed(0)} ms, ${((cpu.user + cpu.system) / 1000 / GRADES).toFixed(1)} ms per grade (LMS and bench included)`],
    ['store commands, by kind', work ? [...work.byCommand].sort((a, b) => b[1] - a[1]).map(([label, n]) => `${label} ${n}`).join(', ') : '-'],
    ['store', ON_DISK ? 'embedded, on disk' : 'embedded, in memory'],
    ['peak RSS', `${(peakRss / 1024 / 1024).toFixed(0)} MB`],
  ];
  for (const [label, value] of rows) process.stdout.write(`${label.padEnd(24)} ${value}\n`);

  for (const connection of connections) await connection.close();
  await new Promise((resolve) => tool.close(resolve));
  await new Promise((resolve) => lmsServer.close(resolve));
  await store.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
