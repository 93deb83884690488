// Benches only: a CPU profile of the store's own thread, started and stopped by the app's side over a named
// BroadcastChannel (the bench cannot reach the Worker object startEmbeddedMongo keeps). Off unless the process was
// started with PLAYROUTE_STORE_PROFILE_CHANNEL set, so a production store never listens for it.
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { BroadcastChannel } from 'node:worker_threads';

export const STORE_PROFILE_CHANNEL_ENV = 'PLAYROUTE_STORE_PROFILE_CHANNEL';

export type ToStoreProfiler = { kind: 'profile-start' } | { kind: 'profile-stop'; file: string };
export type FromStoreProfiler = { kind: 'profiling' } | { kind: 'profiled'; file: string; cpuMs: number } | { kind: 'profile-failed'; message: string };

/** Listens for profile requests when the environment names a channel; answers on the same channel. */
export function listenForProfileRequests(): void {
  const name = process.env[STORE_PROFILE_CHANNEL_ENV];
  if (!name) return;
  const channel = new BroadcastChannel(name);
  channel.unref();
  const session = new Session();
  let startedCpu = 0;
  channel.onmessage = (event) => {
    const message = (event as { data: ToStoreProfiler | FromStoreProfiler }).data;
    const answer = (reply: FromStoreProfiler) => channel.postMessage(reply);
    void (async () => {
      if (message.kind === 'profile-start') {
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: 200 });
        await session.post('Profiler.start');
        startedCpu = performance.eventLoopUtilization().active;
        answer({ kind: 'profiling' });
      } else if (message.kind === 'profile-stop') {
        const { profile } = await session.post('Profiler.stop');
        writeFileSync(message.file, JSON.stringify(profile));
        session.disconnect();
        // The thread's busy time (event loop utilisation), the nearest a worker gets to its own CPU time on Node 20.
        answer({ kind: 'profiled', file: message.file, cpuMs: performance.eventLoopUtilization().active - startedCpu });
      }
    })().catch((error: unknown) => answer({ kind: 'profile-failed', message: error instanceof Error ? error.message : String(error) }));
  };
}
