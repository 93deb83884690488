// `npm run store`: the embedded MongoDB-compatible store on its own, durable in DATA_DIR, so several Playroute
// processes (and the admin commands) share one database through MONGODB_URI in development and tests.
import net from 'node:net';
import path from 'node:path';
import type { StoreLogger } from '../store/embedded/logger';
import { startEmbeddedMongo } from '../store/embedded/index';

// The store's thread starts before anything else loads: it reads the snapshot and loads its own modules on the other
// core while this thread loads zod and the logger and checks the environment (zod alone takes ~75 ms to load). The
// folder is DATA_DIR as the check below reads it (unset or empty: ./data); the store's log lines wait for the logger.
const dataDir = path.resolve(process.env.DATA_DIR || './data');
const storeLines = heldLines();
const starting = startEmbeddedMongo({ dataDir, logger: storeLines.logger });
// Awaited below; a start that fails before then is reported there.
starting.catch(() => undefined);
const { z } = await import('zod');
const { createLogger } = await import('../logger');

const envSchema = z.object({
  DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
  // Loopback only: the store has no authentication, so no other machine may reach it.
  STORE_PORT: z.coerce
    .number({ message: 'must be a whole number from 0 to 65535' })
    .int('must be a whole number from 0 to 65535')
    .min(0, 'must be a whole number from 0 to 65535')
    .max(65535, 'must be a whole number from 0 to 65535')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'must be fatal, error, warn, info, debug, trace or silent' }).default('info'),
});

const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== '')));
if (!parsed.success) {
  const issue = parsed.error.issues[0];
  console.error(`store: cannot start: ${String(issue?.path[0] ?? 'environment')} ${issue?.message ?? 'is invalid'}`);
  // The store started meanwhile is closed first, so the folder is left unlocked.
  await starting.then(
    (store) => store.close(),
    () => undefined,
  );
  process.exit(78);
}
const env = parsed.data;
// Logs go to stderr: stdout carries only the lines a person (or a script) reads, the MONGODB_URI first.
const logger = createLogger({ level: env.LOG_LEVEL, destination: process.stderr });
storeLines.release(logger.child({ component: 'embedded-store' }));

let store: Awaited<ReturnType<typeof startEmbeddedMongo>>;
try {
  store = await starting;
} catch (err) {
  console.error(`store: cannot start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

let uri = store.uri;
let tcp: net.Server | undefined;
if (env.STORE_PORT !== undefined) {
  // The durable store listens on its Unix socket; a loopback TCP port forwards to it byte for byte, for clients that
  // cannot open a socket file (a database browser, a process in a container on this host).
  const socketPath = store.socketPath as string;
  tcp = net.createServer((client) => {
    const upstream = net.connect(socketPath);
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  const port = await new Promise<number>((resolve, reject) => {
    tcp?.once('error', reject);
    tcp?.listen(env.STORE_PORT, '127.0.0.1', () => resolve((tcp?.address() as net.AddressInfo).port));
  }).catch(async (err: unknown) => {
    await store.close();
    console.error(`store: cannot listen on 127.0.0.1:${env.STORE_PORT}: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
  uri = `mongodb://127.0.0.1:${port}/?directConnection=true`;
}

console.log(`MONGODB_URI=${uri}`);
console.log(`Playroute's embedded store is running; its data is in ${dataDir}.`);
console.log(
  tcp
    ? 'It listens on 127.0.0.1 only (loopback): other machines cannot reach it, but every user of this machine can, and it has no password.'
    : 'It listens on a Unix socket only this user can open (mode 0600). For a TCP port on loopback, set STORE_PORT.',
);
console.log('Give every Playroute process the MONGODB_URI above. Stop with Ctrl-C.');

let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) process.exit(130); // a second signal: out now
  stopping = true;
  logger.info({ signal }, 'stopping the embedded store');
  tcp?.close();
  // Closing waits for every write in flight to be durable before the folder is unlocked.
  store.close().then(
    () => {
      console.log('The store stopped.');
      process.exit(0);
    },
    (err: unknown) => {
      console.error(`store: stopping failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

/** A logger for the store's thread that holds its lines until the real one exists, then passes them on in order. */
function heldLines(): { logger: StoreLogger; release(target: StoreLogger): void } {
  const held: [keyof StoreLogger, object | string, string | undefined][] = [];
  let target: StoreLogger | undefined;
  const line =
    (level: keyof StoreLogger): StoreLogger[keyof StoreLogger] =>
    (object, message) => {
      if (target) target[level](object, message);
      else held.push([level, object, message]);
    };
  return {
    logger: { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') },
    release(logger) {
      target = logger;
      for (const [level, object, message] of held.splice(0)) logger[level](object, message);
    },
  };
}
