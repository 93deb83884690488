// A save takes the route this process last read or wrote, when the client says it read that very version
// (kept-routes.ts). These stories change the stored route behind this process's back, as another process or the
// privacy jobs would, and check that a save from the kept route never writes over what is stored now.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLtiHarness, type LtiHarness } from '../support/lti-harness';
import { seedPlaybook } from '../support/playbook-seed';
import { launchAs } from '../support/teacher-api';

interface RouteAnswer {
  route: { id: string; version: number; entries: { activityId: string; status: string }[] };
}

let h: LtiHarness;

beforeAll(async () => {
  h = await startLtiHarness();
});
afterAll(async () => {
  await h.close();
});

const FIRST = ['activate', 'lecture', 'practice', 'peer-review', 'logbook'];
const SECOND = ['activate', 'clip', 'practice', 'peer-review', 'logbook'];

/** A student with a saved route: this process has just written it, so it keeps it at that version. */
async function studentWithSavedRoute() {
  const { placement } = await seedPlaybook(h, { selfDirectionLevel: 3 });
  const token = await launchAs(h, 'student', placement);
  const opened = ((await (await h.api(token, '/api/route')).json()) as RouteAnswer).route;
  const save = (version: number, activityIds: string[]) =>
    h.api(token, '/api/route', { method: 'PUT', body: JSON.stringify({ version, entries: activityIds.map((activityId) => ({ activityId })) }) });
  const first = await save(opened.version, FIRST);
  expect(first.status, await first.clone().text()).toBe(200);
  const saved = ((await first.json()) as RouteAnswer).route;
  return { token, save, saved };
}

const routes = () => h.database.connection.collection<{ _id: string; version: number; entries: { activityId: string; status: string }[] }>('routes');

describe('a route changed behind this process’s back', () => {
  it('when another process saved over the version a tab still shows, then that tab’s save is refused and the stored route stays', async () => {
    const { save, saved } = await studentWithSavedRoute();
    // Another process's save: new entries, the version raised, as every route write does.
    const theirs = [{ activityId: 'activate', status: 'done' }, { activityId: 'lecture', status: 'planned' }];
    await routes().updateOne({ _id: saved.id }, { $set: { entries: theirs, version: saved.version + 1 } });

    const stale = await save(saved.version, SECOND);
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { code: string } }).error.code).toBe('version_conflict');
    expect(await routes().findOne({ _id: saved.id })).toMatchObject({ version: saved.version + 1, entries: theirs });
  });

  it('when another process marked progress and the client read that version there, then the save here builds on it', async () => {
    const { save, saved } = await studentWithSavedRoute();
    const stored = await routes().findOne({ _id: saved.id });
    const entries = (stored?.entries ?? []).map((entry) => (entry.activityId === 'activate' ? { ...entry, status: 'done' } : entry));
    await routes().updateOne({ _id: saved.id }, { $set: { entries, version: saved.version + 1 } });

    const res = await save(saved.version + 1, SECOND);
    expect(res.status, await res.clone().text()).toBe(200);
    const after = ((await res.json()) as RouteAnswer).route;
    expect(after.version).toBe(saved.version + 2);
    // The kept route (activate still planned) was not the one built on: the progress made elsewhere is kept.
    expect(after.entries.find((entry) => entry.activityId === 'activate')?.status).toBe('done');
  });

  it('when the route was removed (an erasure, the retention job), then a save answers as it would without the kept route', async () => {
    const { token, save, saved } = await studentWithSavedRoute();
    expect((await routes().deleteOne({ _id: saved.id })).deletedCount).toBe(1);

    // The route is made anew from the recommended route (version 1): the tab's version is not its version.
    const stale = await save(saved.version, SECOND);
    expect(stale.status).toBe(409);
    const fresh = ((await (await h.api(token, '/api/route')).json()) as RouteAnswer).route;
    expect(fresh.id).not.toBe(saved.id);
    expect((await save(fresh.version, SECOND)).status).toBe(200);
  });
});
