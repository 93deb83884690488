// What each role's browser downloads before its first screen (issue 13): the scripts index.html loads, then the role's
// lazy screen and its texts in one language, with everything they import; gzip (level 9) and brotli, as a server or
// proxy that compresses would send them.
// Run: npm run bench:client   (LANGUAGE=nl for the Dutch texts; BUILT=client/dist to measure an existing build,
// which needs build.manifest, on in client/vite.config.ts)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildClient, FIRST_SCREENS, kB, measureClient, type Download, type Role } from '../support/client-bundle';

const language = process.env.LANGUAGE === 'nl' ? 'nl' : 'en';

async function main(): Promise<void> {
  let outDir = process.env.BUILT;
  let temporary: string | undefined;
  if (!outDir) {
    temporary = outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'playroute-client-size-'));
    const ms = await buildClient(outDir);
    console.log(`built the client in ${(ms / 1000).toFixed(1)} s`);
  }
  try {
    const sizes = measureClient(outDir, language);
    const row = (what: string, d: Download) =>
      console.log(`${what.padEnd(38)} ${kB(d.gzip).padStart(9)} gzip ${kB(d.brotli).padStart(9)} brotli ${kB(d.raw).padStart(9)} raw  ${d.files.length} files`);
    console.log(`initial JavaScript (texts in ${language === 'en' ? 'English' : 'Dutch'})`);
    row('every page (index.html)', sizes.shell);
    for (const role of Object.keys(FIRST_SCREENS) as Role[]) row(`${role}, before the first screen`, sizes.roles[role]);
    row('whole client, every chunk', sizes.all);
  } finally {
    if (temporary) fs.rmSync(temporary, { recursive: true, force: true });
  }
}

await main();
