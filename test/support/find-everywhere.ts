// For the erasure tests: where a person's id (or any marker) still sits, in every collection of the database.
import type { Db } from 'mongodb';

/**
 * Every place in every collection whose string value contains `needle`, as "collection _id path" (or "collection
 * path" with `withIds: false`, to compare places across documents); a binary value (a stored file's chunk) that
 * holds it is reported with "(bytes)".
 */
export async function findEverywhere(db: Db, needle: string, { withIds = true }: { withIds?: boolean } = {}): Promise<string[]> {
  const hits: string[] = [];
  const visit = (value: unknown, path: string, where: string) => {
    if (typeof value === 'string') {
      if (value.includes(needle)) hits.push(`${where} ${path}`);
    } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${path}[${i}]`, where));
    else if (value && typeof value === 'object' && !(value instanceof Date) && !Buffer.isBuffer(value)) {
      if ('buffer' in value && (value as { _bsontype?: string })._bsontype === 'Binary') {
        if (Buffer.from((value as { buffer: Uint8Array }).buffer).includes(needle)) hits.push(`${where} ${path} (bytes)`);
        return;
      }
      if ((value as { _bsontype?: string })._bsontype) return;
      for (const [k, v] of Object.entries(value)) visit(v, path ? `${path}.${k}` : k, where);
    }
  };
  for (const { name } of await db.listCollections().toArray()) {
    for (const doc of await db.collection(name).find().toArray()) visit(doc, '', withIds ? `${name} ${String(doc._id)}` : name);
  }
  return hits;
}
