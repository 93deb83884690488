// Writes one document with a person's id taken out (scrubReference) back to its collection, without losing a change
// that landed since it was read.
import type { Collection, Document } from 'mongodb';
import type { ReferenceAction } from '../data/personal-data-registry';
import { scrubReference } from './scrub-reference';

export interface ScrubStoredProps {
  path: string;
  action: ReferenceAction;
  sub: string;
  pseudonym: string;
  /** The collection's documents are saved over a numeric `version` (see PersonalDataEntry.versioned). */
  versioned: boolean;
}

/** A route is saved a few times a minute at most, so a document that keeps moving this often is a fault, not a race. */
const ATTEMPTS = 5;

/**
 * True when the stored document named the person at the path and now does not. A versioned document is written only
 * over the version read, and moves to the next one: a save begun before the erasure (over the version it read, or from
 * a route a process kept) is refused instead of writing the id back; a save that landed first is read and scrubbed again.
 */
export async function scrubStored(collection: Collection, doc: Document, props: ScrubStoredProps): Promise<boolean> {
  let current: Document | null = doc;
  for (let attempt = 0; current && attempt < ATTEMPTS; attempt += 1) {
    const scrubbed = scrubReference(current, props);
    if (!scrubbed) return false;
    if (!props.versioned || typeof current.version !== 'number') {
      await collection.replaceOne({ _id: current._id }, scrubbed);
      return true;
    }
    const written = await collection.replaceOne({ _id: current._id, version: current.version }, { ...scrubbed, version: current.version + 1 });
    if (written.matchedCount === 1) return true;
    current = await collection.findOne({ _id: current._id });
  }
  if (current) throw new Error(`erasure: ${collection.collectionName} ${String(current._id)} changed ${ATTEMPTS} times while it was scrubbed; run the erasure again`);
  return false;
}
