// Inserts asked for in the same turn of the event loop go to the store as one insert command (a group commit).
import { MongoBulkWriteError, type BulkWriteOptions, type Collection, type Document, type OptionalUnlessRequiredId } from 'mongodb';

/** One document's refusal inside a batched insert, with the store's code (11000 for a duplicate key). */
export class BatchedInsertError extends Error {
  readonly code: number | undefined;
  readonly errInfo: Document | undefined;

  constructor(message: string, code: number | undefined, errInfo?: Document) {
    super(message);
    this.name = 'BatchedInsertError';
    this.code = code;
    this.errInfo = errInfo;
  }
}

interface Waiting<T> {
  documents: OptionalUnlessRequiredId<T>[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface InsertBatcherOptions {
  /** The driver's options for every insert; a batch of several is always unordered (no caller's refusal stops another's). */
  write?: Omit<BulkWriteOptions, 'ordered'>;
  /** A refusal of one of a caller's documents that still counts as stored (e.g. a duplicate key where the key is the entry). */
  tolerate?: (error: unknown) => boolean;
}

/**
 * Under a class saving at once, every insert is a round trip over the store's socket, a command the store parses and a
 * journal flush it waits for, each costing CPU on both sides; the inserts of one turn share all of that. A caller is
 * answered when its own documents are stored (or refused), never before: the batch is sent with the write concern of
 * `write`, so a journaled insert answers after the journal has every document of the batch. Nothing waits for company:
 * the batch leaves at the end of the turn (setImmediate), so a lone insert is one command as before, one turn later.
 */
export class InsertBatcher<T extends Document> {
  private waiting: Waiting<T>[] = [];

  constructor(
    private readonly collection: Collection<T>,
    private readonly options: InsertBatcherOptions = {},
  ) {}

  insert(documents: OptionalUnlessRequiredId<T>[]): Promise<void> {
    if (documents.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      if (this.waiting.length === 0) setImmediate(() => void this.send());
      this.waiting.push({ documents, resolve, reject });
    });
  }

  private async send(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    const documents = batch.flatMap((caller) => caller.documents);
    const only = documents.length === 1 ? documents[0] : undefined;
    try {
      // One document goes as insertOne: the same insert command without the driver's bulk-write machinery.
      if (only) await this.collection.insertOne(only, this.options.write);
      else await this.collection.insertMany(documents, { ...this.options.write, ordered: false });
    } catch (error) {
      this.settleRefused(batch, error);
      return;
    }
    for (const caller of batch) caller.resolve();
  }

  /** Each caller hears of its own documents' refusals only; a refusal of the whole command reaches every caller. */
  private settleRefused(batch: Waiting<T>[], error: unknown): void {
    const perDocument = refusalsByIndex(error);
    if (!perDocument) {
      for (const caller of batch) {
        if (this.tolerated(error)) caller.resolve();
        else caller.reject(error);
      }
      return;
    }
    let first = 0;
    for (const caller of batch) {
      const own: unknown[] = [];
      for (let index = first; index < first + caller.documents.length; index++) {
        const refusal = perDocument.get(index);
        if (refusal !== undefined) own.push(refusal);
      }
      first += caller.documents.length;
      const untolerated = own.find((refusal) => !this.tolerated(refusal));
      if (untolerated === undefined) caller.resolve();
      else caller.reject(untolerated);
    }
  }

  private tolerated(error: unknown): boolean {
    return this.options.tolerate?.(error) ?? false;
  }
}

/**
 * The refusals of single documents in an unordered insert, by the document's place in the batch; undefined when the
 * command as a whole failed (a network error, a write concern it could not meet), which says nothing per document.
 */
function refusalsByIndex(error: unknown): Map<number, BatchedInsertError> | undefined {
  if (!(error instanceof MongoBulkWriteError)) return undefined;
  const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  if (writeErrors.length === 0 || error.result.getWriteConcernError()) return undefined;
  return new Map(writeErrors.map((refusal) => [refusal.index, new BatchedInsertError(refusal.errmsg ?? 'the store refused the document', refusal.code, refusal.errInfo)]));
}
