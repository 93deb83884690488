// The token endpoint as a tool meets it: private_key_jwt assertions checked for signature, audience, claims, replay and scope.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { Scope } from '../../server/lti/claims';
import { BRIGHTSPACE_TOKEN_AUDIENCE } from '../../server/demo-lms/quirks';
import { newToolKey, requestToken, startHarness, type Harness } from './harness';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

describe('the OAuth2 token endpoint', () => {
  it('a good assertion gets an opaque bearer token with expires_in and the granted scope', async () => {
    h = await startHarness();
    const response = await requestToken(h, [Scope.lineItem, Scope.score]);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: `${Scope.lineItem} ${Scope.score}` });
    expect(String(body.access_token)).not.toContain('.');
  });

  it('an assertion signed by a key not in the tool JWKS is invalid_client', async () => {
    h = await startHarness();
    const stranger = await newToolKey();
    const response = await requestToken(h, [Scope.score], { key: { ...stranger, kid: h.tool.signingKey.kid } });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client', error_description: expect.stringMatching(/signature/) });
  });

  it('when the tool rotates its key, the platform refetches the JWKS and accepts the new kid', async () => {
    h = await startHarness();
    expect((await requestToken(h, [Scope.score])).status).toBe(200);
    h.tool.keys.push(await newToolKey());
    expect((await requestToken(h, [Scope.score])).status).toBe(200);
  });

  it.each([
    ['a wrong audience', { aud: 'https://elsewhere.example/token' }],
    ['sub differing from iss', { sub: 'someone-else' }],
    ['an expired assertion', { exp: Math.floor(Date.now() / 1000) - 120, iat: Math.floor(Date.now() / 1000) - 600 }],
  ])('%s is invalid_client', async (_name, claims) => {
    h = await startHarness();
    const response = await requestToken(h, [Scope.score], { claims });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('a replayed jti is refused the second time', async () => {
    h = await startHarness();
    const jti = randomUUID();
    expect((await requestToken(h, [Scope.score], { claims: { jti } })).status).toBe(200);
    const replay = await requestToken(h, [Scope.score], { claims: { jti } });
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ error: 'invalid_client', error_description: expect.stringMatching(/jti/) });
  });

  it('a scope the tool was not granted is invalid_scope', async () => {
    h = await startHarness();
    const response = await requestToken(h, [Scope.score, 'https://purl.imsglobal.org/spec/lti-ags/scope/superpowers']);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_scope' });
  });

  it('a grant other than client_credentials is unsupported_grant_type', async () => {
    h = await startHarness();
    const response = await fetch(`${h.lmsBase}/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', client_assertion_type: 'x', client_assertion: 'y', scope: Scope.score }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('Brightspace wants its own audience, not the token URL; its openid-configuration names it as authorization_server', async () => {
    h = await startHarness({ quirks: 'brightspace' });
    const tokenUrlAudience = await requestToken(h, [Scope.score], { claims: { aud: `${h.lmsBase}/token` } });
    expect(tokenUrlAudience.status).toBe(401);
    expect(await tokenUrlAudience.json()).toMatchObject({ error_description: expect.stringContaining(BRIGHTSPACE_TOKEN_AUDIENCE) });
    expect((await requestToken(h, [Scope.score])).status).toBe(200);
    const config = (await (await fetch(`${h.lmsBase}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(config.authorization_server).toBe(BRIGHTSPACE_TOKEN_AUDIENCE);
    expect(config.token_endpoint).toBe(`${h.lmsBase}/token`);
  });
});
