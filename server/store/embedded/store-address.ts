// Publishes a running durable store's address in its data folder, so a CLI can reach the store that holds the folder's lock.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { liveLockOwner } from './lock-file';

const ADDRESS_FILE = 'embedded-store.uri';

/** Writes DATA_DIR/embedded-store.uri; the returned function removes it again (call it before closing). */
export function publishStoreAddress(dataDir: string, uri: string): () => void {
  const path = join(dataDir, ADDRESS_FILE);
  writeFileSync(path, `${uri}\n`, { mode: 0o600 });
  return () => rmSync(path, { force: true });
}

/** The address of the store running on this folder, or undefined when no live process holds its lock. */
export function runningStoreAddress(dataDir: string): string | undefined {
  if (!dataDirLockedByLiveProcess(dataDir)) return undefined;
  const uri = readText(join(dataDir, ADDRESS_FILE));
  return uri?.startsWith('mongodb://') ? uri : undefined;
}

/** True when a live process holds the folder's lock (its address may not be published yet). */
export function dataDirLockedByLiveProcess(dataDir: string): boolean {
  return liveLockOwner(dataDir) !== undefined;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
}
