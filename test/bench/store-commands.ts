// Counts the store commands a step sends, through the MongoDB driver's command monitoring (the connection must
// be opened with monitorCommands: true): how many, which, and how many of them were writes the store made durable.
import type { CommandStartedEvent, CommandSucceededEvent, MongoClient } from 'mongodb';

/**
 * A "synced write" is a write command whose reply says it changed data and that did not ask to be answered before
 * the journal has it (writeConcern j: false or w: 0, see waitsForJournal below). The embedded store journals (fsyncs)
 * before it answers exactly those; a write that matched and changed nothing (an upsert with the same values, a
 * duplicate-key refusal) is answered at once, with nothing to make durable, and so is a j: false write (made durable
 * by the journal's next group commit, moments later). findAndModify replies do not say whether the update changed
 * the document, so one that found or upserted a document counts as a synced write.
 */
export function changedData(commandName: string, reply: Record<string, unknown>): boolean {
  const n = Number(reply.n ?? 0);
  switch (commandName) {
    case 'insert':
    case 'delete':
      return n > 0;
    case 'update':
      return Number(reply.nModified ?? 0) > 0 || (Array.isArray(reply.upserted) && reply.upserted.length > 0);
    case 'findAndModify':
      return Number((reply.lastErrorObject as { n?: number } | undefined)?.n ?? 0) > 0;
    case 'createIndexes':
    case 'dropIndexes':
    case 'create':
    case 'drop':
      return true;
    default:
      return false;
  }
}

/** False for a write that asks to be answered once applied, not once journaled: MongoDB's { j: false } or w: 0. */
export function waitsForJournal(command: Record<string, unknown>): boolean {
  const concern = command.writeConcern as { j?: unknown; w?: unknown } | undefined;
  return concern?.j !== false && concern?.w !== 0;
}

const WRITE_COMMANDS = new Set(['insert', 'update', 'delete', 'findAndModify', 'createIndexes', 'dropIndexes', 'create', 'drop']);
// Connection housekeeping, not work a launch asks for.
const HOUSEKEEPING = new Set(['hello', 'isMaster', 'ismaster', 'ping', 'endSessions', 'saslStart', 'saslContinue', 'buildInfo', 'getMore', 'killCursors']);

export interface PhaseTally {
  commands: number;
  writes: number;
  syncedWrites: number;
  /** e.g. "findAndModify lti_login_states" → count */
  byCommand: Map<string, number>;
}

/** Attributes every command a client sends to the phase that is current when it starts; run the phases one at a time. */
export class StoreCommandCounter {
  phase: string | undefined;
  readonly phases = new Map<string, PhaseTally>();
  private readonly started = new Map<number, { phase: string; name: string; journaled: boolean }>();

  constructor(clients: MongoClient[]) {
    for (const client of clients) {
      client.on('commandStarted', (event: CommandStartedEvent) => this.onStarted(event));
      client.on('commandSucceeded', (event: CommandSucceededEvent) => this.onSucceeded(event));
    }
  }

  private tally(phase: string): PhaseTally {
    let tally = this.phases.get(phase);
    if (!tally) this.phases.set(phase, (tally = { commands: 0, writes: 0, syncedWrites: 0, byCommand: new Map() }));
    return tally;
  }

  private onStarted(event: CommandStartedEvent): void {
    if (!this.phase || HOUSEKEEPING.has(event.commandName)) return;
    const tally = this.tally(this.phase);
    tally.commands += 1;
    if (WRITE_COMMANDS.has(event.commandName)) tally.writes += 1;
    const target = event.command[event.commandName];
    const label = `${event.commandName} ${typeof target === 'string' ? target : ''}`.trim();
    tally.byCommand.set(label, (tally.byCommand.get(label) ?? 0) + 1);
    this.started.set(event.requestId, { phase: this.phase, name: event.commandName, journaled: waitsForJournal(event.command) });
  }

  private onSucceeded(event: CommandSucceededEvent): void {
    const started = this.started.get(event.requestId);
    if (!started) return;
    this.started.delete(event.requestId);
    if (started.journaled && changedData(started.name, event.reply as Record<string, unknown>)) this.tally(started.phase).syncedWrites += 1;
  }
}
