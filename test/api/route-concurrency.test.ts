// Stories of things happening at once: two tabs of one student, and a crowd signing up for a session with few seats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPlaybook, SMALL_SESSION, WORKSHOP } from '../support/playbook-seed';
import { startLtiHarness, type LtiHarness } from '../support/lti-harness';

interface RouteAnswer {
  route: { id: string; version: number; entries: { activityId: string }[] };
}

let h: LtiHarness;
const daan = 'u-student-daan';

beforeAll(async () => {
  h = await startLtiHarness();
});
afterAll(async () => {
  await h.close();
});

async function launchAs(user: string, placement: string): Promise<string> {
  const outcome = await h.browser().launch({ user, placement });
  if (!outcome.sessionToken) throw new Error(`launch of ${user} ended with ${outcome.status}`);
  return outcome.sessionToken;
}

function put(token: string, body: unknown): Promise<Response> {
  return h.api(token, '/api/route', { method: 'PUT', body: JSON.stringify(body) });
}

async function read(token: string): Promise<RouteAnswer['route']> {
  return ((await (await h.api(token, '/api/route')).json()) as RouteAnswer).route;
}

const ids = (...activityIds: string[]) => activityIds.map((activityId) => ({ activityId }));

describe('a student in two tabs', () => {
  it('when a student saves a route from two tabs, then the older save is refused and the newer one kept', async () => {
    const { placement } = await seedPlaybook(h);
    const tabA = await launchAs(daan, placement);
    const tabB = await launchAs(daan, placement);
    const readA = await read(tabA);
    const readB = await read(tabB);
    expect(readB.version).toBe(readA.version);

    expect((await put(tabA, { version: readA.version, entries: ids('activate', 'clip', 'peer-review') })).status).toBe(200);
    const stale = await put(tabB, { version: readB.version, entries: ids('logbook') });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: { code: 'version_conflict', details: { expected: readB.version, actual: readA.version + 1 } } });
    expect((await read(tabB)).entries.map((e) => e.activityId)).toEqual(['activate', 'clip', 'peer-review']);
  });

  it('when many saves of the same version arrive at once, exactly one is stored and the others are refused', async () => {
    const { placement } = await seedPlaybook(h);
    const token = await launchAs(daan, placement);
    const { version } = await read(token);
    const choices = ['clip', 'simulation', 'coach-talk', 'lecture', 'logbook'];
    const answers = await Promise.all(choices.map((id) => put(token, { version, entries: ids('activate', id) })));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(choices.length - 1);
    const winner = choices[statuses.indexOf(200)];
    const stored = await read(token);
    expect(stored).toMatchObject({ version: version + 1 });
    expect(stored.entries.map((e) => e.activityId)).toEqual(['activate', winner]);
  });

  it('when two tabs open the route for the first time at once, one route is created and both see it', async () => {
    const { placement } = await seedPlaybook(h);
    const tokens = await Promise.all([launchAs(daan, placement), launchAs(daan, placement)]);
    const routes = await Promise.all([...tokens, ...tokens].map((token) => read(token)));
    expect(new Set(routes.map((r) => r.id)).size).toBe(1);
    const history = (await (await h.api(tokens[0] ?? '', '/api/route/history')).json()) as { history: { change: { kind: string } }[] };
    expect(history.history.filter((e) => e.change.kind === 'created')).toHaveLength(1);
  });
});

describe('a crowd signing up for a session', () => {
  it('when 20 students sign up at once for a session of 5 seats, exactly 5 get a seat and 15 hear it is full', async () => {
    const { placement } = await seedPlaybook(h);
    const crowd = Array.from({ length: 20 }, (_, i) => `u-crowd-${i}`);
    for (const userId of crowd) {
      h.lms.addMember({ userId, givenName: 'Crowd', familyName: `${userId}`, email: `${userId}@student.example.edu`, locale: 'nl-NL', role: 'student' });
    }
    const tokens = await Promise.all(crowd.map((user) => launchAs(user, placement)));
    // Each opens their route first (the workshop is on the recommended route), then all press "sign up" together.
    await Promise.all(tokens.map((token) => read(token)));
    const answers = await Promise.all(tokens.map((token) => h.api(token, `/api/route/sessions/${WORKSHOP}/${SMALL_SESSION}`, { method: 'POST' })));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(15);
    const refusals = await Promise.all(answers.filter((a) => a.status === 409).map((a) => a.json()));
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({ error: { code: 'session_full', details: { capacity: 5, taken: 5, seatsLeft: 0 } } });
    }
    const offers = (await (await h.api(tokens[0] ?? '', '/api/route/sessions')).json()) as { sessions: { sessionId: string; taken: number }[] };
    expect(offers.sessions.find((s) => s.sessionId === SMALL_SESSION)?.taken).toBe(5);
  });
});
