// Class overview benchmark: a class of STUDENTS who launched for real and each marked progress, and their teacher
// reading the overview, alone and with TEACHERS at once; then one student saves HISTORY_SAVES times and the overview
// is read again (it should not notice). Server in a process of its own on the embedded store, real HTTP.
// Run: npm run bench:overview   (STUDENTS, READS, TEACHERS, HISTORY_SAVES to vary; PROFILE=<folder> for CPU profiles;
// COUNT_COMMANDS=1 also counts the store commands of one overview, in a run of its own: the driver's monitoring costs)
import { api, closedLoop, measured, percentile, reportRow, startClassServer } from './class-bench';
import type { CommandCount } from './class-server';

const STUDENTS = Number(process.env.STUDENTS ?? 1000);
const READS = Number(process.env.READS ?? 200);
const TEACHERS = Number(process.env.TEACHERS ?? 10);
const HISTORY_SAVES = Number(process.env.HISTORY_SAVES ?? 3000);
const WARMUP = Number(process.env.WARMUP ?? 20);
const COUNTED_READS = 10;

const ACTIVITIES = ['activate', 'lecture', 'practice', 'peer-review', 'logbook'];

interface RouteAnswer {
  route: { version: number };
}

async function main(): Promise<void> {
  const server = await startClassServer(STUDENTS);
  const { base, students, teacher, setupMs } = server.ready;
  process.stdout.write(`class overview bench: ${STUDENTS} students launched in ${(setupMs / 1000).toFixed(1)} s\n`);

  // Every student opens their route and marks one activity (some done, some started), so each row has progress.
  const opened = await closedLoop(16, students.length, async (n) => {
    const token = students[n] ?? '';
    const { route } = (await (await api(base, token, '/api/route')).json()) as RouteAnswer;
    const activityId = ACTIVITIES[n % ACTIVITIES.length] ?? 'activate';
    return api(base, token, `/api/route/progress/${activityId}`, { method: 'PUT', body: JSON.stringify({ version: route.version, status: n % 3 === 0 ? 'in_progress' : 'done' }) });
  });
  if (opened.failures.size) throw new Error(`seeding progress failed: ${JSON.stringify([...opened.failures])}`);
  const read = () => api(base, teacher, '/api/class/overview');
  await closedLoop(1, WARMUP, read);

  if (process.env.COUNT_COMMANDS === '1') {
    await server.ask({ kind: 'count-start' }, 'counting');
    await closedLoop(1, COUNTED_READS, read);
    const counted = await server.ask<CommandCount>({ kind: 'count-stop' }, 'counted');
    const per = (n: number) => (n / COUNTED_READS).toFixed(1);
    process.stdout.write(`\nstore commands per overview (${COUNTED_READS} read one after the other)\n`);
    process.stdout.write(`  commands                   ${per(counted.commands)} and ${per(counted.getMores)} getMore, ${(counted.storeMs / COUNTED_READS).toFixed(1)} ms from sending to answer, summed\n`);
    for (const [name, n] of counted.byCommand) process.stdout.write(`    ${name.padEnd(40)} ${per(n)}\n`);
  }

  const alone = await measured(server, 'overview-one', () => closedLoop(1, READS, read));
  reportRow(`class overview, ${STUDENTS} students, 1 teacher`, alone, 'p95 ≤ 100 ms, ≤ 150 kB');

  const crowd = await measured(server, 'overview-crowd', () => closedLoop(TEACHERS, READS, read));
  reportRow(`class overview, ${TEACHERS} teachers at once`, crowd, 'p95 ≤ 500 ms');

  // One student saves HISTORY_SAVES times (progress back and forth: each save one history entry).
  const busy = students[0] ?? '';
  let version = ((await (await api(base, busy, '/api/route')).json()) as RouteAnswer).route.version;
  const historyStarted = performance.now();
  for (let n = 0; n < HISTORY_SAVES; n += 1) {
    const res = await api(base, busy, '/api/route/progress/lecture', { method: 'PUT', body: JSON.stringify({ version, status: n % 2 === 0 ? 'in_progress' : 'planned' }) });
    if (!res.ok) throw new Error(`save ${n} answered ${res.status}: ${await res.text()}`);
    version = ((await res.json()) as RouteAnswer).route.version;
  }
  process.stdout.write(`\n(one student saved ${HISTORY_SAVES} times in ${((performance.now() - historyStarted) / 1000).toFixed(1)} s, one after the other)\n`);
  const after = await measured(server, 'overview-history', () => closedLoop(1, READS, read));
  reportRow(`class overview after one student saved ${HISTORY_SAVES} times`, after, 'unchanged by history length');
  const ratio = percentile(after.result.latencies, 50) / percentile(alone.result.latencies, 50);
  const cpuPer = (row: typeof alone) => row.cpuMs / Math.max(1, row.result.latencies.length);
  process.stdout.write(`  p50 after / before the saves    ${ratio.toFixed(2)}×\n`);
  // Latency moves with whatever else the machine does; the server's CPU per overview is the steadier comparison.
  process.stdout.write(`  CPU after / before the saves    ${(cpuPer(after) / cpuPer(alone)).toFixed(2)}×\n`);

  await server.stop();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
