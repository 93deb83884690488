// What reaches the log: secrets never (tokens, keys, cookies, the database address), and the request log's lines,
// which skip the redaction pass, only their fixed fields.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, withoutRedaction } from '../../server/logger';

function capture(): { lines: () => Record<string, unknown>[]; destination: Writable } {
  const written: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written.push(chunk.toString());
      done();
    },
  });
  return { destination, lines: () => written.join('').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>) };
}

const SECRETS = {
  req: { headers: { authorization: 'Bearer session-secret', cookie: 'state=cookie-secret' } },
  res: { headers: { 'set-cookie': 'state=set-cookie-secret' } },
  launch: { id_token: 'id-token-secret' },
  grant: { access_token: 'access-token-secret' },
  assertion: { client_assertion: 'assertion-secret' },
  key: { privateKey: 'private-key-secret', encryptionKey: 'encryption-key-secret' },
  config: { mongodbUri: 'mongodb://user:db-password@db.example/playroute' },
};

describe('the log', () => {
  it('never holds a token, key, cookie or the database address, wherever a line carries them', () => {
    const { destination, lines } = capture();
    createLogger({ level: 'info', destination }).warn(SECRETS, 'something happened');

    const text = JSON.stringify(lines());
    expect(text).not.toMatch(/secret|db-password/);
    expect(lines()[0]).toMatchObject({ msg: 'something happened', service: 'playroute', launch: { id_token: '[redacted]' }, config: { mongodbUri: '[redacted]' } });
  });

  it('writes the request log’s lines at the same level and with the same service name, and the logger it came from still redacts', () => {
    const { destination, lines } = capture();
    const logger = createLogger({ level: 'info', destination });
    const requests = withoutRedaction(logger);

    requests.debug({ path: '/health' }, 'request');
    requests.info({ method: 'PUT', path: '/api/route', status: 200, ms: 3, ip: '127.0.0.1' }, 'request');
    logger.info(SECRETS, 'after');

    expect(lines()).toHaveLength(2);
    expect(lines()[0]).toMatchObject({ level: 30, service: 'playroute', msg: 'request', method: 'PUT', path: '/api/route', status: 200, ip: '127.0.0.1' });
    expect(JSON.stringify(lines()[1])).not.toMatch(/secret|db-password/);
  });
});
