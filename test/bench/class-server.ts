// The server side of the class benches (routes, overview), run as a process of its own like `npm start`: the embedded
// store under a data folder, Playroute's app, and the simulated LMS on real HTTP with a class of STUDENTS who each
// launched once for real. It tells its parent (IPC) the URL and the session tokens, then only serves; on request it
// records a CPU profile of the serving part only (setup left out) and reports its peak RSS. With COUNT_COMMANDS=1 the
// driver reports every command (monitorCommands: it decodes each reply a second time, so only when asked) and the
// server tallies the store commands of a measured part and the time the store took to answer them.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { createApp } from '../../server/app';
import { loadConfig, type LogLevel } from '../../server/config';
import { connectToolAndLms } from '../../server/demo-platform';
import { createDemoLms } from '../../server/demo-lms/index';
import { buildCatalogue, buildOutcome } from '../../server/domain/test-factories';
import { createPlaybookRepository } from '../../server/features/playbooks/data/playbook-repository';
import { createLti } from '../../server/lti/index';
import { createLogger } from '../../server/logger';
import { openDatabase } from '../../server/store/database';
import { startEmbeddedMongo } from '../../server/store/embedded/index';
import { StoreCommandCounter } from './store-commands';
import { STORE_PROFILE_CHANNEL_ENV, type FromStoreProfiler, type ToStoreProfiler } from '../../server/store/embedded/thread-profiler';
import { ScriptedBrowser } from './launch-client';

const STUDENTS = Number(process.env.STUDENTS ?? 200);
const LAUNCH_CONCURRENCY = 8;
const DEPLOYMENT_ID = 'deployment-1';
const COUNT_COMMANDS = process.env.COUNT_COMMANDS === '1';
// The server logs as `npm start` does: at LOG_LEVEL (info unless set), a line for every answered request, to stdout,
// which the bench sends to a file as a log collector would take it (class-bench.ts).
const LOG_LEVEL = (process.env.LOG_LEVEL ?? 'info') as LogLevel;

export interface ClassReady {
  kind: 'ready';
  base: string;
  /** One session token per student, in roster order. */
  students: string[];
  teacher: string;
  setupMs: number;
}

export type ServerCommand =
  | { kind: 'profile-start' }
  | { kind: 'profile-stop'; file: string }
  | { kind: 'rss' }
  | { kind: 'count-start' }
  | { kind: 'count-stop' }
  | { kind: 'exit' };

/** The store commands of a measured part (COUNT_COMMANDS=1): how many of each, and the store's answer time summed. */
export interface CommandCount {
  kind: 'counted';
  commands: number;
  byCommand: [string, number][];
  /** getMore round trips (the counter leaves them out as housekeeping): a find of more than 101 documents needs one. */
  getMores: number;
  storeMs: number;
}

async function listen(handler?: express.Express): Promise<{ server: Server; base: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function main(): Promise<void> {
  const started = Date.now();
  let peakRss = process.memoryUsage().rss;
  setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50).unref();
  const dataDir = mkdtempSync(join(tmpdir(), 'playroute-class-bench-'));
  const logger = createLogger({ level: LOG_LEVEL });
  // The store's thread profiles itself when asked on this channel (PROFILE), written beside the app thread's profile.
  const storeProfiler = new BroadcastChannel((process.env[STORE_PROFILE_CHANNEL_ENV] = `playroute-bench-${process.pid}`));
  const askStore = (message: ToStoreProfiler) =>
    new Promise<FromStoreProfiler>((resolve) => {
      storeProfiler.onmessage = (event) => resolve((event as { data: FromStoreProfiler }).data);
      storeProfiler.postMessage(message);
    });

  const lmsApp = express();
  const lms = await listen(lmsApp);
  const demoLms = createDemoLms({ issuer: `${lms.base}/lms`, quirks: 'standard', demoPage: false });
  lmsApp.use('/lms', demoLms.router);

  const tool = await listen();
  // Launches are rate limited per client; all launches here come from one address, so the limit is raised.
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL, PUBLIC_URL: tool.base, DEMO_LMS: 'false', DATA_DIR: dataDir, LTI_LOGIN_RATE_LIMIT: '100000', LTI_MAX_WAITING_LOGINS: '100000' });
  // Counting commands needs the driver's monitoring, set in the address: the store is then started here, as openDatabase would.
  const store = COUNT_COMMANDS ? await startEmbeddedMongo({ dataDir, logger }) : undefined;
  const monitored = store ? new URL(store.uri) : undefined;
  monitored?.searchParams.set('monitorCommands', 'true');
  const database = await openDatabase({ mongodbUri: monitored?.toString(), dataDir, logger });
  const counter = store ? new StoreCommandCounter([database.connection.getClient()]) : undefined;
  let storeMs = 0;
  let getMores = 0;
  database.connection.getClient().on('commandStarted', (event) => {
    if (counter?.phase && event.commandName === 'getMore') getMores += 1;
  });
  database.connection.getClient().on('commandSucceeded', (event) => {
    if (counter?.phase) storeMs += event.duration;
  });
  const lti = createLti({ config, connection: database.connection, logger });
  await lti.start();
  tool.server.on('request', createApp({ config, logger, database, lti }));
  const platform = await connectToolAndLms({ lms: demoLms, lti, name: 'Bench LMS', deploymentIds: [DEPLOYMENT_ID], registeredVia: 'manual' });

  // A published playbook with the test catalogue, placed as a link of its own in the course.
  const link = demoLms.addPlacement({ title: 'Project management' });
  await createPlaybookRepository(database.connection).create({
    placement: { platformId: platform.id, deploymentId: DEPLOYMENT_ID, contextId: demoLms.course.id, resourceLinkId: link.resourceLinkId },
    playbook: {
      title: 'Project management',
      description: 'Draw up a project plan for a client.',
      outcomeIds: ['lo-1'],
      activities: buildCatalogue(),
      recommendedRoute: ['activate', 'lecture', 'practice', 'peer-review', 'logbook'],
      rules: { minPerType: { activation: 1, instruction: 1, application: 1, feedback: 1, reflection: 1 }, minStudyLoadHours: 15, maxStudyLoadHours: 40, requiredActivityIds: ['peer-review'], requiredEnvironments: ['workplace'] },
      // Level 3: students compose their own route (a route save is allowed).
      selfDirectionLevel: 3,
      assessmentWindows: [],
      status: 'published',
      publishedAt: new Date(),
    },
    outcomes: [buildOutcome()],
  });

  const launch = async (user: string): Promise<string> => {
    const browser = new ScriptedBrowser();
    const form = await browser.loginAndAuthorise(demoLms.startLaunch({ user, clientId: platform.clientId, placement: link.resourceLinkId }).url);
    const landed = await browser.postForm(form.action, form.fields);
    await landed.body?.cancel();
    const token = /#session=([^&]+)/.exec(landed.headers.get('location') ?? '')?.[1];
    if (!token) throw new Error(`launch of ${user} answered ${landed.status} without a session`);
    return decodeURIComponent(token);
  };

  const userIds = Array.from({ length: STUDENTS }, (_, i) => `bench-student-${String(i).padStart(4, '0')}`);
  userIds.forEach((userId, i) => demoLms.addMember({ userId, givenName: 'Student', familyName: String(i), email: `s${i}@example.edu`, locale: 'nl-NL', role: 'student' }));
  const students: string[] = new Array<string>(STUDENTS);
  let next = 0;
  await Promise.all(
    Array.from({ length: LAUNCH_CONCURRENCY }, async () => {
      while (next < userIds.length) {
        const n = next++;
        students[n] = await launch(userIds[n] ?? '');
      }
    }),
  );
  const teacher = await launch(demoLms.member('teacher').userId);
  const ready: ClassReady = { kind: 'ready', base: tool.base, students, teacher, setupMs: Date.now() - started };
  process.send?.(ready);

  const profiler = new Session();
  process.on('message', (command: ServerCommand) => {
    void (async () => {
      if (command.kind === 'profile-start') {
        profiler.connect();
        await profiler.post('Profiler.enable');
        await profiler.post('Profiler.setSamplingInterval', { interval: 200 });
        await profiler.post('Profiler.start');
        await askStore({ kind: 'profile-start' });
        process.send?.({ kind: 'profiling' });
      } else if (command.kind === 'profile-stop') {
        const { profile } = await profiler.post('Profiler.stop');
        writeFileSync(command.file, JSON.stringify(profile));
        profiler.disconnect();
        const store = await askStore({ kind: 'profile-stop', file: command.file.replace(/\.cpuprofile$/, '-store-thread.cpuprofile') });
        process.send?.({ kind: 'profiled', file: command.file, store });
      } else if (command.kind === 'rss') {
        const cpu = process.cpuUsage();
        process.send?.({ kind: 'rss', peakRss: Math.max(peakRss, process.memoryUsage().rss), cpuMs: (cpu.user + cpu.system) / 1000, appThreadCpuMs: appThreadCpuMs() });
        peakRss = process.memoryUsage().rss;
      } else if (command.kind === 'count-start') {
        counter?.phases.clear();
        if (counter) counter.phase = 'measured';
        storeMs = 0;
        getMores = 0;
        process.send?.({ kind: 'counting' });
      } else if (command.kind === 'count-stop') {
        if (counter) counter.phase = undefined;
        const tally = counter?.phases.get('measured');
        const counted: CommandCount = { kind: 'counted', commands: tally?.commands ?? 0, byCommand: [...(tally?.byCommand ?? [])], getMores, storeMs };
        process.send?.(counted);
      } else if (command.kind === 'exit') {
        await new Promise((resolve) => tool.server.close(resolve));
        tool.server.closeAllConnections();
        await new Promise((resolve) => lms.server.close(resolve));
        await database.close();
        await store?.close();
        storeProfiler.close();
        rmSync(dataDir, { recursive: true, force: true });
        process.exit(0);
      }
    })();
  });
}

/**
 * CPU time of the app's own thread (Linux: /proc/self/task/<pid>/stat, in clock ticks of 10 ms), so a row can tell
 * the app thread from the store's thread and the rest; undefined elsewhere.
 */
function appThreadCpuMs(): number | undefined {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
