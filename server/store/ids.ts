// Ids of stored documents: random UUID strings everywhere, so an id can be made before the first write.
import { randomUUID } from 'node:crypto';

export function newId(): string {
  return randomUUID();
}
