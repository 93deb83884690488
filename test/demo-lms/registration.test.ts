// Dynamic Registration, round trip: the platform sends the tool its openid-configuration and registration token, and registers it.
import { afterEach, describe, expect, it } from 'vitest';
import { ALL_SCOPES, MessageType, RegistrationKey, Scope } from '../../server/lti/claims';
import type { LmsQuirks } from '../../server/demo-lms/index';
import { launch, startHarness, type Harness } from './harness';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

function registrationBody(h: Harness): Record<string, unknown> {
  return {
    application_type: 'web',
    response_types: ['id_token'],
    grant_types: ['implicit', 'client_credentials'],
    initiate_login_uri: `${h.tool.base}/dyn/login`,
    redirect_uris: [`${h.tool.base}/dyn/launch`],
    client_name: 'Playroute (dynamic)',
    jwks_uri: h.tool.jwksUrl,
    token_endpoint_auth_method: 'private_key_jwt',
    scope: `${Scope.lineItem} ${Scope.score} ${Scope.nrpsMembership} https://example.com/not-a-scope`,
    [RegistrationKey.toolConfiguration]: {
      domain: new URL(h.tool.base).host,
      target_link_uri: `${h.tool.base}/dyn/launch`,
      custom_parameters: { via: 'dynamic' },
      claims: ['iss', 'sub', 'name'],
      messages: [{ type: MessageType.deepLinkingRequest, target_link_uri: `${h.tool.base}/dyn/deep-link`, label: 'Playroute' }],
    },
  };
}

async function register(url: string, token: string | undefined, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

describe('dynamic registration', () => {
  it('a tool follows the initiation URL, reads the configuration, registers, and can then be launched', async () => {
    h = await startHarness();
    const started = h.lms.startRegistration(`${h.tool.base}/dyn/register`);
    const initiation = new URL(started.url);
    expect(initiation.origin + initiation.pathname).toBe(`${h.tool.base}/dyn/register`);
    const configUrl = initiation.searchParams.get('openid_configuration') ?? '';
    const token = initiation.searchParams.get('registration_token') ?? '';
    const config = (await (await fetch(configUrl)).json()) as Record<string, unknown>;
    expect(config).toMatchObject({
      issuer: h.lmsBase,
      authorization_endpoint: `${h.lmsBase}/auth`,
      token_endpoint: `${h.lmsBase}/token`,
      jwks_uri: `${h.lmsBase}/.well-known/jwks.json`,
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      id_token_signing_alg_values_supported: ['RS256'],
      [RegistrationKey.platformConfiguration]: { product_family_code: 'playroute-demo-lms' },
    });
    expect(config.scopes_supported).toEqual(expect.arrayContaining(['openid', ...ALL_SCOPES]));

    const response = await register(String(config.registration_endpoint), token, registrationBody(h));
    expect(response.status).toBe(200);
    const answer = (await response.json()) as Record<string, unknown> & { client_id: string };
    const toolConfig = answer[RegistrationKey.toolConfiguration] as { deployment_id: string };
    expect(answer.client_id).toBeTruthy();
    expect(answer.scope).toBe(`${Scope.lineItem} ${Scope.score} ${Scope.nrpsMembership}`);
    expect(toolConfig.deployment_id).toBeTruthy();

    const recorded = h.lms.tools().find((tool) => tool.clientId === answer.client_id);
    expect(recorded).toMatchObject({
      registeredVia: 'dynamic',
      loginUrl: `${h.tool.base}/dyn/login`,
      redirectUris: [`${h.tool.base}/dyn/launch`],
      jwksUrl: h.tool.jwksUrl,
      deepLinkUrl: `${h.tool.base}/dyn/deep-link`,
      deploymentIds: [toolConfig.deployment_id],
      customParameters: { via: 'dynamic' },
    });
    const started2 = h.lms.startLaunch({ user: h.lms.member('student').userId, clientId: answer.client_id });
    expect(started2.url).toContain(`${h.tool.base}/dyn/login?`);
    // The registration token is single use.
    expect((await register(String(config.registration_endpoint), token, registrationBody(h))).status).toBe(401);
  });

  it('refuses a missing registration token (401) and incomplete metadata (400 invalid_client_metadata)', async () => {
    h = await startHarness();
    const url = `${h.lmsBase}/registration`;
    expect((await register(url, undefined, registrationBody(h))).status).toBe(401);
    const token = h.lms.startRegistration(`${h.tool.base}/dyn/register`).registrationToken;
    const body = registrationBody(h);
    delete body.jwks_uri;
    const response = await register(url, token, body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_client_metadata', error_description: expect.stringContaining('jwks_uri') });
    const noConfig = registrationBody(h);
    delete noConfig[RegistrationKey.toolConfiguration];
    expect((await register(url, token, noConfig)).status).toBe(400);
  });

  it.each([
    ['canvas', 'canvas'],
    ['moodle', 'moodle'],
    ['brightspace', 'desire2learn'],
  ] as const)('%s announces product_family_code %s', async (quirks: LmsQuirks, code) => {
    h = await startHarness({ quirks });
    const config = (await (await fetch(`${h.lmsBase}/.well-known/openid-configuration`)).json()) as Record<string, { product_family_code: string }>;
    expect(config[RegistrationKey.platformConfiguration]?.product_family_code).toBe(code);
  });

  it('the manually registered tool still launches after a dynamic one joins', async () => {
    h = await startHarness();
    const token = h.lms.startRegistration(`${h.tool.base}/dyn/register`).registrationToken;
    await register(`${h.lmsBase}/registration`, token, registrationBody(h));
    const { claims } = await launch(h, { user: h.lms.member('teacher').userId, clientId: h.registered.clientId });
    expect(claims.aud).toBe(h.registered.clientId);
  });
});
