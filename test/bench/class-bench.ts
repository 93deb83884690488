// What the class benches share: the server in a process of its own (class-server.ts), closed-loop load over real HTTP,
// percentiles, and the report lines. PROFILE=<folder> writes a CPU profile of the server for each measured row;
// KEEP_LOG=1 keeps the server's log file (its path is in the last lines).
import { fork, type ChildProcess } from 'node:child_process';
import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClassReady, ServerCommand } from './class-server';
import { nextMessage } from './child-messages';

export const PROFILE_DIR = process.env.PROFILE;

export interface ClassServer {
  ready: ClassReady;
  /** Sends a command and waits for the answer of that kind. */
  ask<T>(command: ServerCommand, answer: string): Promise<T>;
  stop(): Promise<void>;
}

/** The node flags of package.json's start script (`node <flags> server/cli/run.js start`). */
function npmStartFlags(): string {
  const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { scripts: { start: string } };
  return manifest.scripts.start.split(' ').filter((word) => word.startsWith('--')).join(' ');
}

export async function startClassServer(students: number): Promise<ClassServer> {
  const logFile = join(tmpdir(), `playroute-class-bench-${process.pid}.log`);
  const log = openSync(logFile, 'w');
  const child: ChildProcess = fork(join(import.meta.dirname, 'class-server.ts'), [], {
    env: { ...process.env, STUDENTS: String(students) },
    // The server runs with the V8 flags `npm start` gives it; SERVER_NODE_FLAGS replaces them (to weigh flags A/B).
    execArgv: ['--import', 'tsx', ...(process.env.SERVER_NODE_FLAGS ?? npmStartFlags()).split(' ').filter(Boolean)],
    // Its log (stdout) goes to a file, as npm start's would to a collector; errors still show here (stderr).
    stdio: ['ignore', log, 'inherit', 'ipc'],
  });
  closeSync(log);
  // A bench that fails halfway must not leave its server running.
  process.once('exit', () => child.kill());
  const waitFor = <T>(kind: string) => nextMessage<T>(child, kind, 'the bench server');
  const ready = await waitFor<ClassReady>('ready');
  return {
    ready,
    ask: <T>(command: ServerCommand, answer: string) => {
      const answered = waitFor<T>(answer);
      child.send(command);
      return answered;
    },
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ kind: 'exit' } satisfies ServerCommand);
      await exited;
      const lines = readFileSync(logFile, 'utf8').split('\n');
      const requests = lines.filter((line) => line.includes('"msg":"request"')).length;
      process.stdout.write(`\nserver log${process.env.KEEP_LOG ? ` ${logFile}` : ''}: ${lines.length - 1} lines, ${requests} of them the request log (LOG_LEVEL ${process.env.LOG_LEVEL ?? 'info'}, as npm start)\n`);
      for (const line of lines.filter((text) => /"level":(40|50|60)/.test(text)).slice(0, 5)) process.stdout.write(`  ${line.slice(0, 300)}\n`);
      if (!process.env.KEEP_LOG) rmSync(logFile, { force: true });
    },
  };
}

export interface Sample {
  latencies: number[];
  bytes: number[];
  decodedBytes: number[];
  failures: Map<string, number>;
  elapsedMs: number;
  statuses: Map<number, number>;
}

/**
 * `lanes` clients each doing requests back to back (a closed loop) until `count` are done; `request(n, lane)` makes
 * request n and returns its response, which is read whole (its size counted) before the next one starts.
 */
export async function closedLoop(lanes: number, count: number, request: (n: number, lane: number) => Promise<Answer>): Promise<Sample> {
  const sample: Sample = { latencies: [], bytes: [], decodedBytes: [], failures: new Map(), elapsedMs: 0, statuses: new Map() };
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      while (next < count) {
        const n = next++;
        const at = performance.now();
        try {
          const res = await request(n, lane);
          const body = await res.arrayBuffer();
          sample.statuses.set(res.status, (sample.statuses.get(res.status) ?? 0) + 1);
          if (res.status >= 400) throw new Error(`${res.status} ${new TextDecoder().decode(body).slice(0, 200)}`);
          sample.latencies.push(performance.now() - at);
          // Bytes on the wire: fetch unzips a gzipped answer, so its Content-Length is what travelled.
          sample.bytes.push(Number(res.headers.get('content-length') ?? body.byteLength));
          sample.decodedBytes.push(body.byteLength);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          sample.failures.set(reason, (sample.failures.get(reason) ?? 0) + 1);
        }
      }
    }),
  );
  sample.elapsedMs = performance.now() - started;
  return sample;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** One bench row: the sample's throughput, percentiles, response size, the server's peak RSS and CPU time, and the row's goal. */
export function reportRow(title: string, { result: sample, peakRss, cpuMs, appThreadCpuMs, loadCpuMs }: Measured<Sample>, goal: string): void {
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const done = sample.latencies.length;
  const failed = [...sample.failures.values()].reduce((a, b) => a + b, 0);
  const lines: [string, string][] = [
    ['requests ok / failed', `${done} / ${failed}`],
    ['throughput', `${(done / (sample.elapsedMs / 1000)).toFixed(1)} req/s`],
    ['latency p50 / p95 / p99', `${ms(percentile(sample.latencies, 50))} / ${ms(percentile(sample.latencies, 95))} / ${ms(percentile(sample.latencies, 99))}`],
    ['latency max', ms(Math.max(...sample.latencies))],
    ['response size (median)', `${(percentile(sample.bytes, 50) / 1000).toFixed(1)} kB on the wire, ${(percentile(sample.decodedBytes, 50) / 1000).toFixed(1)} kB of JSON`],
    ['server peak RSS', `${(peakRss / 1024 / 1024).toFixed(0)} MB`],
    // CPU time the server process used per answered request: steadier than latency on a machine others share.
    ['server CPU per request', `${(cpuMs / Math.max(1, done)).toFixed(2)} ms`],
    ...(appThreadCpuMs === undefined ? [] : ([['  of it the app thread', `${(appThreadCpuMs / Math.max(1, done)).toFixed(2)} ms (the rest: the store's thread, GC and I/O helpers)`]] as [string, string][])),
    ...(loadCpuMs === undefined ? [] : ([['load generator CPU', `${(loadCpuMs / Math.max(1, done)).toFixed(2)} ms per request (this bench's own process, on the same cores)`]] as [string, string][])),
    ['goal', goal],
  ];
  process.stdout.write(`\n${title}\n`);
  for (const [label, value] of lines) process.stdout.write(`  ${label.padEnd(26)} ${value}\n`);
  for (const [reason, n] of sample.failures) process.stdout.write(`  failure ×${n}: ${reason}\n`);
}

/** Runs `measure` with the server's CPU profile recorded when PROFILE is set; answers the server's peak RSS during it. */
export interface Measured<T> {
  result: T;
  peakRss: number;
  cpuMs: number;
  /** The app thread's share of cpuMs (Linux only). */
  appThreadCpuMs?: number;
  /** CPU time of the bench's own process (the load generator), which shares the machine's cores with the server. */
  loadCpuMs?: number;
}

type RssAnswer = { peakRss: number; cpuMs: number; appThreadCpuMs?: number };

export async function measured<T>(server: ClassServer, name: string, measure: () => Promise<T>): Promise<Measured<T>> {
  const before = await server.ask<RssAnswer>({ kind: 'rss' }, 'rss');
  if (PROFILE_DIR) await server.ask({ kind: 'profile-start' }, 'profiling');
  const clientBefore = process.cpuUsage();
  const result = await measure();
  const client = process.cpuUsage(clientBefore);
  if (PROFILE_DIR) {
    mkdirSync(PROFILE_DIR, { recursive: true });
    const file = join(PROFILE_DIR, `${name}.cpuprofile`);
    const { store } = await server.ask<{ store: { kind: string; file?: string; cpuMs?: number } }>({ kind: 'profile-stop', file }, 'profiled');
    process.stdout.write(`  (CPU profile: ${file}; store thread: ${store.file ?? store.kind}, busy ${(store.cpuMs ?? 0).toFixed(0)} ms)\n`);
  }
  const after = await server.ask<RssAnswer>({ kind: 'rss' }, 'rss');
  const appThread = after.appThreadCpuMs !== undefined && before.appThreadCpuMs !== undefined ? { appThreadCpuMs: after.appThreadCpuMs - before.appThreadCpuMs } : {};
  return { result, peakRss: after.peakRss, cpuMs: after.cpuMs - before.cpuMs, ...appThread, loadCpuMs: (client.user + client.system) / 1000 };
}

/**
 * The class's devices, played by this one process on the same two cores as the server: node:http over kept-alive
 * connections costs the load generator about half the CPU per request of fetch (whose WHATWG streams this bench does
 * not need), which leaves the server the CPU a class's own devices would not take from it. An answer is read whole;
 * a compressed one is unpacked as fetch would, its Content-Length still the bytes that travelled.
 */
const devices = new Agent({ keepAlive: true, maxSockets: Infinity });

/** What a bench reads of an answer: the few parts of fetch's Response it uses, over a body already read whole. */
export interface Answer {
  status: number;
  ok: boolean;
  headers: { get(name: string): string | null };
  arrayBuffer(): Promise<ArrayBuffer>;
  text(): Promise<string>;
  json(): Promise<unknown>;
  /** The body is read already, so an answer can be read again: the same answer. */
  clone(): Answer;
}

function answerOf(status: number, headers: IncomingHttpHeaders, body: Buffer): Answer {
  const answer: Answer = {
    status,
    ok: status >= 200 && status < 300,
    headers: { get: (name) => { const value = headers[name.toLowerCase()]; return typeof value === 'string' ? value : null; } },
    arrayBuffer: () => Promise.resolve(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer),
    text: () => Promise.resolve(body.toString('utf8')),
    json: () => Promise.resolve(JSON.parse(body.toString('utf8')) as unknown),
    clone: () => answer,
  };
  return answer;
}

export function api(base: string, token: string, path: string, init: { method?: string; body?: string } = {}): Promise<Answer> {
  const body = init.body === undefined ? undefined : Buffer.from(init.body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      {
        agent: devices,
        method: init.method ?? 'GET',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'accept-encoding': 'gzip, br',
          ...(body ? { 'content-length': String(body.length) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const raw = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
          const encoding = res.headers['content-encoding'];
          const decoded = encoding === 'gzip' ? gunzipSync(raw) : encoding === 'br' ? brotliDecompressSync(raw) : raw;
          resolve(answerOf(res.statusCode ?? 0, res.headers, decoded));
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
