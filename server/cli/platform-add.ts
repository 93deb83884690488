// `npm run platform:add`: registers an LMS by hand (issuer, client id, endpoints, deployments) and prints what to enter in the LMS.
import { z } from 'zod';
import { isTrustedUrl } from '../lti/registration/registration-errors';
import { toolUrls } from '../lti/tool-urls';
import { createPlatformRegistry, type Platform } from '../lti/store/platforms';
import { openCliDatabase, parseOptions, runCli } from './cli-database';

const USAGE =
  'npm run platform:add -- --issuer URL --client-id ID --auth-url URL --token-url URL --jwks-url URL --deployment-id ID [--deployment-id ID …] [--token-audience URL] [--name TEXT]';

const OPTIONS = {
  issuer: { type: 'string' },
  'client-id': { type: 'string' },
  'auth-url': { type: 'string' },
  'token-url': { type: 'string' },
  'jwks-url': { type: 'string' },
  'deployment-id': { type: 'string', multiple: true },
  'token-audience': { type: 'string' },
  name: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function optionsSchema(allowLoopbackHttp: boolean) {
  const rule = allowLoopbackHttp ? 'must be an https URL (or http on localhost)' : 'must be an https URL';
  const url = z.string({ message: 'is required' }).refine((value) => isTrustedUrl(value, allowLoopbackHttp), rule);
  const text = z.string({ message: 'is required' }).trim().min(1, 'must not be empty');
  return z.object({
    issuer: url,
    'client-id': text,
    'auth-url': url,
    'token-url': url,
    'jwks-url': url,
    'deployment-id': z.array(text, { message: 'is required (once per deployment)' }).min(1, 'is required (once per deployment)'),
    'token-audience': url.optional(),
    name: text.optional(),
  });
}

await runCli('platform:add', async ({ config, logger }) => {
  if (process.argv.slice(2).some((arg) => arg === '--help' || arg === '-h')) {
    console.log(USAGE);
    return;
  }
  const options = parseOptions(process.argv.slice(2), OPTIONS, optionsSchema(config.env !== 'production'));
  const database = await openCliDatabase(config, logger);
  try {
    const platform = await createPlatformRegistry(database.connection).register({
      issuer: options.issuer,
      clientId: options['client-id'],
      name: options.name ?? new URL(options.issuer).host,
      authLoginUrl: options['auth-url'],
      tokenUrl: options['token-url'],
      tokenAudience: options['token-audience'],
      jwksUrl: options['jwks-url'],
      deploymentIds: options['deployment-id'],
      registeredVia: 'manual',
    });
    console.log(describe(platform, config.publicUrl));
  } finally {
    await database.close();
  }
});

function describe(platform: Platform, publicUrl: string): string {
  const urls = toolUrls(publicUrl);
  const rows = (pairs: [string, string | undefined][]) =>
    pairs.filter((pair): pair is [string, string] => pair[1] !== undefined).map(([label, value]) => `  ${label.padEnd(34)} ${value}`);
  return [
    `Registered platform "${platform.name}" (id ${platform.id}):`,
    ...rows([
      ['issuer', platform.issuer],
      ['client id', platform.clientId],
      ['deployment ids', platform.deploymentIds.join(', ')],
      ['authorization (OIDC auth) URL', platform.authLoginUrl],
      ['token URL', platform.tokenUrl],
      ['token audience', platform.tokenAudience],
      ['JWKS URL', platform.jwksUrl],
    ]),
    '',
    'Enter these in the LMS:',
    ...rows([
      ['OpenID Connect login URL', urls.login],
      ['redirect URI / target link URI', urls.launch],
      ['deep linking (content selection) URL', urls.launch],
      ['public keyset (JWKS) URL', urls.jwks],
    ]),
  ].join('\n');
}
