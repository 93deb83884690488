// `npm run lti-config -- --public-url URL`: writes lti-config/ (Canvas JSON, Moodle and Brightspace settings) from the tool's one configuration.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { isTrustedUrl } from '../lti/registration/registration-errors';
import { ltiConfigFiles, PLACEHOLDER_PUBLIC_URL } from '../lti/registration/config-files';
import { PROJECT_ROOT } from '../project-root';
import { parseOptions, UsageError } from './cli-database';

const schema = z.object({
  'public-url': z
    .string()
    .refine((value) => isTrustedUrl(value, true), 'must be an https URL (or http on localhost)')
    .default(PLACEHOLDER_PUBLIC_URL),
  out: z.string().min(1, 'must not be empty').default(path.join(PROJECT_ROOT, 'lti-config')),
});

try {
  const options = parseOptions(process.argv.slice(2), { 'public-url': { type: 'string' }, out: { type: 'string' } }, schema);
  const publicUrl = options['public-url'].replace(/\/+$/, '');
  for (const [file, content] of Object.entries(ltiConfigFiles(publicUrl))) {
    const target = path.join(options.out, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
    console.log(`wrote ${path.relative(process.cwd(), target)}`);
  }
} catch (err) {
  console.error(`lti-config: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = err instanceof UsageError ? 2 : 1;
}
