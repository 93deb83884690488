// TTL indexes: removes documents whose indexed date is older than expireAfterSeconds, as mongod's TTL monitor does.
import type { Catalog } from './catalog';
import { compileFilter } from './query-engine';
import { valuesAtPath } from './documents';

/** One sweep over every TTL index; returns how many documents were removed. */
export function sweepExpired(catalog: Catalog, now = Date.now()): number {
  let removed = 0;
  for (const collection of catalog.allCollections()) {
    for (const spec of collection.ttlIndexes()) {
      const fields = Object.keys(spec.key);
      // MongoDB applies TTL only to single-field indexes.
      if (fields.length !== 1 || typeof spec.expireAfterSeconds !== 'number') continue;
      const field = fields[0] as string;
      const cutoff = now - spec.expireAfterSeconds * 1000;
      const covered = compileFilter(spec.partialFilterExpression);
      // Only documents with a date at or before the cutoff, read off the TTL index's own ordered keys (every
      // second over a large sessions collection, a scan would cost the store more than anything else it does).
      for (const doc of collection.candidates({ [field]: { $lte: new Date(cutoff) } })) {
        const dates = valuesAtPath(doc, field).filter((v): v is Date => v instanceof Date);
        // For an array of dates MongoDB uses the earliest.
        if (dates.length && Math.min(...dates.map((d) => d.getTime())) <= cutoff && covered(doc)) {
          collection.remove(doc);
          removed += 1;
        }
      }
    }
  }
  return removed;
}
