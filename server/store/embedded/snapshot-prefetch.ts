// A snapshot read started before the store's modules load (store-thread.ts), taken by the load (persistence.ts)
// once it holds the folder's lock. Light on purpose: it must not import the store's modules it runs beside.
import { open, type FileHandle } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The snapshot's file name in a data folder (snapshot.ts writes it). */
export const SNAPSHOT_FILE = 'snapshot.bson';

interface Prefetched {
  data: Buffer;
  /**
   * The file read, kept open until the load takes its bytes: while it is open its inode cannot go to another file,
   * so the same device and inode at the path then is this very file.
   */
  handle: FileHandle;
  dev: number;
  ino: number;
}

const reads = new Map<string, Promise<Prefetched | undefined>>();

/** Starts reading `dir`'s snapshot, if it has one; nothing is locked or changed. */
export function prefetchSnapshot(dir: string): void {
  const path = join(resolve(dir), SNAPSHOT_FILE);
  if (reads.has(path)) return;
  const read = (async (): Promise<Prefetched | undefined> => {
    const handle = await open(path, 'r');
    try {
      const { dev, ino, size } = await handle.stat();
      const data = Buffer.allocUnsafe(size);
      for (let at = 0; at < size; ) {
        const { bytesRead } = await handle.read(data, at, size - at, at);
        if (bytesRead === 0) throw new Error(`${path} ended early`);
        at += bytesRead;
      }
      return { data, handle, dev, ino };
    } catch (error) {
      await handle.close();
      throw error;
    }
  })().catch(() => undefined);
  reads.set(path, read);
}

/**
 * The prefetched bytes of `dir`'s snapshot when they are those of the file there now, else undefined (none was
 * started, it failed, or another file took its place since). Called with the folder locked (or to let go of a
 * read a start no longer needs): only the lock's holder replaces the snapshot, and a snapshot file is never
 * written in place (a new one is renamed over it), so the file read, if it is still the one there, is unchanged.
 */
export async function takePrefetchedSnapshot(dir: string): Promise<Buffer | undefined> {
  const path = join(resolve(dir), SNAPSHOT_FILE);
  const read = reads.get(path);
  if (!read) return undefined;
  reads.delete(path);
  const prefetched = await read;
  if (!prefetched) return undefined;
  try {
    const now = statSync(path);
    return now.dev === prefetched.dev && now.ino === prefetched.ino ? prefetched.data : undefined;
  } catch {
    return undefined;
  } finally {
    await prefetched.handle.close();
  }
}
