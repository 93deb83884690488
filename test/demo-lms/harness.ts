// A demo LMS and a minimal fake LTI tool, each on its own real HTTP server on port 0, for the demo-lms tests.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createRemoteJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { createDemoLms, type DemoLms, type DemoLmsOptions, type RegisteredTool, type StartLaunchProps } from '../../server/demo-lms/index';

export interface ToolKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export async function newToolKey(): Promise<ToolKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

async function listen(app: express.Express): Promise<{ server: Server; base: string }> {
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, base: `http://127.0.0.1:${port}` };
}

/** The fake tool: publishes a JWKS and knows how to speak to the platform the way an LTI tool would. */
export class FakeTool {
  keys: ToolKey[] = [];
  constructor(readonly base: string) {}
  get jwksUrl(): string {
    return `${this.base}/tool/jwks`;
  }
  get loginUrl(): string {
    return `${this.base}/tool/login`;
  }
  get launchUrl(): string {
    return `${this.base}/tool/launch`;
  }
  get deepLinkUrl(): string {
    return `${this.base}/tool/deep-link`;
  }
  get signingKey(): ToolKey {
    const key = this.keys.at(-1);
    if (!key) throw new Error('tool has no key');
    return key;
  }
  async sign(claims: JWTPayload, key: ToolKey = this.signingKey): Promise<string> {
    return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' }).sign(key.privateKey);
  }
}

export interface Harness {
  lms: DemoLms;
  lmsBase: string;
  tool: FakeTool;
  registered: RegisteredTool;
  close(): Promise<void>;
}

export async function startHarness(options: Omit<DemoLmsOptions, 'issuer'> = {}): Promise<Harness> {
  const toolApp = express();
  const toolServer = await listen(toolApp);
  const tool = new FakeTool(toolServer.base);
  tool.keys.push(await newToolKey());
  toolApp.get('/tool/jwks', (_req, res) => {
    res.json({ keys: tool.keys.map((key) => key.publicJwk) });
  });

  const lmsApp = express();
  const lmsServer = await listen(lmsApp);
  const lmsBase = `${lmsServer.base}/demo-lms`;
  const lms = createDemoLms({ issuer: lmsBase, ...options });
  lmsApp.use('/demo-lms', lms.router);
  const registered = lms.registerTool({
    name: 'Playroute',
    loginUrl: tool.loginUrl,
    redirectUris: [tool.launchUrl],
    launchUrl: tool.launchUrl,
    jwksUrl: tool.jwksUrl,
    deepLinkUrl: tool.deepLinkUrl,
    customParameters: { user: '$User.id', flavour: 'route' },
  });
  return {
    lms,
    lmsBase,
    tool,
    registered,
    close: async () => {
      await Promise.all([lmsServer.server, toolServer.server].map((server) => new Promise((resolve) => server.close(resolve))));
    },
  };
}

export function authParams(h: Harness, loginParams: Record<string, string>, overrides: Record<string, string | undefined> = {}): URLSearchParams {
  const params: Record<string, string | undefined> = {
    scope: 'openid',
    response_type: 'id_token',
    response_mode: 'form_post',
    prompt: 'none',
    client_id: h.registered.clientId,
    redirect_uri: h.tool.launchUrl,
    login_hint: loginParams.login_hint,
    lti_message_hint: loginParams.lti_message_hint,
    state: `state-${randomUUID()}`,
    nonce: `nonce-${randomUUID()}`,
    ...overrides,
  };
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, value);
  return search;
}

/** Reads the hidden inputs of the platform's auto-submitting form_post page. */
export function formFields(html: string): { action: string; fields: Record<string, string> } {
  const unescape = (value: string) =>
    value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const action = unescape(/<form[^>]*action="([^"]*)"/.exec(html)?.[1] ?? '');
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    fields[unescape(match[1] ?? '')] = unescape(match[2] ?? '');
  }
  return { action, fields };
}

export interface CompletedLaunch {
  loginParams: Record<string, string>;
  nonce: string;
  state: string;
  idToken: string;
  claims: JWTPayload;
}

/** The whole third-party login as a browser and the tool would do it, ending with a verified id_token. */
export async function launch(h: Harness, props: StartLaunchProps): Promise<CompletedLaunch> {
  const started = h.lms.startLaunch(props);
  const loginParams = Object.fromEntries(new URL(started.url).searchParams);
  const params = authParams(h, loginParams);
  const response = await fetch(`${h.lmsBase}/auth?${params.toString()}`);
  if (response.status !== 200) throw new Error(`auth endpoint answered ${response.status}: ${await response.text()}`);
  const { action, fields } = formFields(await response.text());
  if (action !== h.tool.launchUrl) throw new Error(`form posts to ${action}`);
  if (!fields.id_token) throw new Error(`no id_token: ${JSON.stringify(fields)}`);
  if (fields.state !== params.get('state')) throw new Error('state not echoed');
  const jwks = createRemoteJWKSet(new URL(`${h.lmsBase}/.well-known/jwks.json`));
  const { payload } = await jwtVerify(fields.id_token, jwks, { issuer: h.lmsBase, audience: h.registered.clientId });
  return { loginParams, nonce: params.get('nonce') ?? '', state: params.get('state') ?? '', idToken: fields.id_token, claims: payload };
}

/** A client_credentials token request with a private_key_jwt assertion; `claims` overrides the assertion's claims. */
export async function requestToken(
  h: Harness,
  scopes: string[],
  options: { claims?: JWTPayload; key?: ToolKey; assertion?: string } = {},
): Promise<Response> {
  const nowS = Math.floor(Date.now() / 1000);
  // As a tool reads it from the openid-configuration: authorization_server if given, else the token endpoint.
  const server = h.lms.openidConfiguration().authorization_server;
  const aud = typeof server === 'string' ? server : `${h.lmsBase}/token`;
  const assertion =
    options.assertion ??
    (await h.tool.sign(
      {
        iss: h.registered.clientId,
        sub: h.registered.clientId,
        aud,
        iat: nowS,
        exp: nowS + 300,
        jti: randomUUID(),
        ...options.claims,
      },
      options.key,
    ));
  return fetch(`${h.lmsBase}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'playroute-test/1.0' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
      scope: scopes.join(' '),
    }),
  });
}

export async function accessToken(h: Harness, scopes: string[], claims: JWTPayload = {}): Promise<string> {
  const response = await requestToken(h, scopes, { claims });
  const body = (await response.json()) as { access_token?: string };
  if (response.status !== 200 || !body.access_token) throw new Error(`token request failed: ${response.status} ${JSON.stringify(body)}`);
  return body.access_token;
}
