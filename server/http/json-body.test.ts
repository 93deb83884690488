// jsonBody answers every request as express.json does (same body, same status and error type), over real HTTP.
import { request as httpRequest, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonBody } from './json-body';

const LIMIT = 256;

interface Answer {
  status: number;
  body: string;
}

function echoApp(parser: RequestHandler): express.Express {
  const app = express();
  app.use(parser);
  app.use((req, res) => {
    const body: unknown = req.body;
    res.json({ body: body === undefined ? '<no body>' : body, polluted: ({} as Record<string, unknown>).polluted ?? null });
  });
  const onError: ErrorRequestHandler = (err: { status?: number; type?: string }, _req, res, _next) => {
    res.status(err.status ?? 500).json({ status: err.status, type: err.type });
  };
  app.use(onError);
  return app;
}

async function listen(app: express.Express): Promise<{ server: Server; port: number }> {
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

function send(port: number, init: { method?: string; headers?: Record<string, string>; body?: Buffer | string; chunked?: boolean }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = init.body === undefined ? undefined : Buffer.from(init.body);
    const headers: Record<string, string> = { ...init.headers };
    if (body && !init.chunked) headers['content-length'] = String(body.length);
    const req = httpRequest({ host: '127.0.0.1', port, path: '/', method: init.method ?? 'PUT', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (body && init.chunked) {
      // Two writes without a length: node sends them chunked.
      req.write(body.subarray(0, 3));
      req.end(body.subarray(3));
    } else req.end(body);
  });
}

const JSON_TYPE = { 'content-type': 'application/json' };
const route = JSON.stringify({ version: 3, entries: ['activate', 'clip', 'practice'].map((activityId) => ({ activityId })) });

const cases: [string, Parameters<typeof send>[1]][] = [
  ['a route save as the client sends it', { headers: JSON_TYPE, body: route }],
  ['an array', { headers: JSON_TYPE, body: '[1, "two", {"three": 3}]' }],
  ['utf-8 named, with letters beyond ASCII', { headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"title":"Ærø – 𝄞 été"}' }],
  ['a leading byte-order mark', { headers: JSON_TYPE, body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}')]) }],
  ['whitespace before the object', { headers: JSON_TYPE, body: '\r\n\t {"a":1}' }],
  ['a bare string (strict: refused)', { headers: JSON_TYPE, body: '"text"' }],
  ['a bare true (strict: refused)', { headers: JSON_TYPE, body: 'true' }],
  ['only whitespace', { headers: JSON_TYPE, body: '   ' }],
  ['broken JSON', { headers: JSON_TYPE, body: '{"a":' }],
  ['invalid utf-8 inside a string', { headers: JSON_TYPE, body: Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]) }],
  ['a __proto__ key', { headers: JSON_TYPE, body: '{"__proto__":{"polluted":true},"b":1}' }],
  ['an empty body', { headers: JSON_TYPE, body: '' }],
  ['a body at the limit', { headers: JSON_TYPE, body: `{"a":"${'x'.repeat(LIMIT - 8)}"}` }],
  ['a body past the limit', { headers: JSON_TYPE, body: `{"a":"${'x'.repeat(LIMIT)}"}` }],
  ['a chunked body', { headers: JSON_TYPE, body: route, chunked: true }],
  ['a chunked body past the limit', { headers: JSON_TYPE, body: `{"a":"${'x'.repeat(LIMIT)}"}`, chunked: true }],
  ['a gzip body', { headers: { ...JSON_TYPE, 'content-encoding': 'gzip' }, body: gzipSync(route) }],
  ['another charset', { headers: { 'content-type': 'application/json; charset=latin1' }, body: route }],
  ['the type in capitals', { headers: { 'content-type': 'Application/JSON' }, body: route }],
  ['plain text', { headers: { 'content-type': 'text/plain' }, body: route }],
  ['no content type', { body: route }],
  ['a GET without a body', { method: 'GET' }],
];

describe('jsonBody, against express.json', () => {
  let ours: { server: Server; port: number };
  let theirs: { server: Server; port: number };

  beforeAll(async () => {
    ours = await listen(echoApp(jsonBody({ limitBytes: LIMIT })));
    theirs = await listen(echoApp(express.json({ limit: LIMIT })));
  });
  afterAll(() => {
    ours.server.close();
    theirs.server.close();
  });

  it.each(cases)('%s: the same answer', async (_name, init) => {
    const [mine, expected] = await Promise.all([send(ours.port, init), send(theirs.port, init)]);
    expect(mine).toEqual(expected);
  });

  it('what the short path answers: a save read whole, a bare string refused, an oversized body too large', async () => {
    expect(JSON.parse((await send(ours.port, { headers: JSON_TYPE, body: route })).body)).toEqual({ body: JSON.parse(route), polluted: null });
    expect(await send(ours.port, { headers: JSON_TYPE, body: '"text"' })).toEqual({ status: 400, body: JSON.stringify({ status: 400, type: 'entity.parse.failed' }) });
    expect((await send(ours.port, { headers: JSON_TYPE, body: `{"a":"${'x'.repeat(LIMIT)}"}` })).status).toBe(413);
  });

  it("the client's requests take the short path; a chunked or compressed one goes to express.json", async () => {
    const reached: string[] = [];
    const fallback: RequestHandler = (req, _res, next) => {
      reached.push(String(req.headers['x-case']));
      next();
    };
    const watched = await listen(echoApp(jsonBody({ limitBytes: LIMIT, fallback })));
    try {
      const saved = await send(watched.port, { headers: { ...JSON_TYPE, 'x-case': 'save' }, body: route });
      expect(JSON.parse(saved.body)).toEqual({ body: JSON.parse(route), polluted: null });
      await send(watched.port, { headers: { ...JSON_TYPE, 'x-case': 'chunked' }, body: route, chunked: true });
      await send(watched.port, { headers: { ...JSON_TYPE, 'x-case': 'gzip', 'content-encoding': 'gzip' }, body: gzipSync(route) });
      expect(reached).toEqual(['chunked', 'gzip']);
    } finally {
      watched.server.close();
    }
  });
});
