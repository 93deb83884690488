// The store's own thread: serves the store as startEmbeddedMongo asked (workerData), reports ready or failed, sends its
// log lines to the app's logger (a pino logger cannot cross threads) and closes on request, journal first.
import { parentPort, workerData } from 'node:worker_threads';
import type { StoreLogger } from './logger';
import type { ServeOptions, ServedStore } from './serve';
import { prefetchSnapshot } from './snapshot-prefetch';
import { plainError, plainLogObject, type FromStoreThread, type ToStoreThread } from './thread-messages';
import { listenForProfileRequests } from './thread-profiler';

const options = workerData as ServeOptions;
// The snapshot is read on libuv's pool while this thread loads the store's modules (mingo, bson, the commands),
// which is why those come by a dynamic import below: static imports would all load before this line runs.
if (options.dataDir) prefetchSnapshot(options.dataDir);

const port = parentPort;
if (!port) throw new Error('store-thread.ts runs only as a worker thread started by startEmbeddedMongo');

const send = (message: FromStoreThread): void => port.postMessage(message);

function line(level: 'debug' | 'info' | 'warn' | 'error'): StoreLogger['info'] {
  return (object, message) => {
    try {
      send({ kind: 'log', level, object: plainLogObject(object), message });
    } catch {
      // A value that cannot be copied to the app's thread: the line still arrives, without its details.
      send({ kind: 'log', level, object: {}, message });
    }
  };
}
const logger: StoreLogger = { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };

let store: ServedStore | undefined;
port.on('message', (message: ToStoreThread) => {
  if (message.kind !== 'close') return;
  const closing = store ? store.close() : Promise.resolve();
  closing.then(
    () => {
      send({ kind: 'closed' });
      port.close();
    },
    (error: unknown) => send({ kind: 'close-failed', error: plainError(error) }),
  );
});

listenForProfileRequests();

try {
  const { serveStore } = await import('./serve');
  store = await serveStore(options, logger);
  send({ kind: 'ready', uri: store.uri, port: store.port, socketPath: store.socketPath });
} catch (error) {
  send({ kind: 'failed', error: plainError(error) });
  port.close();
}
