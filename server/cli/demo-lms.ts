// `npm run demo-lms`: the simulated LMS as a process of its own, the way a real LMS is another server: it knows
// Playroute only by its public URL, and Playroute knows it only by the platform registered with `npm run platform:add`.
// Inside a development `npm start` the same LMS is mounted at /demo-lms; a production server never has it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { z } from 'zod';
import { createDemoLms } from '../demo-lms/index';
import { DEMO_CLIENT_ID, DEMO_DEPLOYMENT_ID } from '../demo-platform';
import { toolConfiguration } from '../lti/tool-configuration';
import { toolUrls } from '../lti/tool-urls';

const envSchema = z.object({
  DEMO_LMS_PORT: z.coerce
    .number({ message: 'must be a whole number from 0 to 65535' })
    .int('must be a whole number from 0 to 65535')
    .min(0, 'must be a whole number from 0 to 65535')
    .max(65535, 'must be a whole number from 0 to 65535')
    .default(3100),
  DEMO_LMS_HOST: z.string().min(1).default('127.0.0.1'),
  /** Where browsers and Playroute reach this LMS (its issuer); behind a TLS proxy, that proxy's https address. */
  DEMO_LMS_URL: z.url({ message: 'must be an absolute http(s) URL' }).optional(),
  /** Playroute's PUBLIC_URL: the tool this LMS launches. */
  PLAYROUTE_URL: z.url({ message: 'must be an absolute http(s) URL' }).default('http://localhost:3000'),
});

const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== '')));
if (!parsed.success) {
  const issue = parsed.error.issues[0];
  console.error(`demo-lms: cannot start: ${String(issue?.path[0] ?? 'environment')} ${issue?.message ?? 'is invalid'}`);
  process.exit(78);
}
const env = parsed.data;

const app = express();
app.disable('x-powered-by');
let handle: http.RequestListener = (_req, res) => res.writeHead(503).end();
const server = http.createServer((req, res) => handle(req, res));
await new Promise<void>((resolve, reject) => {
  server.once('error', reject);
  server.listen(env.DEMO_LMS_PORT, env.DEMO_LMS_HOST, () => resolve());
}).catch((err: unknown) => {
  console.error(`demo-lms: cannot listen on ${env.DEMO_LMS_HOST}:${env.DEMO_LMS_PORT}: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
const port = (server.address() as AddressInfo).port;
const issuer = (env.DEMO_LMS_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');

const lms = createDemoLms({ issuer });
const tool = toolUrls(env.PLAYROUTE_URL);
lms.registerTool({
  name: 'Playroute',
  clientId: DEMO_CLIENT_ID,
  deploymentIds: [DEMO_DEPLOYMENT_ID],
  loginUrl: tool.login,
  launchUrl: tool.launch,
  redirectUris: [tool.launch],
  deepLinkUrl: tool.launch,
  jwksUrl: tool.jwks,
  // The custom fields of Playroute's configuration, as an administrator pastes them into the LMS.
  customParameters: toolConfiguration(tool.base).customParameters,
});
app.use(lms.router);
handle = app;

const platformAdd = [
  'npm run platform:add --',
  `--issuer ${lms.urls.issuer}`,
  `--client-id ${DEMO_CLIENT_ID}`,
  `--auth-url ${lms.urls.authorization}`,
  `--token-url ${lms.urls.token}`,
  `--jwks-url ${lms.urls.jwks}`,
  `--deployment-id ${DEMO_DEPLOYMENT_ID}`,
  '--name "Demo LMS"',
].join(' ');
console.log(`The demo LMS is running at ${issuer} (listening on ${env.DEMO_LMS_HOST}:${port}), with Playroute at ${tool.base} as its tool.`);
console.log(`Register it in Playroute with:\n  ${platformAdd}`);
console.log(`Then open ${issuer}/ and launch as teacher, student or coach. Stop with Ctrl-C.`);

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
