// A school's MONGODB_URI as hosted MongoDB services hand it out (mongodb+srv://, TLS, replica set, auth source,
// write concern, timeouts): every setting in it reaches the driver, the database name comes from it or defaults
// to 'playroute', and the password never reaches a log line or an error.
import net from 'node:net';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../server/logger';
import { createStoreConnection, databaseNameIn, openDatabase } from '../../server/store/database';
import { testMongoUri, uniqueDatabaseName } from '../support/database';

/** The run's store address with the given options added and the given database path (none by default). */
function withOptions(uri: string, options: string, dbPath = ''): string {
  const [base = '', query] = uri.split('?', 2);
  const authority = /^mongodb(?:\+srv)?:\/\/[^/]*/.exec(base)?.[0];
  if (!authority) throw new Error('unexpected MongoDB URI');
  return `${authority}/${dbPath}?${[query, options].filter(Boolean).join('&')}`;
}

function capturedLogger(): { logger: ReturnType<typeof createLogger>; text: () => string } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger({ level: 'debug', destination: sink }), text: () => lines.join('') };
}

/** A local TCP port nobody listens on: connecting is refused at once. */
async function refusedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('MONGODB_URI settings reach the driver', () => {
  it('options written in the URI (timeout, write concern, retryable writes, pool size, app name) win over Playroute’s defaults', async () => {
    const { logger } = capturedLogger();
    const uri = withOptions(testMongoUri(), 'serverSelectionTimeoutMS=1500&w=majority&retryWrites=false&maxPoolSize=7&appName=school-playroute');
    const database = await openDatabase({ mongodbUri: uri, dataDir: 'unused', logger, dbName: uniqueDatabaseName('uri') });
    try {
      const options = database.connection.getClient().options;
      expect(options.serverSelectionTimeoutMS).toBe(1500);
      expect(options.writeConcern?.w).toBe('majority');
      expect(options.retryWrites).toBe(false);
      expect(options.maxPoolSize).toBe(7);
      expect(options.appName).toBe('school-playroute');
      expect(await database.isUp()).toBe(true);
    } finally {
      await database.close();
    }
  });

  it('a URI with options but no database name works in the database "playroute"', async () => {
    const { logger } = capturedLogger();
    const database = await openDatabase({ mongodbUri: withOptions(testMongoUri(), 'appName=playroute-default-db'), dataDir: 'unused', logger });
    try {
      expect(database.connection.name).toBe('playroute');
    } finally {
      await database.close();
    }
  });

  it('a mongodb+srv URI with credentials, TLS and replica-set options: the driver holds the SRV host, TLS, the set, the auth source and the write settings', async () => {
    // SRV and TXT records are looked up by the driver when it connects (there is no network here), so this reads
    // what the driver parsed from the URI on the very client Playroute opens, then closes it.
    const connection = createStoreConnection(
      'mongodb+srv://playroute:S3cret-pass@cluster0.school.invalid/?replicaSet=atlas-abc-shard-0&authSource=admin&retryWrites=true&w=majority&readPreference=primaryPreferred&tlsAllowInvalidHostnames=false',
    );
    // The attempt to connect fails in the background (no such hosts); closing ends it.
    void connection.asPromise().catch(() => undefined);
    try {
      const options = connection.getClient().options;
      expect(options.srvHost).toBe('cluster0.school.invalid');
      expect(options.tls).toBe(true); // mongodb+srv implies TLS unless the URI says tls=false
      expect(options.replicaSet).toBe('atlas-abc-shard-0');
      expect(options.credentials).toMatchObject({ username: 'playroute', source: 'admin' });
      expect(options.retryWrites).toBe(true);
      expect(options.writeConcern?.w).toBe('majority');
      expect(options.readPreference.mode).toBe('primaryPreferred');
    } finally {
      // Closing the driver's client ends the pending attempt at once (mongoose's close would wait it out).
      await connection.getClient().close();
      await connection.close();
    }
  });

  it('a seed list with tls=true and a replica set keeps every host, TLS and the set', async () => {
    const connection = createStoreConnection('mongodb://db1.school.invalid:27017,db2.school.invalid:27018/playroute?replicaSet=rs0&tls=true&authSource=admin');
    // The attempt to connect fails in the background (no such hosts); closing ends it.
    void connection.asPromise().catch(() => undefined);
    try {
      const options = connection.getClient().options;
      expect(options.hosts.map(String)).toEqual(['db1.school.invalid:27017', 'db2.school.invalid:27018']);
      expect(options.tls).toBe(true);
      expect(options.replicaSet).toBe('rs0');
      expect(options.dbName).toBe('playroute');
    } finally {
      // Closing the driver's client ends the pending attempt at once (mongoose's close would wait it out).
      await connection.getClient().close();
      await connection.close();
    }
  });
});

describe('the database name in a MONGODB_URI', () => {
  const cases: [string, string | undefined][] = [
    ['mongodb+srv://u:p@cluster0.abcde.mongodb.net/routes?retryWrites=true&w=majority', 'routes'],
    ['mongodb+srv://u:p@cluster0.abcde.mongodb.net/?retryWrites=true&w=majority&appName=Cluster0', undefined],
    ['mongodb+srv://cluster0.abcde.mongodb.net', undefined],
    // No slash before the options, and a slash inside one: the options are not a database name.
    ['mongodb+srv://cluster0.abcde.mongodb.net?appName=school/playroute', undefined],
    ['mongodb://db1:27017,db2:27017/school%20routes?replicaSet=rs0', 'school routes'],
    ['mongodb://%2Ftmp%2Fplayroute.sock/?directConnection=true', undefined],
  ];
  it.each(cases)('%s → %s', (uri, name) => {
    expect(databaseNameIn(uri)).toBe(name);
  });
});

describe('credentials stay out of logs and errors', () => {
  it('when MongoDB cannot be reached, the start fails within the URI’s timeout and neither the error nor any log line shows the password', async () => {
    const { logger, text } = capturedLogger();
    const port = await refusedPort();
    const started = Date.now();
    const error: unknown = await openDatabase({
      mongodbUri: `mongodb://playroute:S3cret-pass@127.0.0.1:${port}/?serverSelectionTimeoutMS=500&authSource=admin`,
      dataDir: 'unused',
      logger,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(Date.now() - started).toBeLessThan(5_000);
    // As server/main.ts reports a failed start.
    logger.fatal({ err: error }, 'Playroute could not start');
    expect(text()).toContain('ECONNREFUSED');
    expect(text()).not.toContain('S3cret-pass');
    expect(String(error)).not.toContain('S3cret-pass');
    expect(JSON.stringify(error)).not.toContain('S3cret-pass');
  });
});
