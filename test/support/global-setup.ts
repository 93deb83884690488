// Builds the client if needed and starts one in-memory embedded store for the whole test run, unless
// MONGODB_URI points the suite at a real MongoDB; test files read the address with inject('mongoUri').
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureClientBuilt } from '../../server/cli/client-build';
import { startEmbeddedMongo, type EmbeddedMongo } from '../../server/store/embedded/index';

let embedded: EmbeddedMongo | undefined;
let socketDir: string | undefined;

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
    /** 'mongodb' when MONGODB_URI points the run at a real MongoDB, for the few tests of embedded-only behaviour. */
    storeKind: 'embedded' | 'mongodb';
  }
}

export async function setup(project: TestProject): Promise<void> {
  // The browser tests open the real client; build it once, before any test file runs.
  ensureClientBuilt({ quiet: true });
  const external = process.env.MONGODB_URI;
  if (external) {
    project.provide('mongoUri', external);
    project.provide('storeKind', 'mongodb');
    return;
  }
  // The run's store listens on a Unix socket (0600) in a private folder, as Playroute's own store does.
  socketDir = mkdtempSync(join(tmpdir(), 'playroute-test-store-'));
  embedded = await startEmbeddedMongo({ socketDir });
  project.provide('mongoUri', embedded.uri);
  project.provide('storeKind', 'embedded');
}

export async function teardown(): Promise<void> {
  await embedded?.close();
  if (socketDir) rmSync(socketDir, { recursive: true, force: true });
}
