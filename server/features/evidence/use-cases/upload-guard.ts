// A pass-through stream that refuses a file once it grows past the limit or when its first bytes betray another type than declared.
import { Transform, type TransformCallback } from 'node:stream';
import { SIGNATURE_BYTES } from './file-types';
import { FileTooLargeError, FileTypeRefusedError } from '../errors';

export interface UploadGuardOptions {
  maxBytes: number;
  signature: (head: Buffer) => boolean;
  /** Checked on every chunk, e.g. that a text file holds no binary bytes anywhere. */
  everyChunk?: (chunk: Buffer) => boolean;
  mediaType: string;
}

export class UploadGuard extends Transform {
  private received = 0;
  private head: Buffer[] | undefined = [];

  constructor(private readonly options: UploadGuardOptions) {
    super();
  }

  get bytes(): number {
    return this.received;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.received += chunk.length;
    if (this.received > this.options.maxBytes) return done(new FileTooLargeError(this.options.maxBytes));
    if (this.options.everyChunk && !this.options.everyChunk(chunk)) return done(this.wrongType());
    if (!this.head) return done(null, chunk);
    // Hold the first bytes back until the signature can be checked, so nothing of a disguised file is written.
    this.head.push(chunk);
    if (this.received < SIGNATURE_BYTES) return done();
    this.releaseHead(done);
  }

  override _flush(done: TransformCallback): void {
    if (this.received === 0) return done(new FileTypeRefusedError('The file is empty.'));
    if (this.head) return this.releaseHead(done);
    done();
  }

  private releaseHead(done: TransformCallback): void {
    const head = Buffer.concat(this.head ?? []);
    this.head = undefined;
    if (!this.options.signature(head.subarray(0, SIGNATURE_BYTES))) {
      return done(this.wrongType());
    }
    done(null, head);
  }

  private wrongType(): FileTypeRefusedError {
    return new FileTypeRefusedError(`The file's contents are not ${this.options.mediaType}, as its type says.`);
  }
}
