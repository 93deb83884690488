// The refusals of a file upload, each naming the limit or the types allowed so the student knows what to change.
import { AppError } from '../../errors';
import { ALLOWED_EXTENSIONS } from './use-cases/file-types';

export class FileTooLargeError extends AppError {
  constructor(maxBytes: number) {
    const mb = Math.round(maxBytes / (1024 * 1024));
    super(413, 'file_too_large', `The file is larger than ${mb} MB, the most Playroute accepts. Hand in a link to a larger file instead.`, { maxBytes });
  }
}

export class FileTypeRefusedError extends AppError {
  constructor(reason: string) {
    super(415, 'file_type_not_allowed', `${reason} Allowed: ${ALLOWED_EXTENSIONS.join(', ')}.`, { allowedExtensions: ALLOWED_EXTENSIONS });
  }
}
