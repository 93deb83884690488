// Names and Role Provisioning as a tool meets it: the roster, paged by limit with Link rel="next", filtered by role.
import { afterEach, describe, expect, it } from 'vitest';
import { MediaType, Role, Scope } from '../../server/lti/claims';
import { accessToken, startHarness, type Harness } from './harness';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

interface Container {
  context: { id: string };
  members: { user_id: string; roles: string[]; status: string; given_name: string }[];
}

async function get(token: string, url: string): Promise<{ response: Response; body: Container }> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: MediaType.membershipContainer } });
  return { response, body: (await response.json()) as Container };
}

describe('context memberships', () => {
  it('walking the Link rel="next" chain with limit=2 yields every member exactly once', async () => {
    h = await startHarness();
    const token = await accessToken(h, [Scope.nrpsMembership]);
    const ids: string[] = [];
    let next: string | undefined = `${h.lmsBase}/nrps/${h.lms.course.id}/memberships?limit=2`;
    let pages = 0;
    while (next) {
      const { response, body } = await get(token, next);
      expect(response.headers.get('content-type')).toContain(MediaType.membershipContainer);
      expect(body.context.id).toBe(h.lms.course.id);
      expect(body.members.length).toBeLessThanOrEqual(2);
      ids.push(...body.members.map((member) => member.user_id));
      next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1];
      pages++;
    }
    expect(ids.sort()).toEqual(h.lms.members().map((member) => member.userId).sort());
    expect(pages).toBe(Math.ceil(h.lms.members().length / 2));
  });

  it('filters by role, short name or full URI, and a removed student disappears', async () => {
    h = await startHarness();
    const token = await accessToken(h, [Scope.nrpsMembership]);
    const url = `${h.lmsBase}/nrps/${h.lms.course.id}/memberships`;
    const learners = (await get(token, `${url}?role=Learner`)).body.members;
    expect(learners.length).toBe(h.lms.members().filter((member) => member.role === 'student').length);
    expect(learners.every((member) => member.roles.includes(Role.learner) && member.status === 'Active')).toBe(true);
    const mentors = (await get(token, `${url}?role=${encodeURIComponent(Role.mentor)}`)).body.members;
    expect(mentors.map((member) => member.user_id)).toEqual([h.lms.member('coach').userId]);
    const leaving = learners[0]?.user_id ?? '';
    h.lms.removeMember(leaving);
    const after = (await get(token, `${url}?role=Learner`)).body.members;
    expect(after.map((member) => member.user_id)).not.toContain(leaving);
  });

  it('in Moodle the class list holds only Instructor and Learner, whoever is enrolled (mod/lti lti_get_ims_role)', async () => {
    h = await startHarness({ quirks: 'moodle' });
    const token = await accessToken(h, [Scope.nrpsMembership]);
    const { body } = await get(token, `${h.lmsBase}/nrps/${h.lms.course.id}/memberships`);
    expect(body.members).toHaveLength(h.lms.members().length);
    for (const member of body.members) {
      const enrolled = h.lms.members().find((m) => m.userId === member.user_id);
      expect(member.roles, member.user_id).toEqual(enrolled?.role === 'student' ? [Role.learner] : [Role.instructor]);
    }
    expect((await get(token, `${h.lmsBase}/nrps/${h.lms.course.id}/memberships?role=Mentor`)).body.members).toEqual([]);
  });

  it('a token without the membership scope is refused with 403', async () => {
    h = await startHarness();
    const token = await accessToken(h, [Scope.score]);
    const { response } = await get(token, `${h.lmsBase}/nrps/${h.lms.course.id}/memberships`);
    expect(response.status).toBe(403);
  });
});
