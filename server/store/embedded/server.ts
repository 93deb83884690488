// The wire server (Unix socket, or TCP on loopback for in-memory test stores): one framer per connection, each request run through the router, replies sent only once durable.
import { chmodSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { createServer, type Server, type Socket } from 'node:net';
import type { Catalog } from './catalog';
import type { CommandRouter } from './command-router';
import type { CursorRegistry } from './cursors';
import type { Document } from './documents';
import { ErrorCode } from './errors';
import type { StoreLogger } from './logger';
import type { Persistence } from './persistence';
import { sweepExpired } from './ttl';
import { MessageFramer, OP_QUERY, encodeOpMsg, encodeOpReply, parseMessage, type IncomingCommand } from './wire-protocol';

export interface ServerDeps {
  router: CommandRouter;
  catalog: Catalog;
  cursors: CursorRegistry;
  persistence: Persistence;
  logger: StoreLogger;
  ttlSweepIntervalMs: number;
}

const CURSOR_SWEEP_MS = 60_000;

export class WireServer {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly timers: NodeJS.Timeout[] = [];
  private nextConnectionId = 1;
  private movedSocket: string | undefined;

  constructor(private readonly deps: ServerDeps) {
    this.server = createServer((socket) => this.accept(socket));
  }

  listen(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        const address = this.server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    }).then((bound) => {
      this.startTimers();
      return bound as number;
    });
  }

  /**
   * Listens on a Unix socket only its owner may open (0600): no other user on the machine can reach the data.
   * Node binds a socket synchronously inside listen(), so a umask set around that call makes the socket private
   * from the moment it exists. A worker thread cannot change the umask: there the socket is bound in a new
   * private (0700) folder beside its place, made 0600, and only then renamed into place.
   */
  async listenOnSocket(path: string): Promise<void> {
    rmSync(path, { force: true }); // left by a store that was killed; the folder's lock says it is not in use
    if (canSetUmask()) {
      await this.listenAt(path, 0o177);
      chmodSync(path, 0o600);
    } else {
      const privateFolder = mkdtempSync(join(dirname(path), '.store-socket-'));
      try {
        const bound = join(privateFolder, basename(path));
        await this.listenAt(bound);
        chmodSync(bound, 0o600);
        renameSync(bound, path);
        // Node removes the socket at the path it was bound to when it closes; this one moved, so close removes it.
        this.movedSocket = path;
      } finally {
        rmSync(privateFolder, { recursive: true, force: true });
      }
    }
    this.startTimers();
  }

  /** Listens on `path`; with `umask`, that mask is in force exactly while the socket is bound. */
  private listenAt(path: string, umask?: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      const previousUmask = umask === undefined ? undefined : process.umask(umask);
      try {
        this.server.listen(path, () => {
          this.server.off('error', reject);
          resolve();
        });
      } finally {
        if (previousUmask !== undefined) process.umask(previousUmask);
      }
    });
  }

  private startTimers(): void {
    const { catalog, cursors, persistence, logger, ttlSweepIntervalMs } = this.deps;
    const ttl = setInterval(() => {
      const removed = sweepExpired(catalog);
      if (removed) {
        logger.debug({ removed }, 'embedded store removed expired documents');
        persistence.sync().catch((error: unknown) => logger.error({ err: error }, 'embedded store could not journal TTL removals'));
      }
    }, ttlSweepIntervalMs);
    const idleCursors = setInterval(() => cursors.sweep(), CURSOR_SWEEP_MS);
    for (const timer of [ttl, idleCursors]) {
      timer.unref();
      this.timers.push(timer);
    }
  }

  private accept(socket: Socket): void {
    const connectionId = this.nextConnectionId++;
    const framer = new MessageFramer();
    // Commands run the moment they arrive; this chain only keeps a connection's replies in request order.
    let replies: Promise<void> = Promise.resolve();
    this.sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', (error) => this.deps.logger.debug({ err: error, connectionId }, 'embedded store connection error'));
    // Replies still waiting for the journal; while there are none, a ready reply goes out at once (every read, most
    // of a request's commands) without a promise turn of its own.
    let waiting = 0;
    const send = (request: IncomingCommand, reply: Document) => {
      if (!request.moreToCome && !socket.destroyed) socket.write(this.encode(request, reply, connectionId));
    };
    socket.on('data', (chunk: Buffer) => {
      try {
        for (const message of framer.push(chunk)) {
          const request = parseMessage(message);
          const outcome = this.execute(request, connectionId);
          if (waiting === 0 && !(outcome instanceof Promise)) {
            send(request, outcome);
            continue;
          }
          waiting += 1;
          replies = replies.then(async () => {
            const reply = await outcome;
            waiting -= 1;
            send(request, reply);
          });
        }
      } catch (error) {
        this.deps.logger.warn({ err: error, connectionId }, 'embedded store closed a connection that sent an unreadable message');
        socket.destroy();
      }
    });
  }

  /** The reply's bytes; a reply too big to encode becomes MongoDB's BSONObjectTooLarge error instead of a crash. */
  private encode(request: IncomingCommand, reply: Document, connectionId: number): Buffer {
    const write = (doc: Document) => (request.opCode === OP_QUERY ? encodeOpReply(request.requestId, doc) : encodeOpMsg(request.requestId, doc));
    try {
      return write(reply);
    } catch (error) {
      this.deps.logger.warn({ err: error, connectionId }, 'embedded store could not encode a reply');
      const errmsg = `the reply could not be encoded: ${error instanceof Error ? error.message : String(error)}`;
      return write({ ok: 0, errmsg, code: ErrorCode.BSONObjectTooLarge, codeName: 'BSONObjectTooLarge' });
    }
  }

  /** The reply, at once when nothing waits for the journal, else once the journal has the write. */
  private execute(request: IncomingCommand, connectionId: number): Document | Promise<Document> {
    const { reply, wrote } = this.deps.router.run(request.command, request.db, connectionId);
    if (!wrote) return reply;
    if (!waitsForJournal(request)) {
      // As MongoDB answers a write that asks { j: false } or w: 0: once applied; the journal's next group commit (moments later) makes it durable.
      this.deps.persistence.sync().catch((error: unknown) => this.deps.logger.error({ err: error }, 'embedded store journal write failed'));
      return reply;
    }
    return this.durable(reply);
  }

  private async durable(reply: Document): Promise<Document> {
    try {
      await this.deps.persistence.sync();
      return reply;
    } catch (error) {
      this.deps.logger.error({ err: error }, 'embedded store journal write failed');
      const message = error instanceof Error ? error.message : String(error);
      return { ok: 0, errmsg: `the write could not be made durable: ${message}`, code: ErrorCode.InternalError, codeName: 'InternalError' };
    }
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
    if (this.movedSocket) rmSync(this.movedSocket, { force: true });
    this.deps.cursors.clear();
    await this.deps.persistence.close();
  }
}

/** Every write waits for the journal unless it asks not to (writeConcern j: false, or unacknowledged: w: 0). */
function waitsForJournal(request: IncomingCommand): boolean {
  if (request.moreToCome) return false;
  const concern = request.command.writeConcern as { j?: unknown; w?: unknown } | undefined;
  return concern?.j !== false && concern?.w !== 0;
}

/** Worker threads may not change the process's umask (process.umask(mask) throws there). */
function canSetUmask(): boolean {
  return isMainThread;
}
