// A student's saves act on the playbook as the teacher left it a moment ago: the server keeps the decoded playbook
// between requests (kept-playbooks.ts), and a teacher's edit in this process must reach the very next save; one made
// by another process, once the kept playbook is older than its time to live. The kept playbooks' clock is the test's
// and stands still unless a story moves it, so only forgetting on the edit lets the next save see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEPT_PLAYBOOK_TRUST_MS } from '../../server/features/playbooks/data/kept-playbooks';
import type { Playbook } from '../../server/domain/playbook';
import { createPlaybookRepository, type StoredPlaybook } from '../../server/features/playbooks/index';
import { DEPLOYMENT_ID, startLtiHarness, type LtiHarness } from '../support/lti-harness';
import { seedPlaybook } from '../support/playbook-seed';
import { routeSaver } from '../support/route-saves';
import { launchAs, readDesign, writeOk } from '../support/teacher-api';

interface RouteAnswer {
  route: { version: number; entries: { activityId: string }[] };
}

let h: LtiHarness;
let clock = 0;

beforeAll(async () => {
  h = await startLtiHarness({ caches: { playbook: { clockMs: () => clock } } });
});
afterAll(async () => {
  await h.close();
});

/** An edit by another Playroute process on the same store: a playbook store of its own, saving over the stored revision. */
async function anotherProcessEdits(placement: string, change: (playbook: Playbook) => Playbook): Promise<StoredPlaybook> {
  const elsewhere = createPlaybookRepository(h.database.connection);
  const stored = await elsewhere.getByPlacement({ platformId: h.platform.id, deploymentId: DEPLOYMENT_ID, contextId: h.lms.course.id, resourceLinkId: placement });
  if (!stored) throw new Error('the seeded playbook is not at its placement');
  return elsewhere.save({ playbook: change(stored.playbook), outcomes: stored.outcomes }, stored.revision);
}

describe('a teacher editing the playbook while students save their routes', () => {
  it('when the teacher lowers the self-direction level, then the student’s next save is refused by it, and allowed again once raised', async () => {
    const { placement } = await seedPlaybook(h, { selfDirectionLevel: 3 });
    const [student, teacher] = await Promise.all([launchAs(h, 'student', placement), launchAs(h, 'teacher', placement)]);
    const save = async (route: RouteAnswer['route'], activityIds: string[]) =>
      h.api(student, '/api/route', { method: 'PUT', body: JSON.stringify({ version: route.version, entries: activityIds.map((activityId) => ({ activityId })) }) });

    const opened = (await (await h.api(student, '/api/route')).json()) as RouteAnswer;
    const first = await save(opened.route, ['activate', 'lecture', 'practice', 'peer-review', 'logbook']);
    expect(first.status, await first.clone().text()).toBe(200);
    const saved = (await first.json()) as RouteAnswer;

    await writeOk(h, teacher, 'PATCH', '/api/playbook', { selfDirectionLevel: 1 });
    const refused = await save(saved.route, ['activate', 'clip', 'practice', 'peer-review', 'logbook']);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('level_forbids');

    await writeOk(h, teacher, 'PATCH', '/api/playbook', { selfDirectionLevel: 3 });
    const allowed = await save(saved.route, ['activate', 'clip', 'practice', 'peer-review', 'logbook']);
    expect(allowed.status, await allowed.clone().text()).toBe(200);
    expect(((await allowed.json()) as RouteAnswer).route.entries.map((e) => e.activityId)).toContain('clip');
  });

  it('when another process lowers the level, then the student’s saves are refused once the kept playbook is older than its time to live', async () => {
    const { placement } = await seedPlaybook(h, { selfDirectionLevel: 3 });
    const student = await launchAs(h, 'student', placement);
    const save = await routeSaver(h, student);

    await anotherProcessEdits(placement, (playbook) => ({ ...playbook, selfDirectionLevel: 1 }));

    // Within its time to live this process still goes by what it read a moment ago: the bounded staleness it allows.
    clock += KEPT_PLAYBOOK_TRUST_MS - 1;
    const stale = await save(['activate', 'clip', 'practice', 'peer-review', 'logbook']);
    expect(stale.status, await stale.clone().text()).toBe(200);
    clock += 1;
    const refused = await save(['activate', 'lecture', 'practice', 'peer-review', 'logbook']);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('level_forbids');
  });

  it('when the teacher removes an activity that a save in the same moment still put in the route, then the student reads the route, is told, and saves it without', async () => {
    const { placement } = await seedPlaybook(h, { selfDirectionLevel: 3 });
    const [student, teacher] = await Promise.all([launchAs(h, 'student', placement), launchAs(h, 'teacher', placement)]);
    const opened = (await (await h.api(student, '/api/route')).json()) as RouteAnswer;
    const withClip = ['activate', 'clip', 'practice', 'peer-review', 'logbook'];

    // The race a save has always had: it read the playbook, the teacher's delete lands, then the route is written.
    // Here the delete comes from another process, so this one's kept playbook still offers the clip.
    await anotherProcessEdits(placement, (playbook) => ({
      ...playbook,
      activities: playbook.activities.filter((activity) => activity.id !== 'clip'),
      recommendedRoute: playbook.recommendedRoute.filter((id) => id !== 'clip'),
    }));
    const raced = await h.api(student, '/api/route', { method: 'PUT', body: JSON.stringify({ version: opened.route.version, entries: withClip.map((activityId) => ({ activityId })) }) });
    expect(raced.status, await raced.clone().text()).toBe(200);
    const racedRoute = ((await raced.json()) as RouteAnswer).route;
    clock += KEPT_PLAYBOOK_TRUST_MS;

    const read = await h.api(student, '/api/route');
    expect(read.status, await read.clone().text()).toBe(200);
    expect(((await read.json()) as RouteAnswer).route.entries.map((e) => e.activityId)).toEqual(withClip);
    const check = (await (await h.api(student, '/api/route/check')).json()) as { violations: { key: string; params: Record<string, unknown> }[] };
    expect(check.violations).toContainEqual({ key: 'route.rule.unknown_activity', params: { activityId: 'clip' } });
    expect((await h.api(teacher, '/api/class/overview')).status).toBe(200);

    const again = await h.api(student, '/api/route', { method: 'PUT', body: JSON.stringify({ version: racedRoute.version, entries: withClip.map((activityId) => ({ activityId })) }) });
    expect(again.status).toBe(422);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('unknown_activity');
    const without = await h.api(student, '/api/route', { method: 'PUT', body: JSON.stringify({ version: racedRoute.version, entries: withClip.filter((id) => id !== 'clip').map((activityId) => ({ activityId })) }) });
    expect(without.status, await without.clone().text()).toBe(200);
  });

  it('when another process edits the playbook, then a teacher here reads the edit at once: staff never go by the kept one', async () => {
    const { placement } = await seedPlaybook(h, { selfDirectionLevel: 3 });
    const [student, teacher] = await Promise.all([launchAs(h, 'student', placement), launchAs(h, 'teacher', placement)]);
    expect((await h.api(student, '/api/route')).status).toBe(200);

    const edited = await anotherProcessEdits(placement, (playbook) => ({ ...playbook, selfDirectionLevel: 2 }));

    const design = await readDesign(h, teacher);
    expect(design.revision).toBe(edited.revision);
    expect(design.selfDirectionLevel).toBe(2);
  });
});
