// `npm run privacy:erase -- --platform-id ID --sub SUB [--preview]`: erases one person's data on request (GDPR art. 17) and prints
// the report: what was removed, what was pseudonymised, and what stays (grades already in the LMS stay there).
import { z } from 'zod';
import { erasePerson } from '../features/privacy/index';
import { openCliDatabase, parseOptions, runCli } from './cli-database';

await runCli('privacy:erase', async ({ config, logger }) => {
  const options = parseOptions(
    process.argv.slice(2),
    { 'platform-id': { type: 'string' }, sub: { type: 'string' }, preview: { type: 'boolean' } },
    // The message on z.string itself: a missing option is undefined, which .min never sees (zod said "Invalid input").
    z.object({ 'platform-id': z.string({ message: 'is required' }).min(1, 'is required'), sub: z.string({ message: 'is required' }).min(1, 'is required'), preview: z.boolean().optional() }),
  );
  const database = await openCliDatabase(config, logger);
  try {
    const report = await erasePerson({ connection: database.connection, logger }, { platformId: options['platform-id'], sub: options.sub }, { preview: options.preview });
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await database.close();
  }
});
