// Publishes a running durable store's address in its data folder, so a CLI can reach the store that holds the folder's lock.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ADDRESS_FILE = 'embedded-store.uri';
// Written by lock-file.ts; read here only to see whether its owner still runs.
const LOCK_FILE = 'embedded-store.lock';

/** Writes DATA_DIR/embedded-store.uri; the returned function removes it again (call it before closing). */
export function publishStoreAddress(dataDir: string, uri: string): () => void {
  const path = join(dataDir, ADDRESS_FILE);
  writeFileSync(path, `${uri}\n`, { mode: 0o600 });
  return () => rmSync(path, { force: true });
}

/** The address of the store running on this folder, or undefined when no live process holds its lock. */
export function runningStoreAddress(dataDir: string): string | undefined {
  const owner = Number(readText(join(dataDir, LOCK_FILE)));
  if (!Number.isInteger(owner) || owner <= 0 || !isRunning(owner)) return undefined;
  const uri = readText(join(dataDir, ADDRESS_FILE));
  return uri?.startsWith('mongodb://') ? uri : undefined;
}

/** True when a live process holds the folder's lock (its address may not be published yet). */
export function dataDirLockedByLiveProcess(dataDir: string): boolean {
  const owner = Number(readText(join(dataDir, LOCK_FILE)));
  return Number.isInteger(owner) && owner > 0 && isRunning(owner);
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
