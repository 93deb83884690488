// MongoDB's own error codes and the error type a command throws to answer { ok: 0, errmsg, code, codeName }.
import type { Document } from 'bson';

/** The server error codes the embedded store answers with, named as MongoDB names them. */
export const ErrorCode = {
  InternalError: 1,
  BadValue: 2,
  FailedToParse: 9,
  TypeMismatch: 14,
  PathNotViable: 28,
  IllegalOperation: 20,
  ConflictingUpdateOperators: 40,
  NamespaceNotFound: 26,
  IndexNotFound: 27,
  CursorNotFound: 43,
  NamespaceExists: 48,
  CommandNotFound: 59,
  ImmutableField: 66,
  InvalidOptions: 72,
  InvalidNamespace: 73,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  CommandNotSupported: 115,
  InvalidPipelineOperator: 168,
  BSONObjectTooLarge: 10334,
  DuplicateKey: 11000,
  Location40324: 40324,
} as const;

export type ErrorCodeName = keyof typeof ErrorCode;

/** A failure a command reports to the client; `extra` fields (keyPattern, keyValue) ride along in the reply. */
export class CommandError extends Error {
  readonly code: number;
  readonly codeName: ErrorCodeName;
  readonly extra: Document;

  constructor(codeName: ErrorCodeName, message: string, extra: Document = {}) {
    super(message);
    this.name = 'CommandError';
    this.codeName = codeName;
    this.code = ErrorCode[codeName];
    this.extra = extra;
  }

  /** The reply document MongoDB would send for this error. */
  toReply(): Document {
    return { ok: 0, errmsg: this.message, code: this.code, codeName: this.codeName, ...this.extra };
  }

  /** The writeErrors[] entry for this error at position `index` of a batch. */
  toWriteError(index: number): Document {
    return { index, code: this.code, errmsg: this.message, ...this.extra };
  }
}

/**
 * Turns an exception from mingo (unknown operator, bad argument) into MongoDB's shape,
 * so an unsupported operator is reported by name instead of answering wrongly.
 */
export function fromQueryEngineError(error: unknown): CommandError {
  if (error instanceof CommandError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/unknown query operator|unknown operator/i.test(message)) {
    return new CommandError('BadValue', `unknown operator (not supported by the embedded store): ${operatorIn(message)}`);
  }
  if (/immutable field/i.test(message)) return new CommandError('ImmutableField', message);
  if (/would create a conflict/i.test(message)) return new CommandError('ConflictingUpdateOperators', message);
  if (/Unknown update operator/i.test(message)) {
    return new CommandError('FailedToParse', `Unknown modifier: ${operatorIn(message)}. Expected a valid update modifier or pipeline-style update specified as an array`);
  }
  if (/pipeline operator|pipeline stage/i.test(message)) {
    return new CommandError('Location40324', `Unrecognized pipeline stage name: '${operatorIn(message)}'`);
  }
  if (/operator/i.test(message)) {
    return new CommandError('InvalidPipelineOperator', `Unrecognized expression or operator '${operatorIn(message)}' (${message})`);
  }
  return new CommandError('BadValue', message);
}

function operatorIn(message: string): string {
  return /\$[A-Za-z0-9_]+/.exec(message)?.[0] ?? message;
}
