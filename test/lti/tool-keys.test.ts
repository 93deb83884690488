// The tool's own keys: rotated without breaking what platforms verify, and never stored or published in the clear.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scope } from '../../server/lti/claims';
import { createSecretBox } from '../../server/lti/secret-box';
import { createServiceTokens } from '../../server/lti/service-token';
import { startLtiHarness, type LtiHarness } from '../support/lti-harness';

let h: LtiHarness;
beforeAll(async () => {
  h = await startLtiHarness();
});
afterAll(async () => {
  await h.close();
});

async function publishedKids(): Promise<string[]> {
  const jwks = (await (await fetch(h.lti.urls.jwks)).json()) as { keys: { kid: string }[] };
  return jwks.keys.map((key) => key.kid);
}

describe('rotating the tool key', () => {
  it('after a rotation the LMS still accepts Playroute: new assertions carry the new key, and the old key stays published', async () => {
    const before = (await h.lti.keys.signingKey()).kid;
    await createServiceTokens({ keys: h.lti.keys, userAgent: h.lti.urls.userAgent }).get(h.platform, [Scope.nrpsMembership]);

    const rotated = await h.lti.keys.rotate();
    expect(rotated).not.toBe(before);
    expect((await h.lti.keys.signingKey()).kid).toBe(rotated);
    expect(await publishedKids()).toEqual([rotated, before]);

    // A fresh token request signs with the new key; the LMS, which cached the old JWKS, must accept it.
    const token = await createServiceTokens({ keys: h.lti.keys, userAgent: h.lti.urls.userAgent }).get(h.platform, [Scope.nrpsMembership]);
    expect(token.value).toBeTruthy();
    const outcome = await h.browser().launch({ user: h.lms.member('teacher').userId, messageType: 'LtiDeepLinkingRequest' });
    const answer = (await (
      await h.api(outcome.sessionToken ?? '', '/api/deep-linking/response', { method: 'POST', body: JSON.stringify({ choice: { kind: 'new', title: 'After rotation' } }) })
    ).json()) as { returnUrl: string; jwt: string };
    const placed = await fetch(answer.returnUrl, { method: 'POST', body: new URLSearchParams({ JWT: answer.jwt }) });
    expect(placed.status).toBe(200);
  });
});

describe('keys at rest', () => {
  it('the private key is stored encrypted: no private JWK fields in the database, and the wrong master key cannot open it', async () => {
    const stored = await h.database.connection.db?.collection('lti_tool_keys').find().toArray();
    expect(stored?.length).toBeGreaterThan(0);
    for (const key of stored ?? []) {
      expect(JSON.stringify(key)).not.toMatch(/"d":|"p":|"q":|"dp":/);
      const sealed = key.encryptedPrivateJwk as { iv: string; tag: string; data: string };
      expect(JSON.parse(createSecretBox(h.config.ltiEncryptionKey, 'tool-keys').open(sealed))).toHaveProperty('d');
      expect(() => createSecretBox('another-master-key-of-enough-length!!', 'tool-keys').open(sealed)).toThrow();
    }
  });
});
