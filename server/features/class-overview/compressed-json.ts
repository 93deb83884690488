// Sends a large JSON answer gzipped when the browser accepts it: a class of a thousand is some 400 kB of JSON that
// compresses tenfold. zlib runs on Node's thread pool, so the event loop serves other requests meanwhile.
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Request, Response } from 'express';

const gzipAsync = promisify(gzip);
/** Below this, compressing costs more than the bytes it saves. */
const MIN_BYTES = 2048;

export async function sendCompressedJson(req: Request, res: Response, value: unknown): Promise<void> {
  const body = JSON.stringify(value);
  res.vary('Accept-Encoding');
  res.type('json');
  if (body.length < MIN_BYTES || req.acceptsEncodings('gzip', 'identity') !== 'gzip') {
    res.send(body);
    return;
  }
  const zipped = await gzipAsync(body, { level: 6 });
  res.set('Content-Encoding', 'gzip');
  res.send(zipped);
}
