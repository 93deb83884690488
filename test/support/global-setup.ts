// Builds the client if needed and starts one in-memory embedded store for the whole test run, unless
// MONGODB_URI points the suite at a real MongoDB; test files read the address with inject('mongoUri').
import type { TestProject } from 'vitest/node';
import { ensureClientBuilt } from '../../server/cli/client-build';
import { startEmbeddedMongo, type EmbeddedMongo } from '../../server/store/embedded/index';

let embedded: EmbeddedMongo | undefined;

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
  }
}

export async function setup(project: TestProject): Promise<void> {
  // The browser tests open the real client; build it once, before any test file runs.
  ensureClientBuilt({ quiet: true });
  const external = process.env.MONGODB_URI;
  if (external) {
    project.provide('mongoUri', external);
    return;
  }
  embedded = await startEmbeddedMongo({});
  project.provide('mongoUri', embedded.uri);
}

export async function teardown(): Promise<void> {
  await embedded?.close();
}
