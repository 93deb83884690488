// Serves the store on this thread: opens memory or a data folder, listens, publishes the address; close() undoes it all.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CommandRouter } from './command-router';
import { CursorRegistry } from './cursors';
import type { StoreLogger } from './logger';
import { openDurableStore, openMemoryStore } from './persistence';
import { WireServer } from './server';
import { publishStoreAddress } from './store-address';

/** What a store needs to start, without the logger: this crosses to the store's own thread as plain data. */
export interface ServeOptions {
  dataDir?: string;
  socketDir?: string;
  host?: string;
  port?: number;
  ttlSweepIntervalMs?: number;
  compactBytes?: number;
}

export interface ServedStore {
  uri: string;
  port: number | undefined;
  socketPath: string | undefined;
  close(): Promise<void>;
}

const SOCKET_FILE = 'embedded-store.sock';
// sun_path holds 108 bytes on Linux (104 on macOS), including the closing NUL.
const MAX_SOCKET_PATH = 103;

export async function serveStore(options: ServeOptions, logger: StoreLogger): Promise<ServedStore> {
  const host = options.host ?? '127.0.0.1';
  const { catalog, persistence } = options.dataDir ? await openDurableStore(options.dataDir, logger, options.compactBytes) : openMemoryStore();
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
