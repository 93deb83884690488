// A lock file holding the owner's process id, so two servers never open the same data folder.
import { openSync, readFileSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'embedded-store.lock';

export interface DataDirLock {
  release(): void;
}

/** Takes the folder's lock; a lock left by a process that no longer runs (kill -9) is taken over. */
export function lockDataDir(dir: string): DataDirLock {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return { release: () => releaseIfOurs(path) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(path);
    if (owner !== undefined && isRunning(owner)) {
      throw new Error(`The data folder ${dir} is already in use by another embedded MongoDB store (process ${owner}); stop it or choose another folder. Lock file: ${path}`);
    }
    try {
      unlinkSync(path);
    } catch {
      // Another starter removed it first; the next attempt decides who wins.
    }
  }
  throw new Error(`Could not lock the data folder ${dir} (lock file ${path})`);
}

/** The process id of a live process holding the folder's lock, if any. */
export function liveLockOwner(dir: string): number | undefined {
  const owner = readOwner(join(dir, LOCK_FILE));
  return owner !== undefined && isRunning(owner) ? owner : undefined;
}

function readOwner(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
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

function releaseIfOurs(path: string): void {
  if (readOwner(path) === process.pid) unlinkSync(path);
}
