// Owns the life of Playroute's MongoDB connection: a real MongoDB when MONGODB_URI is set, else the embedded store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose, { type ConnectOptions, type Connection } from 'mongoose';
import type { Logger } from '../logger';
import { startEmbeddedMongo, type EmbeddedMongo } from './embedded/index';

export interface Database {
  connection: Connection;
  kind: 'embedded' | 'mongodb';
  /** The address the driver uses; for the embedded store, its Unix socket (mode 0600) in dataDir or, in memory, a private temp folder. */
  uri: string;
  isUp(): Promise<boolean>;
  close(): Promise<void>;
}

const DEFAULT_DATABASE_NAME = 'playroute';
const PING_TIMEOUT_MS = 2000;
const SERVER_SELECTION_TIMEOUT_MS = 10_000;

export async function openDatabase(options: {
  mongodbUri: string | undefined;
  dataDir: string;
  logger: Logger;
  /** Embedded store only: keep data in memory instead of under dataDir. */
  inMemory?: boolean;
  /** Overrides the database name (tests give each file its own). */
  dbName?: string;
}): Promise<Database> {
  const { logger } = options;
  let embedded: EmbeddedMongo | undefined;
  // In memory, the socket still goes to a private (0700) folder, so no other local user reaches the store.
  const socketDir = !options.mongodbUri && options.inMemory ? mkdtempSync(join(tmpdir(), 'playroute-store-')) : undefined;
  if (!options.mongodbUri) {
    embedded = await startEmbeddedMongo({
      dataDir: options.inMemory ? undefined : options.dataDir,
      socketDir,
      logger: logger.child({ component: 'embedded-store' }),
    });
    logger.info({ dataDir: options.inMemory ? 'memory' : options.dataDir }, 'embedded MongoDB-compatible store started');
  }
  const uri: string = options.mongodbUri ?? (embedded as EmbeddedMongo).uri;
  const connection = createStoreConnection(uri, options.dbName);
  try {
    await connection.asPromise();
  } catch (err) {
    await embedded?.close();
    removeFolder(socketDir);
    throw err;
  }
  logger.info({ kind: embedded ? 'embedded' : 'mongodb', db: connection.name }, 'database connected');
  return {
    connection,
    kind: embedded ? 'embedded' : 'mongodb',
    uri,
    isUp: () => ping(connection),
    close: async () => {
      await connection.close();
      await embedded?.close();
      removeFolder(socketDir);
    },
  };
}

function removeFolder(folder: string | undefined): void {
  if (folder) rmSync(folder, { recursive: true, force: true });
}

/**
 * The mongoose connection openDatabase opens (already connecting): the URI goes to the driver as given, so
 * mongodb+srv://, TLS, replica-set, auth and write options all reach it; Playroute only fills in what the URI leaves out.
 */
export function createStoreConnection(uri: string, dbName?: string): Connection {
  const settings: ConnectOptions = { dbName: dbName ?? (databaseNameIn(uri) ? undefined : DEFAULT_DATABASE_NAME) };
  // Options passed here would override the URI's own (a school's serverSelectionTimeoutMS=30000 was lost), so the default applies only when the URI is silent.
  if (!uriOptionNames(uri).has('serverselectiontimeoutms')) settings.serverSelectionTimeoutMS = SERVER_SELECTION_TIMEOUT_MS;
  // A separate connection, not mongoose's default one: the LTI engine keeps its own models apart from ours.
  return mongoose.createConnection(uri, settings);
}

/** The database named in a MongoDB URI's path (mongodb:// or mongodb+srv://), if any. */
export function databaseNameIn(uri: string): string | undefined {
  // Everything before the options; user info and hosts hold no unescaped '/' or '?', so the first '/' starts the path.
  const beforeOptions = /^mongodb(?:\+srv)?:\/\/([^?]*)/.exec(uri)?.[1] ?? '';
  const slash = beforeOptions.indexOf('/');
  const name = slash === -1 ? '' : beforeOptions.slice(slash + 1);
  return name ? decodeURIComponent(name) : undefined;
}

/** The option names a URI sets, lower-cased as the driver compares them. */
function uriOptionNames(uri: string): Set<string> {
  const query = uri.split('?')[1] ?? '';
  return new Set(query.split('&').filter(Boolean).map((pair) => (pair.split('=')[0] ?? '').toLowerCase()));
}

async function ping(connection: Connection): Promise<boolean> {
  if (connection.readyState !== 1 || !connection.db) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
  });
  try {
    const answer = connection.db.admin().ping().then(() => true, () => false);
    return await Promise.race([answer, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
