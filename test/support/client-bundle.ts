// What each role's browser downloads before its first screen, read from a vite build's manifest: the scripts
// index.html loads (and modulepreloads), then the role's lazy screen and its texts with everything they import.
// Used by `npm run bench:client` (test/bench/client-size.ts) and test/architecture/client-size.test.ts (issue 13).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'vite';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const CLIENT_CONFIG = path.join(ROOT, 'client', 'vite.config.ts');

/** One entry of vite's .vite/manifest.json (build.manifest), keyed by source path relative to client/. */
interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/**
 * The first screen of each role: the lazy screen role-view.tsx / app.tsx opens first, and the message parts it asks for
 * (role-view.tsx, `screen(…)`). A teacher lands on the designer tab, a TA on "My students".
 */
export const FIRST_SCREENS = {
  student: { screen: 'src/features/student-route/components/student-home.tsx', parts: ['student'] },
  teacher: { screen: 'src/features/playbook-designer/components/designer-home.tsx', parts: ['designer'] },
  assistant: { screen: 'src/features/coach/components/coach-home.tsx', parts: ['grading', 'coaching', 'student'] },
  coach: { screen: 'src/features/coach/components/coach-home.tsx', parts: ['grading', 'coaching', 'student'] },
  'deep linking': { screen: 'src/features/deep-linking/components/deep-linking-picker.tsx', parts: [] },
} as const;
export type Role = keyof typeof FIRST_SCREENS;

export interface Download {
  /** Built files (assets/…), each counted once. */
  files: string[];
  /** Manifest keys of those files: the entry, lazy screens, message parts and shared chunks (`_name-hash.js`). */
  sources: string[];
  /** Every source module inside those files, relative to the repository (only for a build made by buildClient). */
  modules: string[];
  raw: number;
  gzip: number;
  brotli: number;
}

export interface ClientSizes {
  shell: Download;
  roles: Record<Role, Download>;
  /** Every JavaScript file of the build. */
  all: Download;
  /** Per lazily loaded chunk (manifest key: a screen, a message part), the source modules it brings beyond the shell. */
  lazy: Record<string, string[]>;
}

const MODULES_FILE = path.join('.vite', 'modules.json');

/**
 * Builds the client into `outDir` (with the manifest, without source maps) and returns how long it took. Beside the
 * manifest it writes which source modules went into each file, since a shared chunk's name need not say.
 */
export async function buildClient(outDir: string): Promise<number> {
  const started = performance.now();
  const modules: Record<string, string[]> = {};
  await build({
    configFile: CLIENT_CONFIG,
    // Production even under vitest (NODE_ENV=test): client/vite.config.ts makes a production build React's production build.
    mode: 'production',
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true, manifest: true, sourcemap: false },
    plugins: [
      {
        name: 'playroute-module-list',
        generateBundle(_options, bundle) {
          for (const chunk of Object.values(bundle)) if (chunk.type === 'chunk') modules[chunk.fileName] = chunk.moduleIds.map((id) => path.relative(ROOT, id.replace(/^\0/, '')));
        },
      },
    ],
  });
  fs.writeFileSync(path.join(outDir, MODULES_FILE), JSON.stringify(modules));
  return performance.now() - started;
}

export function measureClient(outDir: string, language: 'en' | 'nl' = 'en'): ClientSizes {
  const manifest = JSON.parse(fs.readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const modulesFile = path.join(outDir, MODULES_FILE);
  const modulesOf = fs.existsSync(modulesFile) ? (JSON.parse(fs.readFileSync(modulesFile, 'utf8')) as Record<string, string[]>) : {};
  const byFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));
  const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
  // What the page itself asks for: <script type="module" src> and <link rel="modulepreload" href>.
  const loadedByHtml = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  const shellKeys = loadedByHtml.map((file) => {
    const key = byFile.get(file);
    if (!key) throw new Error(`index.html loads ${file}, which the manifest does not list`);
    return key;
  });

  /** A chunk and everything it imports statically: what the browser fetches before the chunk runs. */
  const closure = (keys: readonly string[], into = new Set<string>()): Set<string> => {
    for (const key of keys) {
      if (into.has(key)) continue;
      const chunk = manifest[key];
      if (!chunk) throw new Error(`The build has no chunk for ${key}`);
      into.add(key);
      closure(chunk.imports ?? [], into);
    }
    return into;
  };
  const shell = closure(shellKeys);
  const download = (keys: Set<string>): Download => {
    const files = [...new Set([...keys].map((key) => manifest[key]!.file))].filter((file) => file.endsWith('.js'));
    let raw = 0;
    let gzip = 0;
    let brotli = 0;
    for (const file of files) {
      const bytes = fs.readFileSync(path.join(outDir, file));
      raw += bytes.length;
      gzip += zlib.gzipSync(bytes, { level: 9 }).length;
      brotli += zlib.brotliCompressSync(bytes).length;
    }
    const modules = [...new Set(files.flatMap((file) => modulesOf[file] ?? []))].sort();
    return { files: files.sort(), sources: [...keys].sort(), modules, raw, gzip, brotli };
  };
  const roles = Object.fromEntries(
    Object.entries(FIRST_SCREENS).map(([role, first]) => {
      // A part built into another chunk (all of them were in the entry before issue 13) is counted with that chunk.
      const messages = first.parts.map((part) => `src/i18n/messages/${part}.${language}.ts`).filter((key) => key in manifest);
      return [role, download(closure([first.screen, ...messages], new Set(shell)))];
    }),
  ) as Record<Role, Download>;
  const everything = new Set(Object.keys(manifest).filter((key) => manifest[key]!.file.endsWith('.js')));
  const lazy = Object.fromEntries(
    Object.keys(manifest)
      .filter((key) => manifest[key]!.isDynamicEntry)
      .map((key) => [key, download(new Set([...closure([key], new Set(shell))].filter((k) => !shell.has(k)))).modules]),
  );
  return { shell: download(shell), roles, all: download(everything), lazy };
}

export const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
