// Builds the real Playroute app for API tests: real store (a database of its own), silent logs, no listening.
import { Writable } from 'node:stream';
import type { Express } from 'express';
import { createApp, type AppDeps } from '../../server/app';
import { loadConfig, type Config } from '../../server/config';
import { createLogger, type Logger } from '../../server/logger';
import { openDatabase, type Database } from '../../server/store/database';
import { createLti, type Lti } from '../../server/lti/index';
import { testMongoUri, uniqueDatabaseName } from './database';

export interface TestApp {
  app: Express;
  config: Config;
  lti: Lti;
  database: Database;
  logger: Logger;
  /** Every log line the app wrote, for tests that check what reaches the logs. */
  logLines: string[];
  close(): Promise<void>;
}

/** `extra` adds what the composition root would give (serving state, metrics). */
export async function buildTestApp(env: Record<string, string> = {}, extra: Pick<AppDeps, 'servingState' | 'metrics'> = {}): Promise<TestApp> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'debug', ...env });
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger({ level: config.logLevel, destination: sink });
  const database = await openDatabase({
    mongodbUri: testMongoUri(),
    dataDir: config.dataDir,
    logger,
    dbName: uniqueDatabaseName('app'),
  });
  const lti = createLti({ config, connection: database.connection, logger });
  await lti.start();
  const app = createApp({ config, logger, database, lti, ...extra });
  return {
    app,
    config,
    lti,
    database,
    logger,
    logLines,
    close: async () => {
      await database.connection.dropDatabase();
      await database.close();
    },
  };
}
