// What a client sees on the wire: MongoDB's error shapes, int64 cursor ids, document sequences and the legacy handshake.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Long } from 'bson';
import { RawWireClient } from '../../../test/store/support/raw-wire-client';
import { startEmbeddedMongo, type EmbeddedMongo } from './index';

let store: EmbeddedMongo;
let client: RawWireClient;

beforeAll(async () => {
  store = await startEmbeddedMongo();
  client = await RawWireClient.open(store.uri);
});

afterAll(async () => {
  client.close();
  await store.close();
});

describe('unsupported things are refused by name, in MongoDB\'s error shape', () => {
  it('when a client sends a command the store does not know, it answers CommandNotFound (59) naming it', async () => {
    const { doc } = await client.command({ renameCollection: 'a.b', to: 'a.c', $db: 'admin' });
    expect(doc).toMatchObject({ ok: 0, code: 59, codeName: 'CommandNotFound' });
    expect(doc.errmsg).toContain("'renameCollection'");
  });

  it('when a filter uses an operator mingo lacks, the find fails with BadValue naming the operator instead of matching wrongly', async () => {
    await client.command({ insert: 'ops', documents: [{ a: 1 }], $db: 'wire' });
    const { doc } = await client.command({ find: 'ops', filter: { a: { $near: [0, 0] } }, $db: 'wire' });
    expect(doc).toMatchObject({ ok: 0, code: 2, codeName: 'BadValue' });
    expect(doc.errmsg).toContain('$near');
  });

  it('when an update uses an unknown modifier, the write error names it', async () => {
    const { doc } = await client.command({ update: 'ops', updates: [{ q: {}, u: { $frobnicate: { a: 1 } } }], $db: 'wire' });
    expect(doc.writeErrors?.[0]).toMatchObject({ index: 0, code: 9 });
    expect(doc.writeErrors?.[0].errmsg).toContain('$frobnicate');
  });

  it('when a pipeline stage is unknown or writes elsewhere ($out), aggregate refuses it', async () => {
    const unknown = await client.command({ aggregate: 'ops', pipeline: [{ $teleport: {} }], cursor: {}, $db: 'wire' });
    expect(unknown.doc).toMatchObject({ ok: 0, code: 40324 });
    expect(unknown.doc.errmsg).toContain('$teleport');
    const out = await client.command({ aggregate: 'ops', pipeline: [{ $out: 'copy' }], cursor: {}, $db: 'wire' });
    expect(out.doc).toMatchObject({ ok: 0, code: 115, codeName: 'CommandNotSupported' });
  });

  it('when a client starts a transaction, it is told transactions are unavailable (IllegalOperation 20)', async () => {
    const { doc } = await client.command({
      insert: 'ops', documents: [{ t: 1 }], lsid: { id: new Long(1) }, txnNumber: new Long(1), startTransaction: true, autocommit: false, $db: 'wire',
    });
    expect(doc).toMatchObject({ ok: 0, code: 20, codeName: 'IllegalOperation' });
    const count = await client.command({ count: 'ops', query: { t: 1 }, $db: 'wire' });
    expect(count.doc.n).toBe(0);
  });
});

describe('cursors', () => {
  it('when results span batches, the cursor id is an int64 and getMore pages to the end, then the cursor is gone', async () => {
    await client.command({ insert: 'many', $db: 'wire' }, { sequences: { documents: Array.from({ length: 5 }, (_, n) => ({ n })) } });
    const first = await client.command({ find: 'many', sort: { n: 1 }, batchSize: 2, $db: 'wire' });
    const id: unknown = first.doc.cursor.id;
    expect(id).toBeInstanceOf(Long);
    expect((id as Long).isZero()).toBe(false);
    expect(first.doc.cursor.firstBatch.map((d: { n: number }) => d.n)).toEqual([0, 1]);

    const next = await client.command({ getMore: id, collection: 'many', batchSize: 2, $db: 'wire' });
    expect(next.doc.cursor.nextBatch.map((d: { n: number }) => d.n)).toEqual([2, 3]);
    const last = await client.command({ getMore: id, collection: 'many', $db: 'wire' });
    expect(last.doc.cursor.nextBatch.map((d: { n: number }) => d.n)).toEqual([4]);
    expect((last.doc.cursor.id as Long).isZero()).toBe(true);

    const gone = await client.command({ getMore: id, collection: 'many', $db: 'wire' });
    expect(gone.doc).toMatchObject({ ok: 0, code: 43, codeName: 'CursorNotFound' });
  });

  it('when a cursor is killed, a later getMore gets CursorNotFound', async () => {
    const first = await client.command({ find: 'many', batchSize: 1, $db: 'wire' }, { checksum: true });
    const id = first.doc.cursor.id as Long;
    const killed = await client.command({ killCursors: 'many', cursors: [id], $db: 'wire' });
    expect(killed.doc.cursorsKilled.map(String)).toEqual([id.toString()]);
    const after = await client.command({ getMore: id, collection: 'many', $db: 'wire' });
    expect(after.doc.code).toBe(43);
  });
});

describe('legacy handshake', () => {
  it('when an old driver says isMaster over OP_QUERY, the answer comes back as OP_REPLY with sane wire versions', async () => {
    const reply = await client.legacyCommand('admin', { isMaster: 1, client: { driver: { name: 'legacy' } } });
    expect(reply.opCode).toBe(1);
    expect(reply.doc).toMatchObject({ ok: 1, ismaster: true, minWireVersion: 0, maxWireVersion: 21 });
    expect(reply.doc.logicalSessionTimeoutMinutes).toBe(30);
  });
});
