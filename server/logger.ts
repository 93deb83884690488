// Structured JSON logs (pino), with the secrets an LTI tool handles redacted wherever they appear.
import pino, { type Logger } from 'pino';
import type { LogLevel } from './config';

export type { Logger };

/** Paths whose values never reach a log line: tokens, keys, assertions, cookies. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.id_token',
  '*.client_assertion',
  '*.access_token',
  '*.registration_token',
  '*.privateKey',
  '*.encryptionKey',
  '*.ltiEncryptionKey',
  '*.password',
  'config.mongodbUri',
];

export function createLogger(options: { level: LogLevel; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'playroute' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}
