// Embedded store benchmark, durable (a temp data folder), driven the way the app drives it (mongoose over the
// socket): start time with DOCS documents, worst and p99 ping while a compaction of that collection runs under
// writes, small indexed reads and synced writes (ops/s, p50/p95/p99), and peak RSS of the whole process.
// With a current build (`npm run build`) it also times the production start: `npm run store` as its own process.
// Run: npm run bench:store   (DOCS, STARTS, CONCURRENCY, PHASE_MS, PHASES to vary; BUILT_STORE=path/to/store.js times another build)
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ObjectId } from 'bson';
import mongoose, { Schema, type Connection } from 'mongoose';
import type { Change } from '../../server/store/embedded/changes';
import { startEmbeddedMongo, type EmbeddedMongo } from '../../server/store/embedded/index';
import { writeSnapshot } from '../../server/store/embedded/snapshot';
import { PROJECT_ROOT } from '../../server/project-root';

const DOCS = Number(process.env.DOCS ?? 500_000);
const STARTS = Number(process.env.STARTS ?? 3);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16);
const PHASE_MS = Number(process.env.PHASE_MS ?? 5_000);
/** Small, so the writes of the compaction phase push the journal past it within a second or two. */
/** Which parts to run (comma-separated): start, compaction, throughput. */
const PHASES = new Set((process.env.PHASES ?? 'start,compaction,throughput').split(','));
const COMPACT_BYTES = 4 * 1024 * 1024;
const DB = 'bench';

const studentId = (i: number): string => `student-${i}`;
const idOf = (i: number): ObjectId => new ObjectId(i.toString(16).padStart(24, '0'));

/** A route-sized document (~300 bytes of BSON). */
function routeDoc(i: number): Record<string, unknown> {
  return {
    _id: idOf(i),
    student: studentId(i),
    course: `course-${i % 500}`,
    step: i % 20,
    progress: i % 100,
    updatedAt: new Date(1_700_000_000_000 + i * 1000),
    answers: [
      { question: 1, answer: 'a fairly ordinary answer', correct: true },
      { question: 2, answer: 'another answer', correct: i % 3 === 0 },
    ],
  };
}

/** Seeds the folder directly as a snapshot of DOCS routes with two secondary indexes (as a long-running store leaves it). */
function seed(dir: string): void {
  function* changes(): Generator<Change> {
    yield { o: 'create', db: DB, c: 'routes', options: {}, uuid: undefined };
    yield { o: 'index', db: DB, c: 'routes', spec: { v: 2, key: { student: 1 }, name: 'student_1', unique: true } };
    yield { o: 'index', db: DB, c: 'routes', spec: { v: 2, key: { course: 1 }, name: 'course_1' } };
    for (let i = 0; i < DOCS; i += 1) yield { o: 'put', db: DB, c: 'routes', doc: routeDoc(i) };
  }
  writeSnapshot(dir, 0, changes());
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

const ms = (value: number): string => `${value.toFixed(1)} ms`;
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

async function connect(store: EmbeddedMongo): Promise<Connection> {
  const connection = mongoose.createConnection(store.uri, { dbName: DB, maxPoolSize: CONCURRENCY + 4, autoIndex: false });
  await connection.asPromise();
  return connection;
}

/** Memory of the whole process (the store's thread included), in MB. */
const rssMb = (): string => `${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`;

async function measureStart(dir: string): Promise<void> {
  // What any start costs (the thread, its modules, the socket), to tell apart from the documents' share.
  const empty = mkdtempSync(join(tmpdir(), 'playroute-store-bench-empty-'));
  try {
    const began = performance.now();
    await (await startEmbeddedMongo({ dataDir: empty })).close();
    console.log(`start with an empty folder: ${ms(performance.now() - began)}`);
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const firstReads: number[] = [];
  const rssAfterStart: string[] = [];
  for (let run = 0; run < STARTS; run += 1) {
    const began = performance.now();
    const cpuBefore = process.cpuUsage();
    const store = await startEmbeddedMongo({ dataDir: dir });
    const started = performance.now() - began;
    // The process's CPU time while only the store starts: on a busy machine wall time says more about the neighbours.
    const cpu = process.cpuUsage(cpuBefore);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    rssAfterStart.push(rssMb());
    const connection = await connect(store);
    const count = await connection.collection('routes').countDocuments({ course: 'course-7' });
    const firstRead = performance.now() - began;
    if (count !== DOCS / 500) throw new Error(`expected ${DOCS / 500} routes of course-7 after start, found ${count}`);
    await connection.close();
    await store.close();
    times.push(started);
    firstReads.push(firstRead);
  }
  console.log(`start with ${DOCS} documents: median ${ms(median(times))} (runs ${times.map(ms).join(', ')}), CPU ${ms(median(cpuTimes))}; first indexed read answered after ${ms(median(firstReads))}; RSS after start ${rssAfterStart.join(', ')}`);
}

/**
 * The production start: `npm run store` from the build (dist/server/store.js, its worker thread compiled, no tsx),
 * timed from the process's spawn to the MONGODB_URI line it prints once the store answers. Only when a build
 * newer than the store's sources exists (`npm run build`), since an older one would measure other code.
 */
async function measureBuiltStart(dir: string): Promise<void> {
  // BUILT_STORE names another build's store.js (an A/B of two builds without rebuilding the shared dist/).
  const built = process.env.BUILT_STORE ?? join(PROJECT_ROOT, 'dist', 'server', 'store.js');
  const sources = join(PROJECT_ROOT, 'server', 'store', 'embedded');
  const newestSource = Math.max(...readdirSync(sources, { recursive: true, encoding: 'utf8' }).map((name) => statSync(join(sources, name)).mtimeMs));
  if (!existsSync(built) || (!process.env.BUILT_STORE && statSync(built).mtimeMs < newestSource)) {
    console.log('start of the built store: skipped (run `npm run build` first to measure it)');
    return;
  }
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let run = 0; run < STARTS; run += 1) {
    const began = performance.now();
    const child = spawn(process.execPath, [built], { env: { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'silent', NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('MONGODB_URI=')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`the built store exited with ${code} before it answered`)));
    });
    times.push(performance.now() - began);
    const cpu = processCpuMs(child.pid);
    if (cpu !== undefined) cpuTimes.push(cpu);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  const cpu = cpuTimes.length ? `, CPU ${ms(median(cpuTimes))} (all its threads until then)` : '';
  console.log(`start of the built store (npm run store, a new process) with ${DOCS} documents: median ${ms(median(times))} (runs ${times.map(ms).join(', ')})${cpu}`);
}

/** A process's CPU time so far, all threads, from Linux's /proc (10 ms ticks); undefined elsewhere. */
function processCpuMs(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}

/** Pings in a loop while writers push the journal past its limit, until a compaction has replaced the snapshot. */
async function measureCompaction(dir: string): Promise<void> {
  const store = await startEmbeddedMongo({ dataDir: dir, compactBytes: COMPACT_BYTES });
  const connection = await connect(store);
  const routes = connection.collection('routes');
  const snapshotPath = join(dir, 'snapshot.bson');
  const snapshotBefore = statSync(snapshotPath).mtimeMs;
  const pings: number[] = [];
  // When each ping was due, to place the worst one (a stall at the writes' start is not the compaction's).
  const dues: number[] = [];
  let done = false;
  let writes = 0;
  const began = performance.now();
  let compactedAt: number | undefined;
  // Each ping is timed from the moment it was due (after a 5 ms pause), so a stalled event loop that delays the
  // ping itself counts too, whichever thread the store runs on.
  const pinger = (async () => {
    while (!done) {
      const due = performance.now() + 5;
      await new Promise((resolve) => setTimeout(resolve, 5));
      await connection.db!.admin().ping();
      pings.push(performance.now() - due);
      dues.push(due);
    }
  })();
  // Two seconds of pings alone first: what the machine gives without writes or compaction, to compare with.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const quiet = [...pings].sort((a, b) => a - b);
  pings.length = 0;
  dues.length = 0;
  const writesBegan = performance.now();
  const watcher = setInterval(() => {
    if (compactedAt === undefined && statSync(snapshotPath).mtimeMs !== snapshotBefore) compactedAt = performance.now();
  }, 10);
  const filler = 'x'.repeat(1000);
  const writers = Array.from({ length: 4 }, async (_, w) => {
    for (let n = w; !done; n += 4) {
      await routes.updateOne({ _id: idOf(n % DOCS) }, { $set: { note: `${filler}${n}` } });
      writes += 1;
    }
  });
  while (compactedAt === undefined && performance.now() - began < 120_000) await new Promise((resolve) => setTimeout(resolve, 50));
  await new Promise((resolve) => setTimeout(resolve, 500));
  done = true;
  clearInterval(watcher);
  await Promise.all([pinger, ...writers]);
  const sorted = [...pings].sort((a, b) => a - b);
  const worstAt = (dues[pings.indexOf(sorted.at(-1) ?? NaN)] ?? NaN) - writesBegan;
  const compacted = compactedAt === undefined ? 'no compaction seen within 120 s' : `snapshot replaced ${ms(compactedAt - writesBegan)} after the writes began`;
  console.log(`compaction under load (${DOCS} documents, ${writes} synced writes, ${pings.length} pings; ${compacted}): worst ping ${ms(sorted.at(-1) ?? NaN)} (due ${ms(worstAt)} after the writes began), p99 ${ms(percentile(sorted, 99))}, p50 ${ms(percentile(sorted, 50))}; pings alone before: worst ${ms(quiet.at(-1) ?? NaN)}, p99 ${ms(percentile(quiet, 99))}`);
  await connection.close();
  await store.close();
}

interface Route {
  student: string;
  course: string;
  step: number;
  progress: number;
  updatedAt: Date;
}

/** CONCURRENCY closed loops of one operation for PHASE_MS; prints ops/s and latency percentiles. */
async function phase(name: string, operation: (n: number) => Promise<unknown>): Promise<void> {
  const latencies: number[] = [];
  const began = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (performance.now() - began < PHASE_MS) {
      const n = next++;
      const t = performance.now();
      await operation(n);
      latencies.push(performance.now() - t);
    }
  }));
  const elapsed = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  const rate = Math.round(latencies.length / elapsed);
  console.log(`${name.padEnd(34)} ${String(rate).padStart(6)} ops/s  p50 ${ms(percentile(latencies, 50))}  p95 ${ms(percentile(latencies, 95))}  p99 ${ms(percentile(latencies, 99))}`);
}

async function measureThroughput(dir: string): Promise<void> {
  const store = await startEmbeddedMongo({ dataDir: dir });
  const connection = await connect(store);
  const schema = new Schema<Route>({ student: { type: String, unique: true }, course: { type: String, index: true }, step: Number, progress: Number, updatedAt: Date }, { collection: 'routes' });
  const Routes = connection.model<Route>('Route', schema);
  // Spread over the collection with a stride, so reads do not keep hitting the same few documents.
  const pick = (n: number): number => (n * 7919) % DOCS;
  console.log(`through mongoose, ${CONCURRENCY} concurrent clients, ${PHASE_MS / 1000} s each:`);
  await phase('findById (lean)', (n) => Routes.findById(idOf(pick(n))).lean());
  await phase('findOne by indexed field (lean)', (n) => Routes.findOne({ student: studentId(pick(n)) }).lean());
  await phase('find $in on indexed field (lean)', (n) => Routes.find({ student: { $in: [studentId(pick(n)), studentId(pick(n + 1))] } }).lean());
  await phase('find by course, sort, limit 20', (n) => Routes.find({ course: `course-${n % 500}` }).sort({ student: 1 }).limit(20).lean());
  await phase('updateOne by _id (synced write)', (n) => Routes.updateOne({ _id: idOf(pick(n)) }, { $inc: { step: 1 }, $set: { updatedAt: new Date() } }));
  await phase('updateOne by indexed field (synced)', (n) => Routes.updateOne({ student: studentId(pick(n)) }, { $inc: { progress: 1 } }));
  await connection.close();
  await store.close();
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'playroute-store-bench-'));
  try {
    console.log(`${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    const seeding = performance.now();
    seed(dir);
    console.log(`seeded ${DOCS} documents as a snapshot in ${ms(performance.now() - seeding)} (${(statSync(join(dir, 'snapshot.bson')).size / 1e6).toFixed(0)} MB)`);
    if (PHASES.has('start')) await measureStart(dir);
    if (PHASES.has('start')) await measureBuiltStart(dir);
    if (PHASES.has('compaction')) await measureCompaction(dir);
    if (PHASES.has('throughput')) await measureThroughput(dir);
    console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (the whole process: store and client)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
