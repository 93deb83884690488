// The smallest ltijs 5.9 tool that completes a launch: Provider.setup on a given MongoDB, serverless (so we
// own the HTTP server), one registered platform, and an onConnect that answers a tiny page. The baseline
// the launch benchmark measures Playroute against; never part of the product.
import { createRequire } from 'node:module';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MongoClient } from 'mongodb';

/** The part of ltijs's Provider this baseline uses (ltijs ships no types). */
interface LtijsProvider {
  setup(encryptionKey: string, database: { url: string; connection?: Record<string, unknown> }, options: Record<string, unknown>): LtijsProvider;
  onConnect(callback: (token: { user: string }, req: unknown, res: { send(body: string): void }) => unknown): true;
  deploy(options: { serverless: true; silent: true }): Promise<true>;
  registerPlatform(platform: {
    url: string;
    name: string;
    clientId: string;
    authenticationEndpoint: string;
    accesstokenEndpoint: string;
    authConfig: { method: 'JWK_SET' | 'RSA_KEY'; key: string };
  }): Promise<unknown>;
  close(options: { silent: true }): Promise<true>;
  app: RequestListener;
  /** ltijs's own mongoose (7.x) connection. */
  Database: { db: { getClient(): MongoClient } };
}

export interface LtijsBaseline {
  base: string;
  loginUrl: string;
  launchUrl: string;
  jwksUrl: string;
  /** The driver client of ltijs's connection, opened with command monitoring on, so a bench can count its store commands. */
  client: MongoClient;
  /**
   * With `publicKeyPem`, ltijs verifies with that one key (its RSA_KEY method) instead of fetching the JWKS on every
   * launch (JWK_SET, what an LMS that rotates keys needs): the bench's LTIJS_KEY=static, ltijs at its cheapest.
   */
  register(platform: { issuer: string; clientId: string; authUrl: string; tokenUrl: string; jwksUrl: string; publicKeyPem?: string }): Promise<void>;
  close(): Promise<void>;
}

/** ltijs is a process-wide singleton (module.exports = new Provider()), so this can run once per process. */
export async function startLtijsBaseline(mongoUri: string): Promise<LtijsBaseline> {
  const require = createRequire(import.meta.url);
  const lti = (require('ltijs') as { Provider: LtijsProvider }).Provider;
  // Defaults as its README shows them, except the cookie flags: plain HTTP on 127.0.0.1 needs secure: false.
  lti.setup('bench-encryption-key', { url: mongoUri, connection: { monitorCommands: true } }, { cookies: { secure: false, sameSite: 'Lax' }, devMode: false });
  lti.onConnect((token, _req, res) => res.send(`<!doctype html><p>Launched as ${token.user}</p>`));
  await lti.deploy({ serverless: true, silent: true });
  const server: Server = createServer(lti.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    loginUrl: `${base}/login`,
    launchUrl: `${base}/`,
    jwksUrl: `${base}/keys`,
    client: lti.Database.db.getClient(),
    async register(platform) {
      await lti.registerPlatform({
        url: platform.issuer,
        name: 'Bench LMS',
        clientId: platform.clientId,
        authenticationEndpoint: platform.authUrl,
        accesstokenEndpoint: platform.tokenUrl,
        authConfig: platform.publicKeyPem ? { method: 'RSA_KEY', key: platform.publicKeyPem } : { method: 'JWK_SET', key: platform.jwksUrl },
      });
    },
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await lti.close({ silent: true });
    },
  };
}
