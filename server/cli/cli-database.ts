// Shared plumbing of the admin commands: options checked with zod, the database reached as the server reaches it, plain one-line errors.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import type { z } from 'zod';
import { ConfigError, loadConfig, type Config } from '../config';
import { createLogger, type Logger } from '../logger';
import { openDatabase, type Database } from '../store/database';
import { dataDirLockedByLiveProcess, runningStoreAddress } from '../store/embedded/store-address';

/** Bad command-line input: printed as one line, exit code 2. */
export class UsageError extends Error {}

type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Parses `--name value` options strictly and validates them; keys of the schema are the option names. */
export function parseOptions<T>(argv: string[], options: OptionSpec, schema: z.ZodType<T>): T {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path[0];
    throw new UsageError(`${name === undefined ? 'options' : `--${String(name)}`} ${issue?.message ?? 'is invalid'}`);
  }
  return parsed.data;
}

// `npm start` may still be opening the folder: its address appears right after its store listens.
const ADDRESS_WAIT_MS = 10_000;

/** MONGODB_URI when set; else the embedded store of a running Playroute on DATA_DIR; else the data folder opened here. */
export async function openCliDatabase(config: Config, logger: Logger): Promise<Database> {
  if (config.mongodbUri) return openDatabase({ mongodbUri: config.mongodbUri, dataDir: config.dataDir, logger });
  const deadline = Date.now() + ADDRESS_WAIT_MS;
  while (dataDirLockedByLiveProcess(config.dataDir)) {
    const uri = runningStoreAddress(config.dataDir);
    if (uri) return openDatabase({ mongodbUri: uri, dataDir: config.dataDir, logger });
    if (Date.now() > deadline) {
      throw new Error(`the data folder ${config.dataDir} is locked by a running process that has not published its store address (${config.dataDir}/embedded-store.uri); stop it or try again`);
    }
    await sleep(200);
  }
  return openDatabase({ mongodbUri: undefined, dataDir: config.dataDir, logger });
}

export interface CliContext {
  config: Config;
  logger: Logger;
}

/** Runs a command: config errors exit 78, usage errors 2, anything else 1; each as one line on stderr. */
export async function runCli(command: string, main: (ctx: CliContext) => Promise<void>): Promise<void> {
  try {
    const config = loadConfig();
    // Only warnings and worse, on stderr, so stdout stays the command's own answer.
    const logger = createLogger({ level: config.logLevel === 'silent' ? 'silent' : 'warn', destination: process.stderr });
    await main({ config, logger });
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${command}: ${err.message}`);
      process.exitCode = 2;
    } else if (err instanceof ConfigError) {
      console.error(`${command}: cannot start: ${err.problems.join('; ')}`);
      process.exitCode = 78;
    } else {
      console.error(`${command}: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    }
  }
}
