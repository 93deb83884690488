// What the app's thread and the store's thread say to each other; errors and log objects travel as plain data.

export interface PlainError {
  name: string;
  message: string;
  stack?: string;
  code?: unknown;
}

export type FromStoreThread =
  | { kind: 'ready'; uri: string; port: number | undefined; socketPath: string | undefined }
  | { kind: 'failed'; error: PlainError }
  | { kind: 'log'; level: 'debug' | 'info' | 'warn' | 'error'; object: object | string; message?: string }
  | { kind: 'closed' }
  | { kind: 'close-failed'; error: PlainError };

export type ToStoreThread = { kind: 'close' };

export function plainError(error: unknown): PlainError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const code = (error as NodeJS.ErrnoException).code;
  return { name: error.name, message: error.message, stack: error.stack, ...(code !== undefined ? { code } : {}) };
}

/** An error rebuilt on the app's side, with the store thread's stack. */
export function rebuiltError(plain: PlainError): Error {
  const error = new Error(plain.message);
  error.name = plain.name;
  if (plain.stack) error.stack = plain.stack;
  if (plain.code !== undefined) (error as NodeJS.ErrnoException).code = plain.code as string;
  return error;
}

/** A log object as data: errors become { type, message, stack } as pino's serializer shows them, the rest stays. */
export function plainLogObject(object: object | string): object | string {
  if (typeof object === 'string') return object;
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    if (value instanceof Error) {
      const { name, message, stack, code } = plainError(value);
      plain[key] = { type: name, message, stack, ...(code !== undefined ? { code } : {}) };
    } else if (typeof value === 'function' || typeof value === 'symbol') {
      continue;
    } else {
      plain[key] = value;
    }
  }
  return plain;
}
