// A request that reaches Playroute while it is still starting gets an answer (503, try again), never silence.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { killPlayrouteProcesses, startPlayroute } from '../support/playroute-process';

afterEach(killPlayrouteProcesses);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

describe('Playroute while it starts', () => {
  it('the first request that gets through answers at once, with 503 and Retry-After while not ready, and /health works after', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'playroute-starting-'));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    try {
      // A fresh store: the tool and demo keys are made at start, which keeps the process busy after the port opens.
      const started = startPlayroute({ DATA_DIR: dataDir, PORT: String(port), PUBLIC_URL: `http://localhost:${port}` });
      started.catch(() => undefined);
      let first: Response | undefined;
      const deadline = Date.now() + 30_000;
      while (!first && Date.now() < deadline) {
        try {
          first = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5_000) });
        } catch (err) {
          // Refused: the port is not open yet. A timeout is the failure this test is about.
          if (err instanceof Error && err.name === 'TimeoutError') throw new Error('a request during start-up was never answered', { cause: err });
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      }
      expect(first).toBeDefined();
      expect([200, 503]).toContain(first?.status);
      if (first?.status === 503) expect(first.headers.get('retry-after')).toBeTruthy();
      await started;
      expect((await fetch(`${url}/health`)).status).toBe(200);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
