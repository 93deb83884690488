// The pino-compatible logger the embedded store writes to, silent unless one is injected.
export interface StoreLogger {
  debug(object: object | string, message?: string): void;
  info(object: object | string, message?: string): void;
  warn(object: object | string, message?: string): void;
  error(object: object | string, message?: string): void;
}

const ignore = (): void => undefined;

export const silentLogger: StoreLogger = { debug: ignore, info: ignore, warn: ignore, error: ignore };
