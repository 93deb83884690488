// The client's edge: an answer is checked against its schema before any component reads it, over a real HTTP server.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ApiError, apiRequest } from './api-client';

let server: http.Server;
let base = '';

beforeAll(async () => {
  // Each path answers as a server might: the expected shape, an older shape, a refusal, a proxy's HTML page.
  server = http.createServer((req, res) => {
    const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.url === '/placement') json(200, { playbook: { id: 'pb-1', title: 'Projects', status: 'published' } });
    else if (req.url === '/older') json(200, { playbook: { id: 'pb-1', name: 'Projects', status: 'open' } });
    else if (req.url === '/refused') json(403, { error: { code: 'not_authorised', message: 'Only teachers' } });
    else res.writeHead(200, { 'content-type': 'text/html' }).end('<html>proxy login</html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const placement = z.object({ playbook: z.nullable(z.object({ id: z.string(), title: z.string(), status: z.enum(['draft', 'published']) })) });

describe('reading an API answer', () => {
  it('hands over an answer of the expected shape, typed by its schema', async () => {
    const answer = await apiRequest(`${base}/placement`, placement);
    expect(answer.playbook?.title).toBe('Projects');
  });

  it('turns an answer of another shape into an ApiError naming what is wrong, instead of a crash in a component', async () => {
    const error = await apiRequest(`${base}/older`, placement).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'invalid_response' });
    expect((error as ApiError).message).toMatch(/playbook\.title/);
    expect((error as ApiError).message).toMatch(/playbook\.status/);
  });

  it('a page that is not JSON at all is a wrong answer too', async () => {
    await expect(apiRequest(`${base}/html`, placement)).rejects.toMatchObject({ code: 'invalid_response' });
  });

  it("keeps the server's refusal with its code, so the interface says it in words", async () => {
    await expect(apiRequest(`${base}/refused`, placement)).rejects.toMatchObject({ status: 403, code: 'not_authorised' });
  });
});
