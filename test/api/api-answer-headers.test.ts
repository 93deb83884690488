// What a browser and any proxy are told about an API answer: it is one person's data, never kept (Cache-Control:
// no-store), so no validator (ETag) is made for it either; a revision the API hands out on purpose (a playbook's
// ETag, test/api/playbook-design.test.ts) is set by its route and stays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPlaybook } from '../support/playbook-seed';
import { startLtiHarness, type LtiHarness } from '../support/lti-harness';

let h: LtiHarness;

beforeAll(async () => {
  h = await startLtiHarness();
});
afterAll(async () => {
  await h.close();
});

describe('the headers of an API answer', () => {
  it('a route save and a route read are answered with no-store and the API policy, and with no ETag made of the body', async () => {
    const { placement } = await seedPlaybook(h);
    const outcome = await h.browser().launch({ user: 'u-student-daan', placement });
    const token = outcome.sessionToken ?? '';
    expect(token).not.toBe('');

    const read = await h.api(token, '/api/route');
    expect(read.status, await read.clone().text()).toBe(200);
    const { route } = (await read.json()) as { route: { version: number } };
    const saved = await h.api(token, '/api/route', {
      method: 'PUT',
      body: JSON.stringify({ version: route.version, entries: [{ activityId: 'activate' }, { activityId: 'clip' }] }),
    });
    expect(saved.status, await saved.clone().text()).toBe(200);
    expect(((await saved.json()) as { route: { version: number } }).route.version).toBe(route.version + 1);

    for (const res of [read, saved]) {
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      // A weak ETag of the body would be a hash of every answer (CPU on each save) that no client can use: what
      // may not be stored is never revalidated.
      expect(res.headers.get('etag')).toBeNull();
    }
  });
});
