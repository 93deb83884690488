// Starts the embedded MongoDB-wire-compatible store used when no MONGODB_URI is configured.
import { CommandRouter } from './command-router';
import { CursorRegistry } from './cursors';
import { silentLogger, type StoreLogger } from './logger';
import { openDurableStore, openMemoryStore } from './persistence';
import { WireServer } from './server';
import { publishStoreAddress } from './store-address';

export interface EmbeddedMongoOptions {
  /** undefined => purely in memory (tests); a folder => durable (npm start). */
  dataDir?: string;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 0 (ephemeral). */
  port?: number;
  /** How often TTL indexes are swept; default 1000. */
  ttlSweepIntervalMs?: number;
  /** pino-compatible; default silent. */
  logger?: StoreLogger;
}

export interface EmbeddedMongo {
  readonly uri: string;
  readonly port: number;
  close(): Promise<void>;
}

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
  let port: number;
  try {
    port = await server.listen(host, options.port ?? 0);
  } catch (error) {
    await persistence.close();
    throw error;
  }
  const uri = `mongodb://${host.includes(':') ? `[${host}]` : host}:${port}/?directConnection=true`;
  logger.info({ uri, dataDir: options.dataDir ?? null }, 'embedded MongoDB store listening');
  // A CLI run beside `npm start` finds the store here instead of fighting over the folder's lock.
  const withdrawAddress = options.dataDir ? publishStoreAddress(options.dataDir, uri) : undefined;
  let closing: Promise<void> | undefined;
  return { uri, port, close: () => (closing ??= (withdrawAddress?.(), server.close())) };
}
