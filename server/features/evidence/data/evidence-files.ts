// Evidence files in GridFS: streamed in and out, tagged with who and where they belong to, removed whole when an upload fails.
import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import mongoose, { type Connection } from 'mongoose';

export const EVIDENCE_BUCKET = 'evidence';

/** Stored on each file so a download is checked against the file itself, not against the URL that named it. */
export interface EvidenceFileMetadata {
  platformId: string;
  deploymentId: string;
  contextId: string;
  resourceLinkId: string;
  playbookId: string;
  outcomeId: string;
  studentId: string;
  attemptId: string;
  contentType: string;
}

export interface EvidenceFileInfo {
  fileId: string;
  filename: string;
  length: number;
  metadata: EvidenceFileMetadata;
}

export interface SaveFileProps {
  source: Readable;
  /** Checks the bytes on their way in; its error aborts the upload. */
  guard: Transform;
  filename: string;
  metadata: EvidenceFileMetadata;
}

export interface EvidenceFiles {
  /** Streams the source into a new file; on any failure the partly written chunks are removed and the error rethrown. */
  save(props: SaveFileProps): Promise<EvidenceFileInfo>;
  find(fileId: string): Promise<EvidenceFileInfo | undefined>;
  open(fileId: string): Readable;
  remove(fileId: string): Promise<void>;
  setAttempt(fileId: string, attemptId: string): Promise<void>;
}

interface FilesDocument {
  _id: mongoose.mongo.ObjectId;
  filename: string;
  length: number;
  metadata: EvidenceFileMetadata;
}

export function createEvidenceFiles(connection: Connection): EvidenceFiles {
  const db = () => {
    if (!connection.db) throw new Error('the database connection is not open');
    return connection.db;
  };
  const bucket = () => new mongoose.mongo.GridFSBucket(db(), { bucketName: EVIDENCE_BUCKET });
  const filesCollection = () => db().collection<FilesDocument>(`${EVIDENCE_BUCKET}.files`);

  return {
    async save({ source, guard, filename, metadata }) {
      const upload = bucket().openUploadStream(filename, { metadata });
      // The request is piped by hand rather than through pipeline(): on a refusal it must stay open, so the
      // client still reads the 413/415 answer instead of a reset connection.
      const aborted = () => guard.destroy(new Error('the upload was interrupted'));
      source.on('aborted', aborted);
      source.on('error', aborted);
      source.pipe(guard);
      try {
        await pipeline(guard, upload);
      } catch (error) {
        source.unpipe(guard);
        // Chunks already written are deleted; the files document is only written at the end, so none exists.
        await upload.abort().catch(() => undefined);
        throw error;
      } finally {
        source.off('aborted', aborted);
        source.off('error', aborted);
      }
      return { fileId: upload.id.toString(), filename, length: upload.length, metadata };
    },

    async find(fileId) {
      if (!mongoose.mongo.ObjectId.isValid(fileId)) return undefined;
      const doc = await filesCollection().findOne({ _id: new mongoose.mongo.ObjectId(fileId) });
      return doc ? { fileId, filename: doc.filename, length: doc.length, metadata: doc.metadata } : undefined;
    },

    open: (fileId) => bucket().openDownloadStream(new mongoose.mongo.ObjectId(fileId)),

    async remove(fileId) {
      await bucket().delete(new mongoose.mongo.ObjectId(fileId));
    },

    async setAttempt(fileId, attemptId) {
      await filesCollection().updateOne({ _id: new mongoose.mongo.ObjectId(fileId) }, { $set: { 'metadata.attemptId': attemptId } });
    },
  };
}
