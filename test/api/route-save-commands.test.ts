// What one route save through the API asks of the store, once the student has saved a moment before: counted with the
// MongoDB driver's command monitoring (test/bench/store-commands.ts). On a class of 200 the machine is CPU-bound and
// every command costs CPU on both sides of the socket, so the count is what this test keeps down.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreCommandCounter } from '../bench/store-commands';
import { startLtiHarness, type LtiHarness } from '../support/lti-harness';
import { seedPlaybook } from '../support/playbook-seed';
import { routeSaver } from '../support/route-saves';
import { launchAs } from '../support/teacher-api';

let h: LtiHarness;
let counter: StoreCommandCounter;

beforeAll(async () => {
  // The caches' clock stands still, so the second save finds what the first one left, however slow the machine.
  h = await startLtiHarness({ monitorCommands: true, caches: { membership: { now: () => 0 }, playbook: { clockMs: () => 0 } } });
  counter = new StoreCommandCounter([h.database.connection.getClient()]);
});
afterAll(async () => {
  await h.close();
});

describe('a student saving their route again', () => {
  it('costs the store only the route’s write over the version it was read at, and the history entry', async () => {
    const { placement } = await seedPlaybook(h, { selfDirectionLevel: 3 });
    const student = await launchAs(h, 'student', placement);
    const saveRoute = await routeSaver(h, student);
    const save = async (activityIds: string[]) => {
      const res = await saveRoute(activityIds);
      expect(res.status, await res.clone().text()).toBe(200);
    };
    await save(['activate', 'lecture', 'practice', 'peer-review', 'logbook']);

    counter.phase = 'save';
    await save(['activate', 'clip', 'practice', 'peer-review', 'logbook']);
    counter.phase = undefined;

    const tally = counter.phases.get('save');
    expect(Object.fromEntries(tally?.byCommand ?? [])).toEqual({ 'update routes': 1, 'insert route_history': 1 });
    expect(tally?.syncedWrites).toBe(1);
  });
});
