// Finds the handler for a command by its first field and turns every failure into MongoDB's { ok: 0 } reply.
import type { Catalog } from './catalog';
import { aggregateCommands } from './commands/aggregate';
import { catalogCommands } from './commands/catalog-commands';
import type { CommandHandler } from './commands/context';
import { findAndModifyCommands } from './commands/find-and-modify';
import { handshakeCommands } from './commands/handshake';
import { readCommands } from './commands/read-commands';
import { writeCommands } from './commands/write-commands';
import type { CursorRegistry } from './cursors';
import type { Document } from './documents';
import { CommandError, ErrorCode } from './errors';
import type { StoreLogger } from './logger';

const handlers: Record<string, CommandHandler> = {
  ...handshakeCommands,
  ...catalogCommands,
  ...writeCommands,
  ...readCommands,
  ...findAndModifyCommands,
  ...aggregateCommands,
};

/** The command names the embedded store answers; anything else is CommandNotFound. */
export const supportedCommands = Object.keys(handlers);

export interface RouterDeps {
  catalog: Catalog;
  cursors: CursorRegistry;
  logger: StoreLogger;
}

export interface CommandResult {
  reply: Document;
  /** True when the command changed data, so the reply must wait until the journal has it on disk. */
  wrote: boolean;
}

export class CommandRouter {
  constructor(private readonly deps: RouterDeps) {}

  /** Runs one command to completion synchronously, which makes it atomic with respect to all others. */
  run(command: Document, db: string, connectionId: number): CommandResult {
    const name = Object.keys(command)[0] ?? '';
    const before = this.deps.catalog.changeCount;
    try {
      if (command.txnNumber !== undefined || command.startTransaction !== undefined || command.autocommit !== undefined) {
        throw new CommandError('IllegalOperation', 'Transaction numbers are only allowed on a replica set member or mongos; the embedded store is a standalone server without transactions');
      }
      const handler = Object.hasOwn(handlers, name) ? handlers[name] : undefined;
      if (!handler) {
        throw new CommandError('CommandNotFound', `no such command: '${name}' (not supported by the embedded store)`);
      }
      const reply = handler(command, { db, connectionId, catalog: this.deps.catalog, cursors: this.deps.cursors, logger: this.deps.logger });
      return { reply, wrote: this.deps.catalog.changeCount !== before };
    } catch (error) {
      const wrote = this.deps.catalog.changeCount !== before;
      if (error instanceof CommandError) return { reply: error.toReply(), wrote };
      this.deps.logger.error({ err: error, command: name }, 'embedded store command failed');
      const message = error instanceof Error ? error.message : String(error);
      return { reply: { ok: 0, errmsg: message, code: ErrorCode.InternalError, codeName: 'InternalError' }, wrote };
    }
  }
}
