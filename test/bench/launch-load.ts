// The launch bench's load generator, a process of its own (forked by launch-bench.ts): it drives one row of launches
// with the scripted browser, CONCURRENCY at a time, and reports each launch's latency and its own CPU time, so the
// bench can tell the tools' CPU from the browser's. Every row (Playroute, ltijs, the trivial ones) goes through here.
import { launchFlows, type FlowName, type FlowTargets } from './launch-flows';

export type LoadCommand = { kind: 'drive'; flow: FlowName; loginUrls: string[]; concurrency: number; targets: FlowTargets } | { kind: 'exit' };

export interface LoadResult {
  kind: 'driven';
  latencies: number[];
  failures: [string, number][];
  elapsedMs: number;
  /** This process's CPU time (user + system) over the row, in ms: the scripted browser's cost. */
  cpuMs: number;
}

/** The launches of one row, at most `concurrency` in flight; each timed from the login GET to the landed answer. */
async function drive(command: Extract<LoadCommand, { kind: 'drive' }>): Promise<LoadResult> {
  const launch = launchFlows(command.targets)[command.flow];
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  let next = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const lane = async () => {
    while (next < command.loginUrls.length) {
      const loginUrl = command.loginUrls[next++] ?? '';
      const at = performance.now();
      try {
        await launch(loginUrl);
        latencies.push(performance.now() - at);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        failures.set(reason, (failures.get(reason) ?? 0) + 1);
      }
    }
  };
  await Promise.all(Array.from({ length: command.concurrency }, lane));
  const elapsedMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return { kind: 'driven', latencies, failures: [...failures], elapsedMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

process.on('message', (command: LoadCommand) => {
  if (command.kind === 'exit') process.exit(0);
  drive(command).then(
    (result) => process.send?.(result),
    (error: unknown) => {
      process.stderr.write(`launch load: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
});
// The parent waits for this before its first row.
process.send?.({ kind: 'ready' });
