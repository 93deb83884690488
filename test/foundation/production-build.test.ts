// A newcomer's two commands (`npm ci`, then `npm start` builds what it needs and runs with the demo LMS), and
// the "done when", as an administrator does it: a fresh copy, `npm ci && npm run build`, `npm prune --omit=dev`,
// then `npm run store` and a production start against it behind a TLS-terminating proxy, the simulated LMS as a process
// of its own registered with the built `platform:add`, and a whole launch through both proxies. Nothing of the working
// tree's node_modules is used: the copy installs its own (from npm's cache when it has them) and prunes them.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const ENCRYPTION_KEY = 'production-build-test-key-0123456789abcdef';
// The browser of this test connects from another loopback address than the proxy does, so the log can tell them apart
// (Linux answers on all of 127.0.0.0/8; macOS only on 127.0.0.1, where the check below proves less).
const BROWSER_ADDRESS = process.platform === 'linux' ? '127.0.0.2' : '127.0.0.1';

const work = mkdtempSync(path.join(tmpdir(), 'playroute-production-'));
const running: ChildProcess[] = [];
const servers: net.Server[] = [];

afterAll(async () => {
  for (const server of servers) server.close();
  // Each command runs in a process group of its own (npm and what it starts): end the whole group.
  for (const child of running) if (child.exitCode === null && child.pid) killGroup(child.pid, 'SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Only what a shell on a fresh machine has: no NODE_ENV=test, no VITEST, no MONGODB_URI of the test run. */
function cleanEnv(env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'npm_config_cache'];
  return { ...Object.fromEntries(keep.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : []))), ...env };
}

/** Runs a command in the copy to its end; fails the test with its output when it does not exit 0 (unless allowed). */
function run(command: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: work, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    running.push(child);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}

async function mustRun(command: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const { code, output } = await run(command, args, env);
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`);
  return output;
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** Resolves when the process and everything it started have closed their output (npm may exit before its script). */
  closed: Promise<void>;
}

/** Starts a long-running command and resolves once its output matches `ready`. */
function start(args: string[], env: Record<string, string>, ready: RegExp): Promise<Started> {
  const child = spawn('npm', args, { cwd: work, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  running.push(child);
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) resolve({ child, output: () => output, exited, closed });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => reject(new Error(`npm ${args.join(' ')} exited with ${code} before it was ready:\n${output}`)));
  });
}

/** What a fresh clone holds: the tracked files and the new ones not ignored (the work in this tree), without node_modules. */
function copyProject(): void {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT }).toString().split('\0');
  for (const file of files) {
    const source = path.join(ROOT, file);
    if (!file || !existsSync(source) || !lstatSync(source).isFile()) continue; // deleted in the tree, or not a plain file
    mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
    copyFileSync(source, path.join(work, file));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

/** A TLS-terminating reverse proxy, as a school puts in front of Playroute: https outside, http inside, X-Forwarded-*. */
async function tlsProxy(targetPort: number, tls: { key: Buffer; cert: Buffer }): Promise<number> {
  const server = https.createServer(tls, (req, res) => {
    const chain = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
    const upstream = http.request(
      { host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers: { ...req.headers, 'x-forwarded-for': chain, 'x-forwarded-proto': 'https' } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.once('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as net.AddressInfo).port;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One https request that trusts the test's own certificate authority, from the browser's address. */
function browse(url: string, ca: Buffer, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method: init.method ?? 'GET', headers: init.headers, ca, localAddress: BROWSER_ADDRESS }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.once('error', reject);
    req.end(init.body);
  });
}

function decodeHtml(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The teacher's whole launch, as a browser makes it: course page, launch page, tool login, LMS authorization, form_post. */
async function launchAsTeacher(lmsUrl: string, ca: Buffer): Promise<{ sessionToken: string; stateCookie: string }> {
  const course = await browse(`${lmsUrl}/`, ca);
  expect(course.status).toBe(200);
  const launchHref = /<a class="button" href="([^"]*\/launch\?user=u-teacher[^"]*)"/.exec(course.body)?.[1];
  if (!launchHref) throw new Error(`no teacher launch on the course page:\n${course.body}`);
  const launchPage = await browse(new URL(decodeHtml(launchHref), lmsUrl).href, ca);
  const loginUrl = /<iframe class="tool"[^>]*src="([^"]+)"/.exec(launchPage.body)?.[1];
  if (!loginUrl) throw new Error(`no tool frame on the launch page:\n${launchPage.body}`);

  const login = await browse(decodeHtml(loginUrl), ca);
  let authUrl = login.headers.location;
  if (login.status === 200) authUrl = (JSON.parse(/\}\)\((\{[^<]*?\})\);<\/script>/.exec(login.body)?.[1] ?? '{}') as { next?: string }).next;
  if (!authUrl) throw new Error(`the tool's login answered ${login.status} without sending the browser on:\n${login.body}`);
  const setCookie = (login.headers['set-cookie'] ?? []).find((cookie) => /state/i.test(cookie));
  if (!setCookie) throw new Error(`the tool's login set no state cookie: ${JSON.stringify(login.headers)}`);

  const auth = await browse(authUrl, ca);
  const action = /<form[^>]*action="([^"]+)"/.exec(auth.body)?.[1];
  const fields = Object.fromEntries([...auth.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [decodeHtml(m[1] ?? ''), decodeHtml(m[2] ?? '')]));
  if (!action || !fields.id_token) throw new Error(`the LMS did not answer with a form_post (${auth.status}):\n${auth.body}`);

  const launch = await browse(decodeHtml(action), ca, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: (setCookie.split(';')[0] ?? '').trim() },
    body: new URLSearchParams(fields).toString(),
  });
  const token = /#session=([^&]+)/.exec(launch.headers.location ?? '')?.[1];
  if (launch.status !== 303 || !token) throw new Error(`the launch was not accepted (${launch.status}):\n${launch.body}`);
  return { sessionToken: decodeURIComponent(token), stateCookie: setCookie };
}

describe('a production install from a fresh copy', () => {
  it('builds, prunes its dev tools, runs on `npm run store` behind TLS, and accepts a launch from a separate LMS', async ({ annotate }) => {
    const began = Date.now();
    const timings: string[] = [];
    const lap = (what: string) => timings.push(`${what} ${((Date.now() - began) / 1000).toFixed(1)} s`);

    copyProject();
    // npm's cache holds what the working tree installed; where it does not, npm fetches it as `npm ci` always does.
    await mustRun('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund']);
    lap('npm ci');

    // Before the build, a production start says what to do in one line and builds nothing.
    const unbuilt = await run('npm', ['start', '--silent'], { NODE_ENV: 'production' });
    expect(unbuilt.code).toBe(1);
    expect(unbuilt.output.trim().split('\n')).toEqual([expect.stringMatching(/^Playroute is not built \(.*\): run npm run build$/)]);
    expect(existsSync(path.join(work, 'client', 'dist'))).toBe(false);

    // A newcomer's `npm start` (development tools installed, nothing built, nothing set): it builds the client and runs
    // on the embedded store in ./data with the demo LMS. Only the port is chosen, as 3000 may be taken on this machine.
    const devPort = await freePort();
    const newcomer = await start(['start'], { PORT: String(devPort) }, /Playroute is running at/);
    expect(newcomer.output()).toContain('Building the Playroute client');
    expect(await (await fetch(`http://localhost:${devPort}/health`)).json()).toMatchObject({ status: 'ok', database: { kind: 'embedded' } });
    expect((await fetch(`http://localhost:${devPort}/demo-lms/`)).status).toBe(200);
    killGroup(newcomer.child.pid ?? 0, 'SIGINT'); // Ctrl-C
    await newcomer.closed;
    expect(newcomer.output()).toContain('Playroute stopped');
    lap('newcomer start');

    await mustRun('npm', ['run', 'build']);
    lap('build');
    await mustRun('npm', ['prune', '--omit=dev', '--no-audit', '--no-fund']);
    lap('prune');
    for (const devTool of ['tsx', 'vite', 'esbuild', 'typescript', 'vitest', 'react', 'react-dom']) expect(existsSync(path.join(work, 'node_modules', devTool))).toBe(false);

    // A certificate for localhost, as the school's proxy has one for its host name.
    const certDir = path.join(work, 'tls');
    mkdirSync(certDir);
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=DNS:localhost', '-keyout', path.join(certDir, 'key.pem'), '-out', path.join(certDir, 'cert.pem'),
    ], { stdio: 'pipe' });
    const tls = { key: readFileSync(path.join(certDir, 'key.pem')), cert: readFileSync(path.join(certDir, 'cert.pem')) };

    const store = await start(['run', 'store'], { DATA_DIR: path.join(work, 'store-data') }, /^MONGODB_URI=(\S+)$/m);
    const mongodbUri = /^MONGODB_URI=(\S+)$/m.exec(store.output())?.[1] ?? '';
    // The store's worker thread is an entry of its own in the build: without it the store would fall back to the main thread.
    expect(store.output()).not.toMatch(/thread entry not found/);
    lap('store');

    const playroutePort = await freePort();
    const lmsPort = await freePort();
    const playrouteUrl = `https://localhost:${await tlsProxy(playroutePort, tls)}`;
    const lmsUrl = `https://localhost:${await tlsProxy(lmsPort, tls)}`;
    const production = {
      NODE_ENV: 'production',
      MONGODB_URI: mongodbUri,
      PUBLIC_URL: playrouteUrl,
      LTI_ENCRYPTION_KEY: ENCRYPTION_KEY,
      // Playroute trusts its certificate as it would a public CA's: the LMS's JWKS is fetched over https.
      NODE_EXTRA_CA_CERTS: path.join(certDir, 'cert.pem'),
    };
    const playroute = await start(
      ['start'],
      { ...production, HOST: '127.0.0.1', PORT: String(playroutePort), TRUST_PROXY: '1', LOG_LEVEL: 'info' },
      /Playroute is listening/,
    );
    lap('production start');

    expect((await browse(`${playrouteUrl}/health`, tls.cert)).status).toBe(200);
    const page = await browse(`${playrouteUrl}/`, tls.cert);
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/<script[^>]+src="\/assets\/[^"]+\.js"/); // the client vite built, served by the built server
    expect((await browse(`${playrouteUrl}/demo-lms/`, tls.cert)).status).toBe(404); // no LMS inside a production server

    const lms = await start(['run', 'demo-lms'], { DEMO_LMS_PORT: String(lmsPort), DEMO_LMS_URL: lmsUrl, PLAYROUTE_URL: playrouteUrl, NODE_EXTRA_CA_CERTS: path.join(certDir, 'cert.pem') }, /Then open/);
    const command = /npm run platform:add -- (.+)$/m.exec(lms.output())?.[1] ?? '';
    const options = [...command.matchAll(/--([a-z-]+) (?:"([^"]*)"|(\S+))/g)].flatMap((m) => [`--${m[1]}`, m[2] ?? m[3] ?? '']);
    expect(options).toContain('--issuer');
    const added = await mustRun('npm', ['run', '--silent', 'platform:add', '--', ...options], production);
    expect(added).toContain(`OpenID Connect login URL           ${playrouteUrl}/lti/login`);
    const configDir = path.join(work, 'lti-config-out');
    await mustRun('npm', ['run', '--silent', 'lti-config', '--', '--public-url', playrouteUrl, '--out', configDir], production);
    expect(readdirSync(configDir).length).toBeGreaterThan(0);
    const rotated = await mustRun('npm', ['run', '--silent', 'keys:rotate'], production);
    expect(rotated).toMatch(/^new kid: \S+ \(signs from now on/m);
    lap('platform:add, lti-config and keys:rotate');

    const { sessionToken, stateCookie } = await launchAsTeacher(lmsUrl, tls.cert);
    expect(stateCookie).toMatch(/;\s*Secure/i);
    const session = await browse(`${playrouteUrl}/api/session`, tls.cert, { headers: { authorization: `Bearer ${sessionToken}` } });
    expect(session.status).toBe(200);
    expect(JSON.parse(session.body)).toMatchObject({ user: { name: 'Marieke de Vries' }, context: { title: expect.any(String) } });
    lap('launch');

    // Behind the trusted proxy the log names the browser's address, not the proxy's. The line is written once the
    // answer has gone out and reaches this process through a pipe: on a busy machine after the next request's answer.
    const launchLogIp = () =>
      playroute
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { msg?: string; path?: string; ip?: string })
        .find((entry) => entry.msg === 'request' && entry.path === '/lti/launch')?.ip;
    await expect.poll(launchLogIp, { timeout: 10_000 }).toBe(BROWSER_ADDRESS);

    // An orderly stop, as Ctrl-C stops what runs in a terminal: the signal goes to the whole process group (npm hands it
    // only to its `sh -c`, which does not pass it on: a process manager must run `node server/cli/run.js start`).
    // Playroute first, then the store.
    killGroup(playroute.child.pid ?? 0, 'SIGTERM');
    await playroute.closed;
    expect(playroute.output()).toContain('Playroute stopped');
    killGroup(store.child.pid ?? 0, 'SIGTERM');
    await store.closed;
    expect(store.output()).toContain('The store stopped.');
    killGroup(lms.child.pid ?? 0, 'SIGTERM');
    lap('stopped');
    // How long each step took, in the test report: CI's time budget includes this test.
    await annotate(timings.join(', '));
  }, 420_000);
});
