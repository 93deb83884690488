// The deployment files a school runs (Dockerfile, compose.yaml, deploy/Caddyfile, .env.example), read as a reviewer
// reads them: each rule is a check that names what is wrong, run on the real files (no problems) and on copies with
// one rule broken (that problem, named), so a file that loses a rule fails here. No Docker engine is needed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

// ---- Dockerfile: a simple line parser (comments dropped, backslash continuations joined, FROM starts a stage) ----

interface Instruction {
  keyword: string;
  args: string;
}

interface Stage {
  name: string | undefined;
  image: string;
  instructions: Instruction[];
}

function parseDockerfile(text: string): { args: Map<string, string>; stages: Stage[] } {
  const lines: string[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    // Comments, also those between the lines of a continued instruction.
    if (/^\s*#/.test(raw)) continue;
    const line = raw.trimEnd();
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1).trim()} `;
      continue;
    }
    const whole = `${pending}${line.trim()}`.trim();
    pending = '';
    if (whole) lines.push(whole);
  }
  const args = new Map<string, string>();
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, keyword = '', rest = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const instruction = { keyword: keyword.toUpperCase(), args: rest };
    if (instruction.keyword === 'FROM') {
      const [, image = '', name] = /^(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?$/i.exec(rest) ?? [];
      stages.push({ name, image: image.replace(/\$\{(\w+)\}/g, (_m, arg: string) => args.get(arg) ?? ''), instructions: [] });
    } else if (instruction.keyword === 'ARG' && stages.length === 0) {
      const [, arg = '', value = ''] = /^(\w+)(?:=(.*))?$/.exec(rest) ?? [];
      args.set(arg, value);
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return { args, stages };
}

function dockerfileProblems(text: string): string[] {
  const { stages } = parseDockerfile(text);
  const problems: string[] = [];
  if (stages.length < 2) return ['not multi-stage (one FROM)'];
  const runtime = stages.at(-1) as Stage;
  const builders = stages.slice(0, -1);
  const runIn = (stage: Stage) => stage.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args).join('\n');
  const built = builders.map(runIn).join('\n');
  if (!/\bnpm ci\b/.test(built)) problems.push('the build stage does not install with npm ci');
  if (!/\bnpm run build\b/.test(built)) problems.push('the build stage does not run npm run build');
  if (!/\bnpm prune --omit=dev\b/.test(built)) problems.push('the build stage does not prune development dependencies');
  if (!/^node:20(\.\d+)*-(bookworm-|bullseye-)?slim$/.test(runtime.image)) problems.push(`the runtime image is ${runtime.image}, not a slim Node 20`);
  if (/\bnpm (ci|install|i)\b(?![^\n]*--omit=dev)/.test(runIn(runtime))) problems.push('the runtime stage installs dependencies (development ones too)');
  const copies = runtime.instructions.filter((i) => i.keyword === 'COPY');
  if (copies.some((i) => /^(--\S+\s+)*\.\s/.test(i.args))) problems.push('the runtime stage copies the whole source tree');
  const builderNames = new Set(builders.map((stage) => stage.name));
  const modules = copies.find((i) => /node_modules/.test(i.args));
  if (!modules || !builderNames.has(/--from=(\S+)/.exec(modules.args)?.[1])) problems.push('node_modules does not come from the pruned build stage');
  for (const needed of ['/app/dist', '/app/client/dist', '/app/server/cli/run.js', '/app/package.json']) {
    if (!copies.some((i) => i.args.split(/\s+/).includes(needed))) problems.push(`the runtime stage lacks ${needed}`);
  }
  const env = runtime.instructions.filter((i) => i.keyword === 'ENV').map((i) => i.args).join(' ');
  if (!/\bNODE_ENV=production\b/.test(env)) problems.push('NODE_ENV is not production');
  const cmdAt = runtime.instructions.findIndex((i) => i.keyword === 'CMD');
  if (cmdAt === -1) problems.push('no CMD');
  const users = runtime.instructions.slice(0, cmdAt === -1 ? undefined : cmdAt).filter((i) => i.keyword === 'USER');
  const user = users.at(-1)?.args.split(':')[0];
  if (!user || user === 'root' || user === '0') problems.push('the runtime stage runs as root (no USER before CMD)');
  const health = runtime.instructions.find((i) => i.keyword === 'HEALTHCHECK');
  if (!health || !/\/health\b/.test(health.args)) problems.push('no HEALTHCHECK asking /health');
  if (health && /\bcurl\b|\bwget\b/.test(health.args)) problems.push('the HEALTHCHECK needs curl or wget, which slim images lack');
  if (!runtime.instructions.some((i) => i.keyword === 'EXPOSE' && /\b3000\b/.test(i.args))) problems.push('port 3000 is not exposed');
  if (runtime.instructions.some((i) => i.keyword === 'VOLUME')) problems.push('the app declares a VOLUME (its data belongs in MongoDB)');
  const cmd = runtime.instructions[cmdAt]?.args ?? '';
  if (/\bnpm\b/.test(cmd)) problems.push('CMD runs npm, which does not pass SIGTERM on to Playroute');
  return problems;
}

// ---- compose.yaml, the Caddyfile and .env.example ----

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[] | string;
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: { test?: string[] | string };
}

interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/** ${NAME}, ${NAME:-default}, ${NAME:?message}; $${NAME} is the container's own variable, not compose's. */
function composeVariables(text: string): Set<string> {
  return new Set([...text.matchAll(/(?<!\$)\$\{(\w+)(?::?[-?][^}]*)?\}/g)].map((m) => m[1] as string));
}

/** The names .env.example sets, each of which must have a comment just above it (its own or its paragraph's). */
function envExample(text: string): { names: Set<string>; uncommented: string[]; valued: Map<string, string> } {
  const names = new Set<string>();
  const uncommented: string[] = [];
  const valued = new Map<string, string>();
  let commented = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) commented = true;
    else if (!line.trim()) commented = false;
    const match = /^(\w+)=(.*)$/.exec(line);
    if (match) {
      names.add(match[1] as string);
      valued.set(match[1] as string, match[2] as string);
      if (!commented) uncommented.push(match[1] as string);
    }
  }
  return { names, uncommented, valued };
}

function commandOf(service: ComposeService | undefined): string {
  const command = service?.command ?? '';
  return Array.isArray(command) ? command.join(' ') : command;
}

function namedVolumes(service: ComposeService | undefined): Map<string, string> {
  const mounts = new Map<string, string>();
  for (const volume of service?.volumes ?? []) {
    const [source = '', target = ''] = volume.split(':');
    if (!source.startsWith('.') && !source.startsWith('/')) mounts.set(target, source);
  }
  return mounts;
}

const SECRETS = ['MONGO_ROOT_PASSWORD', 'MONGO_APP_PASSWORD', 'LTI_ENCRYPTION_KEY', 'LTI_REGISTRATION_KEY', 'METRICS_TOKEN'];

function composeProblems(composeText: string, caddyfile: string, envText: string): string[] {
  const compose = parse(composeText, { merge: true }) as ComposeFile;
  const services = compose.services ?? {};
  const problems: string[] = [];

  const mongo = services.mongo;
  if (!/^mongo:7(\.\d+)*$/.test(mongo?.image ?? '')) problems.push(`mongo runs ${mongo?.image ?? 'nothing'}, not MongoDB 7`);
  if (!/--replSet\s+\S+/.test(commandOf(mongo))) problems.push('mongo is not started as a replica set (--replSet)');
  if (!/--keyFile\s+\S+/.test(commandOf(mongo))) problems.push('mongo has no --keyFile (members unauthenticated)');
  if (!mongo?.environment?.MONGO_INITDB_ROOT_USERNAME || !mongo.environment.MONGO_INITDB_ROOT_PASSWORD) problems.push('mongo has no root user from the environment');
  if (!mongo?.healthcheck?.test) problems.push('mongo has no healthcheck');
  if (!namedVolumes(mongo).has('/data/db')) problems.push('mongo keeps its data outside a named volume');

  const apps = Object.entries(services).filter(([, service]) => service.build !== undefined || /playroute/.test(service.image ?? ''));
  if (apps.length < 2) problems.push(`${apps.length} Playroute instance(s), not two`);
  for (const [name, app] of apps) {
    const env = app.environment ?? {};
    const uri = env.MONGODB_URI ?? '';
    if (!/^mongodb:\/\/[^@]+@mongo:27017\//.test(uri)) problems.push(`${name}: MONGODB_URI does not reach mongo with credentials`);
    if (!/[?&]replicaSet=rs0\b/.test(uri)) problems.push(`${name}: MONGODB_URI names no replicaSet`);
    if (!/[?&]authSource=admin\b/.test(uri)) problems.push(`${name}: MONGODB_URI names no authSource`);
    if (env.NODE_ENV !== 'production') problems.push(`${name}: NODE_ENV is not production`);
    for (const setting of ['PUBLIC_URL', 'LTI_ENCRYPTION_KEY', 'LTI_REGISTRATION_KEY', 'TRUST_PROXY', 'METRICS_TOKEN']) {
      if (!(setting in env)) problems.push(`${name}: ${setting} is not set`);
    }
    if (!/^https:\/\//.test(env.PUBLIC_URL ?? '')) problems.push(`${name}: PUBLIC_URL is not https`);
    const dependsOn = app.depends_on;
    const mongoCondition = Array.isArray(dependsOn) ? undefined : dependsOn?.mongo?.condition;
    if (mongoCondition !== 'service_healthy') problems.push(`${name}: does not wait for mongo to be healthy`);
    if (app.ports?.length) problems.push(`${name}: publishes ports around the proxy`);
  }

  const caddy = Object.entries(services).find(([, service]) => /^caddy(:|$)/.test(service.image ?? ''));
  if (!caddy) problems.push('no Caddy reverse proxy');
  const caddyPorts = (caddy?.[1].ports ?? []).map(String);
  for (const port of ['80:80', '443:443']) if (!caddyPorts.includes(port)) problems.push(`Caddy does not publish ${port}`);
  if (!namedVolumes(caddy?.[1]).has('/data')) problems.push('Caddy keeps its certificates outside a named volume');
  if (!(caddy?.[1].volumes ?? []).some((v) => /^\.\/deploy\/Caddyfile:\/etc\/caddy\/Caddyfile/.test(v))) problems.push('Caddy does not read deploy/Caddyfile');

  const declared = new Set(Object.keys(compose.volumes ?? {}));
  for (const service of Object.values(services)) {
    for (const source of namedVolumes(service).values()) if (!declared.has(source)) problems.push(`volume ${source} is not declared`);
  }

  const proxy = /reverse_proxy\s+([^{\n]*)\{([^}]*)\}/.exec(caddyfile);
  const upstreams = (proxy?.[1] ?? '').trim().split(/\s+/);
  for (const [name] of apps) if (!upstreams.includes(`${name}:3000`)) problems.push(`the Caddyfile does not proxy to ${name}:3000`);
  if (!/^\s*health_uri\s+\/health\/ready\s*$/m.test(proxy?.[2] ?? '')) problems.push('the Caddyfile does not check /health/ready');
  if (!/^\{\$PLAYROUTE_DOMAIN\}\s*\{/m.test(caddyfile)) problems.push('the Caddyfile does not serve PLAYROUTE_DOMAIN (automatic HTTPS)');

  const env = envExample(envText);
  for (const variable of composeVariables(composeText)) if (!env.names.has(variable)) problems.push(`\${${variable}} is not in .env.example`);
  for (const variable of composeVariables(caddyfile.replace(/\{\$(\w+)\}/g, '${$1}'))) {
    if (!env.names.has(variable)) problems.push(`{$${variable}} is not in .env.example`);
  }
  for (const name of env.uncommented) problems.push(`${name} in .env.example has no comment`);
  for (const secret of SECRETS) {
    if (!env.names.has(secret)) problems.push(`${secret} is not named in .env.example`);
    else if (env.valued.get(secret)) problems.push(`${secret} has a value in .env.example`);
  }
  return problems;
}

// ---- the checks on the real files, and on copies with one rule broken ----

const dockerfile = read('Dockerfile');
const compose = read('compose.yaml');
const caddyfile = read('deploy/Caddyfile');
const env = read('.env.example');

describe('the Dockerfile', () => {
  it('builds in one stage and runs from a slim Node 20 stage with production dependencies only, as a non-root user, with a /health check', () => {
    expect(dockerfileProblems(dockerfile)).toEqual([]);
  });

  const broken: [string, (text: string) => string, string][] = [
    ['without the USER line', (t) => t.replace(/^USER .*$/m, ''), 'the runtime stage runs as root (no USER before CMD)'],
    ['with USER after CMD', (t) => t.replace(/^(USER .*)\n([\s\S]*)^(CMD .*)$/m, '$2$3\n$1'), 'the runtime stage runs as root (no USER before CMD)'],
    ['without the prune', (t) => t.replace(/npm prune --omit=dev/, 'true'), 'the build stage does not prune development dependencies'],
    ['on the full Node image', (t) => t.replace(/ARG NODE_IMAGE=\S+/, 'ARG NODE_IMAGE=node:20-bookworm'), 'the runtime image is node:20-bookworm, not a slim Node 20'],
    ['with a curl health check', (t) => t.replace(/^HEALTHCHECK[\s\S]*?\n(?=#|CMD)/m, 'HEALTHCHECK CMD curl -f http://localhost:3000/health\n'), 'the HEALTHCHECK needs curl or wget, which slim images lack'],
    ['with npm install in the runtime stage', (t) => t.replace(/^USER node$/m, 'RUN npm install\nUSER node'), 'the runtime stage installs dependencies (development ones too)'],
    ['in one stage', (t) => t.replace(/^FROM \$\{NODE_IMAGE\} AS runtime$/m, ''), 'not multi-stage (one FROM)'],
  ];
  it.each(broken)('%s, the check names the problem', (_case, breakIt, problem) => {
    const changed = breakIt(dockerfile);
    expect(changed).not.toBe(dockerfile);
    expect(dockerfileProblems(changed)).toContain(problem);
  });
});

describe('compose.yaml, deploy/Caddyfile and .env.example', () => {
  it('start MongoDB 7 as an authenticated replica set, two Playroute instances once it is healthy, and Caddy with TLS in front of both; every variable is explained in .env.example and no secret is filled in', () => {
    expect(composeProblems(compose, caddyfile, env)).toEqual([]);
  });

  const broken: [string, (files: { compose: string; caddyfile: string; env: string }) => Partial<typeof files>, string][] = [
    ['mongo without --replSet', (f) => ({ compose: f.compose.replace('"--replSet", "rs0", ', '') }), 'mongo is not started as a replica set (--replSet)'],
    ['mongo without a key file', (f) => ({ compose: f.compose.replace(', "--keyFile", "/keyfile/keyfile"', '') }), 'mongo has no --keyFile (members unauthenticated)'],
    ['MongoDB 6', (f) => ({ compose: f.compose.replace('image: mongo:7.0\n    restart: unless-stopped', 'image: mongo:6.0\n    restart: unless-stopped') }), 'mongo runs mongo:6.0, not MongoDB 7'],
    ['one app instance', (f) => ({ compose: f.compose.replace('\n  app2:\n    <<: *playroute\n', '\n') }), '1 Playroute instance(s), not two'],
    ['apps not waiting for a healthy mongo', (f) => ({ compose: f.compose.replace('condition: service_healthy', 'condition: service_started') }), 'app1: does not wait for mongo to be healthy'],
    ['a URI without the replica set', (f) => ({ compose: f.compose.replace('?replicaSet=rs0&', '?') }), 'app2: MONGODB_URI names no replicaSet'],
    ['a variable missing from .env.example', (f) => ({ env: f.env.replace(/^ACME_EMAIL=.*$/m, '') }), '${ACME_EMAIL} is not in .env.example'],
    ['a secret filled in', (f) => ({ env: f.env.replace(/^LTI_ENCRYPTION_KEY=$/m, 'LTI_ENCRYPTION_KEY=abc123abc123abc123abc123abc123abc123') }), 'LTI_ENCRYPTION_KEY has a value in .env.example'],
    ['a setting without a comment', (f) => ({ env: f.env.replace(/^LOG_LEVEL=/m, '\nLOG_LEVEL=') }), 'LOG_LEVEL in .env.example has no comment'],
    ['Caddy proxying to one instance', (f) => ({ caddyfile: f.caddyfile.replace('reverse_proxy app1:3000 app2:3000', 'reverse_proxy app1:3000') }), 'the Caddyfile does not proxy to app2:3000'],
    ['Caddy checking liveness only', (f) => ({ caddyfile: f.caddyfile.replace('health_uri /health/ready', 'health_uri /health/live') }), 'the Caddyfile does not check /health/ready'],
    ['an app publishing its port', (f) => ({ compose: f.compose.replace('  app1:\n    <<: *playroute\n', '  app1:\n    <<: *playroute\n    ports:\n      - "3000:3000"\n') }), 'app1: publishes ports around the proxy'],
  ];
  it.each(broken)('with %s, the check names the problem', (_case, breakIt, problem) => {
    const files = { compose, caddyfile, env };
    const changed = { ...files, ...breakIt(files) };
    expect(changed).not.toEqual(files);
    expect(composeProblems(changed.compose, changed.caddyfile, changed.env)).toContain(problem);
  });
});

describe('the deploy scripts', () => {
  it('the replica set key is made once, private to mongod, and the MongoDB passwords come from the environment, never from a file', () => {
    const keyfile = read('deploy/mongo/make-keyfile.sh');
    expect(keyfile).toMatch(/chmod 0?400/);
    expect(keyfile).toMatch(/chown 999:999/);
    expect(keyfile).toMatch(/if \[ -s "\$key" \]/);
    for (const script of ['deploy/mongo/create-app-user.js', 'deploy/mongo/replica-set-health.js']) {
      expect(read(script)).toMatch(/process\.env\.MONGO_\w*PASSWORD/);
    }
    // The healthcheck runs a script (the password stays out of every process list) and initiates the set it names.
    const mongo = (parse(compose, { merge: true }) as ComposeFile).services.mongo;
    expect(mongo?.healthcheck?.test).toEqual(['CMD', 'mongosh', '--quiet', '--nodb', '/deploy/replica-set-health.js']);
    expect(read('deploy/mongo/replica-set-health.js')).toContain("_id: 'rs0'");
  });
});

describe('the MongoDB workflow (.github/workflows/mongodb.yml)', () => {
  interface Job {
    services?: Record<string, { image?: string }>;
    env?: Record<string, string>;
    steps?: { run?: string; uses?: string; with?: Record<string, unknown> }[];
  }
  const workflow = parse(read('.github/workflows/mongodb.yml')) as { on: Record<string, unknown>; env: Record<string, string>; jobs: Record<string, Job> };

  it('on every push and pull request, runs the conformance suite and the API tests on Node 20 with MONGODB_URI pointing at MongoDB 7, standalone with authentication and as a replica set', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    const suites = workflow.env.MONGODB_SUITES?.split(/\s+/) ?? [];
    expect(suites).toEqual(expect.arrayContaining(['test/store', 'test/api']));
    const { 'standalone-auth': standalone, 'replica-set': replicaSet } = workflow.jobs;
    expect(standalone?.services?.mongo?.image).toMatch(/^mongo:7(\.\d+)*$/);
    expect(standalone?.env?.MONGODB_URI).toMatch(/^mongodb:\/\/[^@]+@localhost:27017\/\?authSource=admin$/);
    expect(replicaSet?.env?.MONGODB_URI).toMatch(/[?&]replicaSet=rs0\b/);
    expect(replicaSet?.steps?.some((step) => /docker run [^\n]*mongo:7(\.\d+)* --replSet rs0/.test(step.run ?? ''))).toBe(true);
    for (const job of [standalone, replicaSet]) {
      expect(job?.steps?.find((step) => step.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe(20);
      const runs = job?.steps?.map((step) => step.run ?? '') ?? [];
      const install = runs.findIndex((run) => /^npm ci\b/.test(run));
      expect(install).toBeGreaterThanOrEqual(0);
      expect(install).toBeLessThan(runs.findIndex((run) => run.includes('npx vitest run $MONGODB_SUITES')));
    }
  });
});
