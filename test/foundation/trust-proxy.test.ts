// TRUST_PROXY: behind a reverse proxy the logs name the client, not the proxy; without it no client can write its own
// address into the logs (or dodge the per-address login limit) with an X-Forwarded-For header. Real HTTP requests.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';
import { buildTestApp, type TestApp } from '../support/app';
import { testMongoUri } from '../support/database';

const CLIENT = '203.0.113.7';
const PRODUCTION = { NODE_ENV: 'production', PUBLIC_URL: 'https://routes.school.example', LTI_ENCRYPTION_KEY: 'k'.repeat(40) };

let open: { app: TestApp; server: http.Server } | undefined;
afterEach(async () => {
  if (!open) return;
  await new Promise((resolve) => open?.server.close(resolve));
  await open.app.close();
  open = undefined;
});

/** Sends one request with the given X-Forwarded-* headers and returns the client address the request log names. */
async function loggedAddress(env: Record<string, string>, forwarded: Record<string, string>): Promise<string> {
  const app = await buildTestApp(env);
  const server = http.createServer(app.app);
  open = { app, server };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const res = await fetch(`http://127.0.0.1:${port}/health`, { headers: forwarded });
  expect(res.status).toBe(200);
  await res.arrayBuffer();
  const line = app.logLines.map((text) => JSON.parse(text) as { msg?: string; path?: string; ip?: string }).find((entry) => entry.msg === 'request' && entry.path === '/health');
  if (!line?.ip) throw new Error(`no request log line with an address:\n${app.logLines.join('')}`);
  return line.ip;
}

describe('the client address behind a reverse proxy (TRUST_PROXY)', () => {
  it('by default X-Forwarded-For is not believed: the log names the peer that connected', async () => {
    expect(await loggedAddress({}, { 'x-forwarded-for': CLIENT, 'x-forwarded-proto': 'https' })).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
  });

  it('not in production either, where a forged header would otherwise reach the logs and the login limit', async () => {
    const address = await loggedAddress({ ...PRODUCTION, MONGODB_URI: testMongoUri() }, { 'x-forwarded-for': CLIENT });
    expect(address).not.toBe(CLIENT);
  });

  it('with the proxy trusted by address, the log names the client it forwarded for', async () => {
    expect(await loggedAddress({ TRUST_PROXY: 'loopback' }, { 'x-forwarded-for': CLIENT, 'x-forwarded-proto': 'https' })).toBe(CLIENT);
  });

  it('a trusted address list that does not include the peer changes nothing', async () => {
    expect(await loggedAddress({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16' }, { 'x-forwarded-for': CLIENT })).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
  });

  it('with one trusted hop, an address the client put in front itself is ignored', async () => {
    expect(await loggedAddress({ TRUST_PROXY: '1' }, { 'x-forwarded-for': `198.51.100.99, ${CLIENT}` })).toBe(CLIENT);
  });
});

describe('TRUST_PROXY values', () => {
  it('reads false, true, a number of hops and a list of addresses, subnets and range names', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, fd00::/8,loopback' }).trustProxy).toEqual(['10.0.0.5', 'fd00::/8', 'loopback']);
  });

  it.each(['yes please', '10.0.0.300', '10.0.0.0/33', 'proxy.school.example', '-1', '1000'])('refuses %s, naming the variable', (value) => {
    let error: unknown;
    try {
      loadConfig({ TRUST_PROXY: value });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([expect.stringMatching(/^TRUST_PROXY must be false, true, a number of proxies/)]);
  });
});
