// Starts the embedded MongoDB-wire-compatible store used when no MONGODB_URI is configured.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CommandRouter } from './command-router';
import { CursorRegistry } from './cursors';
import { silentLogger, type StoreLogger } from './logger';
import { openDurableStore, openMemoryStore } from './persistence';
import { WireServer } from './server';
import { publishStoreAddress } from './store-address';

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
  /** pino-compatible; default silent. */
  logger?: StoreLogger;
}

export interface EmbeddedMongo {
  readonly uri: string;
  /** The TCP port, when listening on TCP (no dataDir and no socketDir). */
  readonly port: number | undefined;
  /** The Unix socket, mode 0600, when listening on one. */
  readonly socketPath: string | undefined;
  close(): Promise<void>;
}

const SOCKET_FILE = 'embedded-store.sock';
// sun_path holds 108 bytes on Linux (104 on macOS), including the closing NUL.
const MAX_SOCKET_PATH = 103;

export async function startEmbeddedMongo(options: EmbeddedMongoOptions = {}): Promise<EmbeddedMongo> {
  const logger = options.logger ?? silentLogger;
  const host = options.host ?? '127.0.0.1';
  const { catalog, persistence } = options.dataDir ? await openDurableStore(options.dataDir, logger) : openMemoryStore();
  const cursors = new CursorRegistry();
  const server = new WireServer({
    router: new CommandRouter({ catalog, cursors, logger }),
    catalog,
    cursors,
    persistence,
    logger,
    ttlSweepIntervalMs: options.ttlSweepIntervalMs ?? 1000,
  });
  const socketFolder = options.dataDir ?? options.socketDir;
  let port: number | undefined;
  let socketPath: string | undefined;
  let uri: string;
  try {
    if (socketFolder) {
      socketPath = socketPathIn(socketFolder);
      await server.listenOnSocket(socketPath);
      uri = `mongodb://${encodeURIComponent(socketPath)}/?directConnection=true`;
    } else {
      port = await server.listen(host, options.port ?? 0);
      uri = `mongodb://${host.includes(':') ? `[${host}]` : host}:${port}/?directConnection=true`;
    }
  } catch (error) {
    await persistence.close();
    throw error;
  }
  logger.info({ uri, dataDir: options.dataDir ?? null }, 'embedded MongoDB store listening');
  // A CLI run beside `npm start` finds the store here instead of fighting over the folder's lock.
  const withdrawAddress = options.dataDir ? publishStoreAddress(options.dataDir, uri) : undefined;
  let closing: Promise<void> | undefined;
  return { uri, port, socketPath, close: () => (closing ??= (withdrawAddress?.(), server.close())) };
}

/** The socket in the folder; a folder too deep for a socket path gets a private (0700) folder under the system temp dir. */
function socketPathIn(folder: string): string {
  const path = resolve(folder, SOCKET_FILE);
  if (Buffer.byteLength(path) <= MAX_SOCKET_PATH) return path;
  return join(mkdtempSync(join(tmpdir(), 'playroute-store-')), SOCKET_FILE);
}
