// The changes a write makes to the store, as the journal and snapshot record them and replay applies them.
import type { Document } from './documents';
import type { IndexSpec } from './indexes';

/** One durable change; `put` and `delete` carry whole documents and ids, so replaying them twice is harmless. */
export type Change =
  | { o: 'create'; db: string; c: string; options: Document; uuid: unknown }
  | { o: 'drop'; db: string; c: string }
  | { o: 'dropDatabase'; db: string }
  | { o: 'index'; db: string; c: string; spec: IndexSpec }
  | { o: 'dropIndex'; db: string; c: string; name: string }
  | { o: 'put'; db: string; c: string; doc: Document }
  | { o: 'delete'; db: string; c: string; id: unknown };

/** Where the in-memory store reports each change as it makes it. */
export interface ChangeSink {
  record(change: Change): void;
}
