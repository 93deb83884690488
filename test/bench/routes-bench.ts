// Route save benchmark: a class of STUDENTS who launched for real, each saving their route over and over (a closed
// loop: the next save as soon as the answer is in), against the server in a process of its own on the embedded store;
// then one student alone. Prints saves/s, p50/p95/p99, response size and the server's peak RSS per row.
// Each row also splits the server's CPU per save into the app thread's and the rest (the store's thread, GC, I/O).
// Run: npm run bench:routes   (STUDENTS, SAVES, SINGLE_SAVES, WARMUP to vary; PROFILE=<folder> for CPU profiles of
// the app thread and of the store's thread, <row>.cpuprofile and <row>-store-thread.cpuprofile)
import { api, closedLoop, measured, percentile, reportRow, startClassServer } from './class-bench';

const STUDENTS = Number(process.env.STUDENTS ?? 200);
const SAVES = Number(process.env.SAVES ?? 4000);
const SINGLE_SAVES = Number(process.env.SINGLE_SAVES ?? 500);
/**
 * Saves before the measured rows, ten per student: a fresh process answers its first ~1,500 saves about a third
 * slower (V8 is still compiling the hot paths and sizing its heap; 400 warm-up saves left that inside the measured
 * row, whose first 1,600 saves ran at p50 ~190-230 ms and the rest at ~120-140). The rows measure a server that has
 * been serving a while, as one in a lesson has; the warm-up prints its own figures on one line.
 */
const WARMUP = Number(process.env.WARMUP ?? 2000);

/** Two compositions the saves alternate between, so every save changes the route (and adds a history entry). */
const COMPOSITIONS = [
  ['activate', 'lecture', 'practice', 'peer-review', 'logbook'],
  ['activate', 'clip', 'practice', 'peer-review', 'logbook'],
].map((ids) => ids.map((activityId) => ({ activityId })));

interface RouteAnswer {
  route: { version: number };
}

async function main(): Promise<void> {
  const server = await startClassServer(STUDENTS);
  const { base, students, setupMs } = server.ready;
  process.stdout.write(`route save bench: ${STUDENTS} students launched in ${(setupMs / 1000).toFixed(1)} s; ${SAVES} saves at once, then ${SINGLE_SAVES} by one client\n`);

  // Each student opens their route once (created from the recommended route), as the student's page does.
  const versions: number[] = await Promise.all(
    students.map(async (token) => ((await (await api(base, token, '/api/route')).json()) as RouteAnswer).route.version),
  );
  const save = (student: number) => async () => {
    const token = students[student] ?? '';
    const version = versions[student] ?? 1;
    const res = await api(base, token, '/api/route', { method: 'PUT', body: JSON.stringify({ version, entries: COMPOSITIONS[version % 2] }) });
    if (res.ok) {
      const body = (await res.clone().json()) as RouteAnswer;
      versions[student] = body.route.version;
    }
    return res;
  };

  // Warm-up: JIT, heap, pools, caches.
  const warming = await closedLoop(STUDENTS, WARMUP, (_n, lane) => save(lane)());
  const warmingRate = warming.latencies.length / (warming.elapsedMs / 1000);
  process.stdout.write(
    `warm-up (not measured): ${warming.latencies.length} saves right after the start, ${warmingRate.toFixed(0)}/s, p50 ${percentile(warming.latencies, 50).toFixed(0)} ms, p95 ${percentile(warming.latencies, 95).toFixed(0)} ms\n`,
  );

  const crowd = await measured(server, 'routes-crowd', () => closedLoop(STUDENTS, SAVES, (_n, lane) => save(lane)()));
  reportRow(`route save, ${STUDENTS} students saving at once (closed loop)`, crowd, '≥ 1,000 saves/s, p95 ≤ 300 ms, p99 ≤ 500 ms');

  const single = await measured(server, 'routes-single', () => closedLoop(1, SINGLE_SAVES, () => save(0)()));
  reportRow('route save, 1 client', single, 'p95 ≤ 10 ms');

  await server.stop();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
