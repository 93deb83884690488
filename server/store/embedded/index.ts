// Starts the embedded MongoDB-wire-compatible store used when no MONGODB_URI is configured, on a thread of its own:
// commands, the journal and compaction run beside the app's event loop, so on two cores both work.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { silentLogger, type StoreLogger } from './logger';
import type { ServeOptions } from './serve';
import { rebuiltError, type FromStoreThread, type ToStoreThread } from './thread-messages';

export interface EmbeddedMongoOptions {
  /** undefined => purely in memory (tests); a folder => durable (npm start), served on a Unix socket in it. */
  dataDir?: string;
  /**
   * In memory only: a private folder for the Unix socket (the test run's store). Without it (and without
   * dataDir) the store listens on TCP on loopback, which any local user can reach: for in-process tests only.
   */
  socketDir?: string;
  /** TCP only. Default '127.0.0.1'. */
  host?: string;
  /** TCP only. Default 0 (ephemeral). */
  port?: number;
  /** How often TTL indexes are swept; default 1000. */
  ttlSweepIntervalMs?: number;
  /** pino-compatible; default silent. The store thread's lines arrive here. */
  logger?: StoreLogger;
  /** Durable only: the journal size past which it is folded into a new snapshot (default 64 MiB; benches and tests lower it). */
  compactBytes?: number;
  /** Run the store on the caller's own thread instead of a worker thread (default false). */
  inThread?: boolean;
}

export interface EmbeddedMongo {
  readonly uri: string;
  /** The TCP port, when listening on TCP (no dataDir and no socketDir). */
  readonly port: number | undefined;
  /** The Unix socket, mode 0600, when listening on one. */
  readonly socketPath: string | undefined;
  close(): Promise<void>;
}

/** The worker's entry as the production build names it (dist/server/store-thread.js, see server/cli/build.ts). */
export const STORE_THREAD_ENTRY = 'store-thread';

export async function startEmbeddedMongo(options: EmbeddedMongoOptions = {}): Promise<EmbeddedMongo> {
  const { logger = silentLogger, inThread = false, ...serveOptions } = options;
  const entry = inThread ? undefined : threadEntry();
  if (!entry) {
    if (!inThread) logger.warn({ looked: STORE_THREAD_ENTRY }, 'embedded store thread entry not found; the store runs on the app thread');
    // Loaded only here: a store on its own thread needs none of its modules on this one (`npm run store` starts
    // sooner without loading mingo and the commands twice, once per thread).
    const { serveStore } = await import('./serve');
    const store = await serveStore(serveOptions, logger);
    return { uri: store.uri, port: store.port, socketPath: store.socketPath, close: () => store.close() };
  }
  return startOnThread(entry, serveOptions, logger);
}

type ThreadEntry = { kind: 'module'; url: URL } | { kind: 'typescript'; url: URL };

/**
 * Where the worker's code is: beside this module when running the TypeScript sources (through tsx, as in
 * development and tests), or the build's store-thread.js, next to this chunk or one folder up.
 */
function threadEntry(): ThreadEntry | undefined {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return { kind: 'typescript', url: new URL('./store-thread.ts', here) };
  for (const candidate of [`./${STORE_THREAD_ENTRY}.js`, `../${STORE_THREAD_ENTRY}.js`]) {
    const url = new URL(candidate, here);
    if (existsSync(fileURLToPath(url))) return { kind: 'module', url };
  }
  return undefined;
}

function spawnWorker(entry: ThreadEntry, options: ServeOptions): Worker {
  const workerOptions = { workerData: options, stdout: false, stderr: false } as const;
  if (entry.kind === 'module') return new Worker(entry.url, workerOptions);
  // A worker does not inherit tsx's loader for its entry: it registers tsx itself, then loads the TypeScript entry.
  const tsxApi = tsxEsmApi();
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { (tsx.register ?? tsx.default.register)(); return import(${JSON.stringify(entry.url.href)}); });`;
  return new Worker(bootstrap, { ...workerOptions, eval: true });
}

/** tsx's ESM API (its CommonJS twin registers hooks that do not resolve inside a worker). */
function tsxEsmApi(): string {
  const manifestPath = createRequire(import.meta.url).resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(manifestPath), manifest.exports['./esm/api']?.import.default ?? 'dist/esm/api/index.mjs')).href;
}

function startOnThread(entry: ThreadEntry, options: ServeOptions, logger: StoreLogger): Promise<EmbeddedMongo> {
  const worker = spawnWorker(entry, options);
  let closing: Promise<void> | undefined;
  let closed: (() => void) | undefined;
  let closeFailed: ((error: Error) => void) | undefined;
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
  return new Promise<EmbeddedMongo>((resolve, reject) => {
    let started = false;
    worker.on('message', (message: FromStoreThread) => {
      switch (message.kind) {
        case 'log':
          logger[message.level](message.object, message.message);
          return;
        case 'ready': {
          started = true;
          const close = (): Promise<void> =>
            (closing ??= new Promise<void>((done, fail) => {
              closed = done;
              closeFailed = fail;
              worker.postMessage({ kind: 'close' } satisfies ToStoreThread);
            }).then(async () => {
              await exited;
            }));
          resolve({ uri: message.uri, port: message.port, socketPath: message.socketPath, close });
          return;
        }
        case 'failed':
          reject(rebuiltError(message.error));
          return;
        case 'closed':
          closed?.();
          return;
        case 'close-failed':
          closeFailed?.(rebuiltError(message.error));
          return;
      }
    });
    worker.on('error', (error) => {
      if (!started) reject(error);
      else logger.error({ err: error }, 'embedded store thread failed; the store is gone');
      closeFailed?.(error);
    });
    void exited.then((code) => {
      if (!started) reject(new Error(`the embedded store thread exited before it was ready (code ${code})`));
      else if (!closing) logger.error({ code }, 'embedded store thread exited unexpectedly; the store is gone');
      closed?.();
    });
  });
}
