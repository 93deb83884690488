// `npm run keys:rotate`: a new signing key for Playroute; the old one stays in the JWKS for the grace period so tokens it signed still verify.
import { z } from 'zod';
import { createSecretBox } from '../lti/secret-box';
import { createToolKeys, RETIRED_KEY_GRACE_MS } from '../lti/tool-keys';
import { createToolKeyStore } from '../lti/store/tool-keys';
import { openCliDatabase, parseOptions, runCli } from './cli-database';

await runCli('keys:rotate', async ({ config, logger }) => {
  parseOptions(process.argv.slice(2), {}, z.object({}));
  const database = await openCliDatabase(config, logger);
  try {
    const keys = createToolKeys({ store: createToolKeyStore(database.connection), secrets: createSecretBox(config.ltiEncryptionKey, 'tool-keys') });
    const hasKey = (await keys.jwks()).keys.length > 0;
    // Opening the current key first proves LTI_ENCRYPTION_KEY is the server's: a new key sealed with another would stop all signing.
    const old = hasKey ? await keys.signingKey().catch(() => undefined) : undefined;
    if (hasKey && !old) throw new Error('cannot open the current key: LTI_ENCRYPTION_KEY differs from the one the server uses');
    const kid = await keys.rotate();
    const until = new Date(Date.now() + RETIRED_KEY_GRACE_MS).toISOString();
    console.log(old ? `old kid: ${old.kid} (stays published until ${until})` : 'old kid: none');
    console.log(`new kid: ${kid} (signs from now on; running servers pick it up within a minute)`);
  } finally {
    await database.close();
  }
});
