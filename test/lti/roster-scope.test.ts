// One scope rule for every list of people: a mentor sees the class list of their own students only, without e-mail addresses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LmsQuirks } from '../../server/demo-lms/index';
import { startLtiHarness, type LtiHarness } from '../support/lti-harness';
import { seedPlaybook } from '../support/playbook-seed';

interface RosterView {
  members: { id: string; name: string | null; email: string | null; roles: string[] }[];
}

// Canvas names an observer's students in role_scope_mentor, as does the spec's Mentor (standard mode).
describe.each<LmsQuirks>(['canvas', 'standard'])('the class list a mentor opens in %s', (quirks) => {
  let h: LtiHarness;
  beforeAll(async () => {
    h = await startLtiHarness({ quirks });
  });
  afterAll(async () => {
    await h.close();
  });

  async function launchAs(userId: string): Promise<string> {
    const outcome = await h.browser().launch({ user: userId });
    if (!outcome.sessionToken) throw new Error(`launch of ${userId} ended with ${outcome.status}`);
    return outcome.sessionToken;
  }

  async function roster(token: string): Promise<RosterView> {
    const res = await h.api(token, '/api/course/roster');
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as RosterView;
  }

  it('holds only the students the LMS named as theirs, and no e-mail addresses; the teacher still sees everyone', async () => {
    const coach = h.lms.member('coach');
    expect(coach.mentees?.length).toBeGreaterThan(0);
    const teacherView = await roster(await launchAs(h.lms.member('teacher').userId));
    expect(teacherView.members.length).toBe(h.lms.members().length);
    expect(teacherView.members.every((m) => m.email)).toBe(true);

    const coachView = await roster(await launchAs(coach.userId));
    expect(coachView.members.map((m) => m.id).sort()).toEqual([...(coach.mentees ?? [])].sort());
    expect(coachView.members.map((m) => m.email)).toEqual(coachView.members.map(() => null));
    expect(coachView.members.every((m) => m.name)).toBe(true);
  });

  it('every list of people a mentor opens names the same students: class list, class overview and their student list; grading is not theirs', async () => {
    const coach = h.lms.member('coach');
    const { placement } = await seedPlaybook(h);
    await h.browser().launch({ user: h.lms.member('teacher').userId, placement });
    const token = (await h.browser().launch({ user: coach.userId, placement })).sessionToken ?? '';
    const mentees = [...(coach.mentees ?? [])].sort();
    const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort();

    expect(ids((await roster(token)).members)).toEqual(mentees);
    const overview = (await (await h.api(token, '/api/class/overview')).json()) as { students: { id: string }[] };
    expect(ids(overview.students)).toEqual(mentees);
    const list = (await (await h.api(token, '/api/coach/students')).json()) as { students: { id: string }[] };
    expect(ids(list.students)).toEqual(mentees);
    expect((await h.api(token, '/api/assessment/queue')).status).toBe(403);
  });
});
