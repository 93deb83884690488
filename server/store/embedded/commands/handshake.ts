// Connection and server-information commands drivers send on connect and while monitoring.
import { CommandError } from '../errors';
import type { CommandHandler } from './context';

/** Fields that let a test (or a person) tell the embedded store from a real mongod. */
export const EMBEDDED_MARKER = { playrouteEmbedded: true } as const;

const VERSION = '7.0.0';

// Wire version 21 is MongoDB 7.0: inside the range of the project's driver (9–29) and ltijs's older one (6–21).
const serverLimits = {
  maxBsonObjectSize: 16 * 1024 * 1024,
  maxMessageSizeBytes: 48_000_000,
  maxWriteBatchSize: 100_000,
  minWireVersion: 0,
  maxWireVersion: 21,
  // Advertised so drivers attach implicit sessions as with a real standalone; sessions carry no state here.
  logicalSessionTimeoutMinutes: 30,
  readOnly: false,
};

const hello: CommandHandler = (command, context) => ({
  // Legacy isMaster answers with `ismaster`; hello with `isWritablePrimary`.
  ...('hello' in command ? { isWritablePrimary: true } : { ismaster: true }),
  helloOk: true,
  ...serverLimits,
  localTime: new Date(),
  connectionId: context.connectionId,
  ...EMBEDDED_MARKER,
  ok: 1,
});

const buildInfo: CommandHandler = () => ({
  version: VERSION,
  gitVersion: 'playroute-embedded',
  versionArray: [7, 0, 0, 0],
  bits: 64,
  debug: false,
  maxBsonObjectSize: serverLimits.maxBsonObjectSize,
  modules: [],
  storageEngines: ['playroute-embedded'],
  ...EMBEDDED_MARKER,
  ok: 1,
});

const getParameter: CommandHandler = (command) => {
  const known: Record<string, unknown> = { featureCompatibilityVersion: { version: '7.0' }, authenticationMechanisms: [] };
  const reply: Record<string, unknown> = { ok: 1 };
  const wantsAll = command.getParameter === '*' || (typeof command.getParameter === 'object' && command.getParameter !== null && 'allParameters' in command.getParameter);
  for (const [name, value] of Object.entries(known)) {
    if (wantsAll || name in command) reply[name] = value;
  }
  return reply;
};

const refuseTransactions: CommandHandler = (command) => {
  throw new CommandError('IllegalOperation', `${Object.keys(command)[0]}: transactions are not supported by the embedded store (a standalone server)`);
};

export const handshakeCommands: Record<string, CommandHandler> = {
  hello,
  isMaster: hello,
  ismaster: hello,
  ping: () => ({ ok: 1 }),
  buildInfo,
  buildinfo: buildInfo,
  getParameter,
  endSessions: () => ({ ok: 1 }),
  killSessions: () => ({ ok: 1 }),
  connectionStatus: () => ({ authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] }, ok: 1 }),
  whatsmyuri: (_command, context) => ({ you: `connection ${context.connectionId}`, ok: 1 }),
  getLog: () => ({ totalLinesWritten: 0, log: [], ok: 1 }),
  commitTransaction: refuseTransactions,
  abortTransaction: refuseTransactions,
};
