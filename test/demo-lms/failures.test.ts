// Failure injection and the request log, the two things chaos and client tests read from the platform.
import { afterEach, describe, expect, it } from 'vitest';
import { MediaType, Scope } from '../../server/lti/claims';
import { accessToken, startHarness, type Harness } from './harness';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

async function memberships(token: string): Promise<Response> {
  return fetch(`${h.lmsBase}/nrps/${h.lms.course.id}/memberships`, {
    headers: { authorization: `Bearer ${token}`, accept: MediaType.membershipContainer, 'user-agent': 'Playroute/0.1 (chaos)' },
  });
}

describe('failure injection', () => {
  it('fails roughly the configured fraction of service calls with the configured statuses', async () => {
    h = await startHarness();
    const token = await accessToken(h, [Scope.nrpsMembership]);
    h.lms.injectFailures({ rate: 0.3, statuses: [500, 503], seed: 42 });
    const statuses: number[] = [];
    for (let i = 0; i < 300; i++) statuses.push((await memberships(token)).status);
    const failed = statuses.filter((status) => status !== 200);
    expect(failed.length / statuses.length).toBeGreaterThan(0.2);
    expect(failed.length / statuses.length).toBeLessThan(0.4);
    expect(new Set(failed)).toEqual(new Set([500, 503]));
    expect(h.lms.requestLog().filter((entry) => entry.injectedFailure)).toHaveLength(failed.length);
  });

  it('the same seed fails the same requests; switching it off lets everything through', async () => {
    h = await startHarness();
    const token = await accessToken(h, [Scope.nrpsMembership]);
    const run = async () => {
      h.lms.injectFailures({ rate: 0.5, seed: 7 });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await memberships(token)).status);
      return statuses;
    };
    expect(await run()).toEqual(await run());
    h.lms.injectFailures(null);
    for (let i = 0; i < 10; i++) expect((await memberships(token)).status).toBe(200);
  });
});

describe('the request log', () => {
  it('records method, path, headers including User-Agent, and the final status of each service call', async () => {
    h = await startHarness();
    const token = await accessToken(h, [Scope.nrpsMembership]);
    h.lms.clearRequestLog();
    await memberships(token);
    expect(h.lms.requestLog()).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: `/demo-lms/nrps/${h.lms.course.id}/memberships`,
        status: 200,
        headers: expect.objectContaining({ 'user-agent': 'Playroute/0.1 (chaos)', authorization: `Bearer ${token}` }),
      }),
    ]);
  });
});
