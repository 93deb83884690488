// A batch serialised while it was measured goes into the reply as its bytes: the reply a client decodes is the one
// the documents themselves would have made, whatever the documents hold and however many there are.
import { Binary, Decimal128, Long, ObjectId, deserialize, serialize } from 'bson';
import { describe, expect, it } from 'vitest';
import { EncodedBatch, replyChunks } from './encoded-batch';
import type { Document } from './documents';

function decoded(reply: Document): Document {
  return deserialize(Buffer.concat(replyChunks(reply)), { promoteLongs: false });
}

const documents: Document[] = Array.from({ length: 12 }, (_, n) => ({
  _id: new ObjectId(),
  n,
  name: `stüdent ${n}`,
  at: new Date(Date.UTC(2026, 0, n + 1)),
  entries: [{ activityId: 'activate', status: 'done' }, [n, null]],
  nested: { deep: { long: Long.fromNumber(2 ** 40 + n), money: Decimal128.fromString('1.10'), bytes: new Binary(Buffer.from([n])) } },
}));

describe('a reply carrying an encoded batch', () => {
  it.each(['firstBatch', 'nextBatch'])('when the %s is encoded, then the client decodes the same documents, cursor id, namespace and other fields', (key) => {
    const id = Long.fromNumber(123456789);
    const encoded = decoded({ cursor: { id, ns: 'db.routes', [key]: new EncodedBatch(documents.map((doc) => serialize(doc))) }, ok: 1, note: 'x' });
    const plain = deserialize(serialize({ cursor: { id, ns: 'db.routes', [key]: documents }, ok: 1, note: 'x' }), { promoteLongs: false });
    expect(encoded).toEqual(plain);
    expect((encoded.cursor as Document)[key]).toHaveLength(12);
  });

  it('when the batch is empty or the reply has no cursor, then it encodes as before', () => {
    expect(decoded({ cursor: { firstBatch: new EncodedBatch([]), id: Long.ZERO, ns: 'db.c' }, ok: 1 })).toEqual({ cursor: { firstBatch: [], id: Long.ZERO, ns: 'db.c' }, ok: 1 });
    expect(Buffer.concat(replyChunks({ ok: 1, n: 2 }))).toEqual(Buffer.from(serialize({ ok: 1, n: 2 })));
  });
});
