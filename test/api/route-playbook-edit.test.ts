// A student's saves act on the playbook as the teacher left it a moment ago: the server keeps the decoded playbook
// between requests (playbook-repository.ts), and a teacher's edit must reach the very next save.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPlaybook } from '../support/playbook-seed';
import { startLtiHarness, type LtiHarness } from '../support/lti-harness';
import { launchAs, writeOk } from '../support/teacher-api';

interface RouteAnswer {
  route: { version: number; entries: { activityId: string }[] };
}

let h: LtiHarness;

beforeAll(async () => {
  h = await startLtiHarness();
});
afterAll(async () => {
  await h.close();
});

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
});
