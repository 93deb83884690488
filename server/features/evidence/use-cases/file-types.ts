// The kinds of file a student may hand in as evidence, each recognised by its declared type, its extension and, where cheap, its first bytes.

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** How many leading bytes the signature checks need. */
export const SIGNATURE_BYTES = 12;

type Signature = (head: Buffer) => boolean;

const startsWith = (...bytes: number[]): Signature => (head) => bytes.every((b, i) => head[i] === b);
const ascii = (text: string, offset = 0): Signature => (head) => head.subarray(offset, offset + text.length).toString('latin1') === text;
const anyOf = (...checks: Signature[]): Signature => (head) => checks.some((check) => check(head));

const zip = anyOf(startsWith(0x50, 0x4b, 0x03, 0x04), startsWith(0x50, 0x4b, 0x05, 0x06));
const ole = startsWith(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
const isoMedia = ascii('ftyp', 4);
// Plain text has no signature; a NUL byte betrays a binary file (the test git and file(1) use too).
const noNul: Signature = (bytes) => !bytes.includes(0);

interface AllowedType {
  extensions: string[];
  signature: Signature;
  /** A check every chunk must pass, for types whose first bytes prove nothing about the rest (plain text). */
  everyChunk?: (chunk: Buffer) => boolean;
}

const ALLOWED: Record<string, AllowedType> = {
  'application/pdf': { extensions: ['pdf'], signature: ascii('%PDF-') },
  'image/png': { extensions: ['png'], signature: startsWith(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) },
  'image/jpeg': { extensions: ['jpg', 'jpeg'], signature: startsWith(0xff, 0xd8, 0xff) },
  'image/gif': { extensions: ['gif'], signature: anyOf(ascii('GIF87a'), ascii('GIF89a')) },
  'image/webp': { extensions: ['webp'], signature: (head) => ascii('RIFF')(head) && ascii('WEBP', 8)(head) },
  'application/zip': { extensions: ['zip'], signature: zip },
  'application/x-zip-compressed': { extensions: ['zip'], signature: zip },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { extensions: ['docx'], signature: zip },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { extensions: ['xlsx'], signature: zip },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { extensions: ['pptx'], signature: zip },
  'application/vnd.oasis.opendocument.text': { extensions: ['odt'], signature: zip },
  'application/vnd.oasis.opendocument.spreadsheet': { extensions: ['ods'], signature: zip },
  'application/vnd.oasis.opendocument.presentation': { extensions: ['odp'], signature: zip },
  'application/msword': { extensions: ['doc'], signature: ole },
  'application/vnd.ms-excel': { extensions: ['xls'], signature: ole },
  'application/vnd.ms-powerpoint': { extensions: ['ppt'], signature: ole },
  'video/mp4': { extensions: ['mp4', 'm4v'], signature: isoMedia },
  'video/quicktime': { extensions: ['mov'], signature: isoMedia },
  'video/webm': { extensions: ['webm'], signature: startsWith(0x1a, 0x45, 0xdf, 0xa3) },
  'audio/mpeg': { extensions: ['mp3'], signature: anyOf(ascii('ID3'), (head) => head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0) },
  'audio/mp4': { extensions: ['m4a'], signature: isoMedia },
  'text/plain': { extensions: ['txt'], signature: noNul, everyChunk: noNul },
};

export const ALLOWED_EXTENSIONS = [...new Set(Object.values(ALLOWED).flatMap((t) => t.extensions))].sort();

/** The media type without parameters, lower case: "Text/Plain; charset=utf-8" → "text/plain". */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** The allowed type for a declared media type and file name, or undefined when either is not allowed or they disagree. */
export function allowedType(mediaType: string, filename: string): AllowedType | undefined {
  const type = ALLOWED[mediaType];
  const extension = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  return type && extension && type.extensions.includes(extension) ? type : undefined;
}
