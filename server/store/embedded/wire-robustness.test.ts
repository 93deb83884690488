// Bad bytes on one connection close that connection only: the store (in a child process here, so a hang or crash
// shows as a failed test instead of a frozen test run) keeps answering everyone else.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serialize } from 'bson';
import { RawWireClient } from '../../../test/store/support/raw-wire-client';
import { MAX_MESSAGE_SIZE, MessageFramer, OP_MSG } from './wire-protocol';

let child: ChildProcess;
let uri: string;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'playroute-wire-'));
  child = spawn(process.execPath, ['--import', 'tsx', resolve('test/store/fixtures/serve-data-dir.ts'), dataDir], {
    cwd: resolve('.'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  uri = await new Promise<string>((done, fail) => {
    createInterface({ input: child.stdout! }).once('line', done);
    child.once('exit', (code) => fail(new Error(`store child exited early (${code})`)));
  });
});

afterAll(() => {
  child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A whole message: header with `length` (default: the true length), then `body`. */
function message(body: Buffer, length = 16 + body.length): Buffer {
  const header = Buffer.alloc(16);
  header.writeInt32LE(length, 0);
  header.writeInt32LE(7, 4);
  header.writeInt32LE(OP_MSG, 12);
  return Buffer.concat([header, body]);
}

function int32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32LE(value);
  return bytes;
}

// Generous: these carry tens of MiB to a durable store on a loaded 2-core machine; a hang still shows.
const BIG_REPLY_MS = 45_000;
const flags = Buffer.alloc(4);
const ping = Buffer.from(serialize({ ping: 1, $db: 'admin' }));

/** A 66-byte OP_MSG: a sound body section, then a document sequence whose size is -1. */
function sequenceSizedMinusOne(): Buffer {
  const start = Buffer.concat([flags, Buffer.from([0]), ping, Buffer.from([1]), int32(-1)]);
  return message(Buffer.concat([start, Buffer.alloc(66 - 16 - start.length)]));
}

const malformed: [string, () => Buffer][] = [
  ['a 66-byte OP_MSG whose document sequence size is -1', sequenceSizedMinusOne],
  ['a body section whose document size is -1', () => message(Buffer.concat([flags, Buffer.from([0]), int32(-1), Buffer.alloc(8)]))],
  ['a body section whose document claims more bytes than the message holds', () => {
    const doc = Buffer.from(ping);
    doc.writeInt32LE(doc.length + 1000, 0);
    return message(Buffer.concat([flags, Buffer.from([0]), doc]));
  }],
  ['a document sequence whose size runs past the message', () => message(Buffer.concat([flags, Buffer.from([0]), ping, Buffer.from([1]), int32(5000), Buffer.from('documents\0')]))],
  ['a document sequence holding a document of size 0', () => {
    const body = Buffer.concat([Buffer.from('documents\0'), int32(0), Buffer.alloc(4)]);
    return message(Buffer.concat([flags, Buffer.from([0]), ping, Buffer.from([1]), int32(4 + body.length), body]));
  }],
  ['a header whose length is negative', () => message(Buffer.concat([flags, Buffer.from([0]), ping]), -1)],
  ['a header whose length is over the 48 MB limit', () => message(Buffer.concat([flags, Buffer.from([0]), ping]), MAX_MESSAGE_SIZE + 1)],
];

describe('malformed messages', () => {
  it.each(malformed)('when a client sends %s, that connection is closed and another client is still served', async (_name, build) => {
    const bystander = await RawWireClient.open(uri);
    const offender = await RawWireClient.open(uri);
    try {
      offender.sendRaw(build());
      await within(offender.closed, 3000, 'the offending connection closing');
      const reply = await within(bystander.command({ ping: 1, $db: 'admin' }), 3000, 'a ping on another connection');
      expect(reply.doc.ok).toBe(1);
    } finally {
      offender.close();
      bystander.close();
    }
  });
});

describe('big messages', () => {
  it('when a 32 MiB message arrives in 64 KiB chunks, it is joined once (framing cost grows linearly)', () => {
    const size = 32 * 1024 * 1024;
    const whole = Buffer.alloc(size);
    whole.writeInt32LE(size, 0);
    const framer = new MessageFramer();
    const started = performance.now();
    const out: Buffer[] = [];
    for (let at = 0; at < size; at += 64 * 1024) out.push(...framer.push(whole.subarray(at, at + 64 * 1024)));
    const elapsed = performance.now() - started;
    expect(out).toHaveLength(1);
    expect(out[0]?.length).toBe(size);
    expect(framer.joins).toBeLessThanOrEqual(2);
    // Generous: a linear join takes milliseconds; re-copying the buffered bytes per chunk took seconds.
    expect(elapsed).toBeLessThan(1500);
  });

  it('when a client sends a 30 MiB insert as a document sequence, the store takes it whole and answers', async () => {
    const client = await RawWireClient.open(uri);
    try {
      const docs = [0, 1, 2].map((n) => ({ n, text: 'x'.repeat(10 * 1024 * 1024) }));
      const reply = await within(client.command({ insert: 'big', $db: 'wire' }, { sequences: { documents: docs } }), BIG_REPLY_MS, 'the insert reply');
      expect(reply.doc).toMatchObject({ ok: 1, n: 3 });
    } finally {
      client.close();
    }
  }, 120_000);
});

describe('document size limits', () => {
  const MiB = 1024 * 1024;
  /**
   * The BSON of { _id: id, text: 'xxx…' } with exactly `bytes` bytes, encoded by hand: bson's serializer
   * writes into a 17 MiB buffer and silently truncates anything longer.
   */
  function documentOf(bytes: number, id: string): Buffer {
    const field = (name: string, value: string): Buffer => {
      const text = Buffer.from(`${value}\0`);
      return Buffer.concat([Buffer.from([0x02]), Buffer.from(`${name}\0`), int32(text.length), text]);
    };
    const head = field('_id', id);
    const textLength = bytes - 4 - head.length - (1 + 5 + 4 + 1) - 1;
    const doc = Buffer.concat([int32(bytes), head, field('text', 'x'.repeat(textLength)), Buffer.from([0])]);
    expect(doc.length).toBe(bytes);
    return doc;
  }

  it('when a document over 16 MiB is inserted, it is refused with BSONObjectTooLarge (10334) and the store keeps serving', async () => {
    const client = await RawWireClient.open(uri);
    try {
      for (const bytes of [16 * MiB + 1, 17.5 * MiB]) {
        const reply = await within(client.command({ insert: 'limits', $db: 'wire' }, { sequences: { documents: [documentOf(bytes, `over-${bytes}`)] } }), BIG_REPLY_MS, 'the insert reply');
        expect(reply.doc).toMatchObject({ ok: 1, n: 0 });
        expect(reply.doc.writeErrors?.[0]).toMatchObject({ index: 0, code: 10334 });
      }
      const atLimit = await within(client.command({ insert: 'limits', $db: 'wire' }, { sequences: { documents: [documentOf(16 * MiB, 'at-limit')] } }), BIG_REPLY_MS, 'the insert reply');
      expect(atLimit.doc).toMatchObject({ ok: 1, n: 1 });
      const found = await within(client.command({ find: 'limits', projection: { _id: 1 }, $db: 'wire' }), BIG_REPLY_MS, 'the find reply');
      expect(found.doc.cursor.firstBatch).toEqual([{ _id: 'at-limit' }]);
    } finally {
      client.close();
    }
  }, 120_000);
});

describe('replies in request order', () => {
  it('when a journaled write and a read arrive together on one connection, the read is answered after the write', async () => {
    const socket = connect(addressOf(uri));
    await new Promise((done) => socket.once('connect', done));
    const replies: number[] = [];
    let buffered = Buffer.alloc(0);
    const bothAnswered = new Promise<void>((done) => {
      socket.on('data', (chunk: Buffer) => {
        buffered = Buffer.concat([buffered, chunk]);
        while (buffered.length >= 16 && buffered.length >= buffered.readInt32LE(0)) {
          replies.push(buffered.readInt32LE(8)); // responseTo: the request it answers
          buffered = buffered.subarray(buffered.readInt32LE(0));
        }
        if (replies.length === 2) done();
      });
    });
    const request = (id: number, doc: object) => {
      const body = Buffer.concat([flags, Buffer.from([0]), Buffer.from(serialize(doc))]);
      const header = Buffer.alloc(16);
      header.writeInt32LE(16 + body.length, 0);
      header.writeInt32LE(id, 4);
      header.writeInt32LE(OP_MSG, 12);
      return Buffer.concat([header, body]);
    };
    // One write, two messages: the insert waits for the journal; the ping could be answered at once, but not before it.
    socket.write(Buffer.concat([request(1, { insert: 'ordered', documents: [{ n: 1 }], $db: 'wire' }), request(2, { ping: 1, $db: 'admin' })]));
    await within(bothAnswered, 10_000, 'two replies');
    socket.destroy();
    expect(replies).toEqual([1, 2]);
  });
});

/** The Unix socket path of a mongodb:// URI the store published. */
function addressOf(storeUri: string): { path: string } {
  return { path: decodeURIComponent(/^mongodb:\/\/([^/?]+)/.exec(storeUri)?.[1] ?? '') };
}
