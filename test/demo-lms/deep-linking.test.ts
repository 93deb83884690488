// Deep linking as a tool meets it: the signed response is verified, data echoed, items placed and made launchable.
import { randomUUID } from 'node:crypto';
import type { JWTPayload } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { Claim, MessageType } from '../../server/lti/claims';
import { launch, newToolKey, startHarness, type Harness, type ToolKey } from './harness';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

async function deepLinkingRequest() {
  const { claims } = await launch(h, { user: h.lms.member('teacher').userId, messageType: MessageType.deepLinkingRequest });
  return claims[Claim.deepLinkingSettings] as { deep_link_return_url: string; data: string };
}

async function respond(returnUrl: string, claims: JWTPayload, key?: ToolKey): Promise<Response> {
  const nowS = Math.floor(Date.now() / 1000);
  const jwt = await h.tool.sign(
    {
      iss: h.registered.clientId,
      aud: h.lmsBase,
      iat: nowS,
      exp: nowS + 300,
      nonce: randomUUID(),
      [Claim.messageType]: MessageType.deepLinkingResponse,
      [Claim.version]: '1.3.0',
      [Claim.deploymentId]: h.registered.deploymentIds[0],
      ...claims,
    },
    key,
  );
  return fetch(returnUrl, { method: 'POST', body: new URLSearchParams({ JWT: jwt }) });
}

const item = {
  type: 'ltiResourceLink',
  title: 'Leerroute: projectplan',
  url: 'http://127.0.0.1/tool/launch?outcome=lo-7',
  custom: { outcome: 'lo-7' },
  lineItem: { scoreMaximum: 4, label: 'Projectplan', resourceId: 'lo-7', tag: 'outcome' },
};

describe('the deep-linking return', () => {
  it('places an ltiResourceLink, creates its line item, and the new placement launches with that lineitem', async () => {
    h = await startHarness();
    const settings = await deepLinkingRequest();
    const response = await respond(settings.deep_link_return_url, {
      [Claim.deepLinkingData]: settings.data,
      [Claim.deepLinkingContentItems]: [item],
      [Claim.deepLinkingMsg]: 'Geplaatst',
    });
    expect(response.status).toBe(200);
    const [result] = h.lms.deepLinkResults();
    expect(result).toMatchObject({ data: settings.data, msg: 'Geplaatst', contentItems: [item] });
    const placementId = result?.createdPlacements[0] ?? '';
    expect(h.lms.lineItems()).toEqual([expect.objectContaining({ label: 'Projectplan', scoreMaximum: 4, resourceLinkId: placementId, tag: 'outcome' })]);

    const placed = await launch(h, { user: h.lms.member('student').userId, placement: placementId });
    expect(placed.claims[Claim.targetLinkUri]).toBe(item.url);
    expect(placed.claims[Claim.resourceLink]).toMatchObject({ id: placementId, title: item.title });
    expect(placed.claims[Claim.custom]).toMatchObject({ outcome: 'lo-7' });
    expect((placed.claims[Claim.agsEndpoint] as { lineitem?: string }).lineitem).toMatch(/\/lineitems\/[^/]+$/);
  });

  it.each([
    ['a signature by an unknown key', async () => ({ key: await newToolKey(), claims: {} })],
    ['the wrong audience', async () => ({ key: undefined, claims: { aud: 'https://other-platform.example' } })],
    ['a wrong deployment_id', async () => ({ key: undefined, claims: { [Claim.deploymentId]: 'dep-other' } })],
    ['data that was never sent', async () => ({ key: undefined, claims: { [Claim.deepLinkingData]: 'forged' } })],
    ['the wrong message type', async () => ({ key: undefined, claims: { [Claim.messageType]: MessageType.resourceLink } })],
  ])('refuses %s with 400 and places nothing', async (_name, build) => {
    h = await startHarness();
    const settings = await deepLinkingRequest();
    const { key, claims } = await build();
    const response = await respond(
      settings.deep_link_return_url,
      { [Claim.deepLinkingData]: settings.data, [Claim.deepLinkingContentItems]: [item], ...claims },
      key ? { ...key, kid: h.tool.signingKey.kid } : undefined,
    );
    expect(response.status).toBe(400);
    expect(h.lms.deepLinkResults()).toHaveLength(0);
    expect(h.lms.lineItems()).toHaveLength(0);
  });

  it('refuses a second response to the same request (data is single use)', async () => {
    h = await startHarness();
    const settings = await deepLinkingRequest();
    const claims = { [Claim.deepLinkingData]: settings.data, [Claim.deepLinkingContentItems]: [] };
    expect((await respond(settings.deep_link_return_url, claims)).status).toBe(200);
    expect((await respond(settings.deep_link_return_url, claims)).status).toBe(400);
  });
});
