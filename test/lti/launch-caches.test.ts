// The launch keeps platforms and what it wrote lately in memory (server/lti/store/platform-cache.ts, recent-writes.ts);
// these stories pin that another Playroute process on the same database is never outrun by those memories.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erasePerson } from '../../server/features/privacy/index';
import { fullName } from '../../server/demo-lms/course';
import { Claim } from '../../server/lti/claims';
import { createLti } from '../../server/lti/index';
import { createLogger } from '../../server/logger';
import { DEPLOYMENT_ID, startLtiHarness, type LaunchOutcome, type LtiHarness } from '../support/lti-harness';

let h: LtiHarness;
beforeAll(async () => {
  h = await startLtiHarness();
});
afterAll(async () => h.close());

/** A second Playroute process on the same database: its own caches, the same data. */
function otherProcess() {
  return createLti({ config: h.config, connection: h.database.connection, logger: createLogger({ level: 'silent' }) });
}

/** A real login for the student, then the id_token the LMS would sign for it with the given deployment. */
async function launchAs(props: { user: string; deploymentId: string; courseTitle?: string; name?: string; loginNamesDeployment?: false }): Promise<LaunchOutcome> {
  const browser = h.browser();
  const params = new URL(h.lms.startLaunch({ user: props.user }).url).searchParams;
  if (props.loginNamesDeployment === false) params.delete('lti_deployment_id');
  else params.set('lti_deployment_id', props.deploymentId);
  const login = await browser.login(`${h.lti.urls.login}?${params.toString()}`);
  if (!('state' in login)) throw new Error(`login refused: ${login.status}`);
  const claims = h.validClaims({ nonce: login.nonce, sub: props.user, [Claim.deploymentId]: props.deploymentId, [Claim.targetLinkUri]: params.get('target_link_uri') });
  if (props.name) claims.name = props.name;
  if (props.courseTitle) claims[Claim.context] = { ...(claims[Claim.context] as Record<string, unknown>), title: props.courseTitle };
  return browser.postLaunch(h.lti.urls.launch, { id_token: await h.lms.signIdToken(claims), state: login.state });
}

describe('another process registers or changes what a launch reads', () => {
  it('a deployment registered by another process launches at once, though this process read the platform a moment before', async () => {
    const student = h.lms.member('student').userId;
    expect((await launchAs({ user: student, deploymentId: DEPLOYMENT_ID })).status).toBe(303);
    await otherProcess().registry.register({ ...h.platform, deploymentIds: ['deployment-from-elsewhere'] });
    const outcome = await launchAs({ user: student, deploymentId: 'deployment-from-elsewhere' });
    expect(outcome.status).toBe(303);
    expect(outcome.sessionToken).toBeTruthy();
  });

  it('a deployment nobody registered is still refused after the platform is read again', async () => {
    const outcome = await launchAs({ user: h.lms.member('student').userId, deploymentId: 'deployment-never-registered', loginNamesDeployment: false });
    expect(outcome.status).toBe(403);
    expect(outcome.html).toContain('Code: deployment_not_registered');
  });

  it('a student the roster of another process set inactive is active again after their next launch', async () => {
    const student = h.lms.member('student').userId;
    const key = { platformId: h.platform.id, deploymentId: DEPLOYMENT_ID, contextId: h.lms.course.id, sub: student };
    expect((await h.browser().launch({ user: student })).status).toBe(303);
    expect((await h.lti.records.getMembership(key))?.status).toBe('active');
    // What a roster sync of another process does to someone the class list no longer names.
    await otherProcess().records.replaceRoster({ platformId: key.platformId, deploymentId: key.deploymentId, contextId: key.contextId }, [], new Date());
    expect((await h.lti.records.getMembership(key))?.status).toBe('inactive');
    expect((await h.browser().launch({ user: student })).status).toBe(303);
    expect((await h.lti.records.getMembership(key))?.status).toBe('active');
  });

  it('a person erased by another process (npm run privacy:erase) who launches again is recorded again at once, with their membership', async () => {
    const student = h.lms.member('student').userId;
    const key = { platformId: h.platform.id, deploymentId: DEPLOYMENT_ID, contextId: h.lms.course.id, sub: student };
    expect((await h.browser().launch({ user: student })).status).toBe(303);
    expect((await h.browser().launch({ user: student })).status).toBe(303);
    expect(await h.lti.records.getPerson(h.platform.id, student)).toBeDefined();
    // The real erasure (the use case behind privacy:erase and the privacy API), run as another process would.
    await erasePerson({ connection: h.database.connection, logger: createLogger({ level: 'silent' }) }, { platformId: h.platform.id, sub: student });
    expect(await h.lti.records.getPerson(h.platform.id, student)).toBeUndefined();
    expect(await h.lti.records.getMembership(key)).toBeUndefined();
    expect((await h.browser().launch({ user: student })).status).toBe(303);
    expect(await h.lti.records.getPerson(h.platform.id, student)).toMatchObject({ platformId: h.platform.id, sub: student });
    expect((await h.lti.records.getMembership(key))?.status).toBe('active');
  });

  it('someone only the class list of another process named is recorded as a person at their first launch', async () => {
    const member = h.lms.members().find((m) => m.userId !== h.lms.member('student').userId);
    if (!member) throw new Error('the simulated course has one member only');
    const course = { platformId: h.platform.id, deploymentId: DEPLOYMENT_ID, contextId: h.lms.course.id };
    await otherProcess().records.replaceRoster(course, [{ sub: member.userId, ltiRoles: [], status: 'active', name: fullName(member) }], new Date());
    expect(await h.lti.records.getMembership({ ...course, sub: member.userId })).toBeDefined();
    expect(await h.lti.records.getPerson(h.platform.id, member.userId)).toBeUndefined();
    expect((await h.browser().launch({ user: member.userId })).status).toBe(303);
    expect(await h.lti.records.getPerson(h.platform.id, member.userId)).toMatchObject({ sub: member.userId });
  });

  it('a person renamed in the LMS has their new name after the next launch, and the old one after a rename back', async () => {
    const student = h.lms.member('student').userId;
    for (const name of ['Ayla Test', 'Ayla de Vries', 'Ayla Test']) {
      expect((await launchAs({ user: student, deploymentId: DEPLOYMENT_ID, name })).status).toBe(303);
      expect((await h.lti.records.getPerson(h.platform.id, student))?.name).toBe(name);
    }
  });

  it('a course renamed in the LMS shows its new title after the next launch, and the old one after a rename back', async () => {
    const student = h.lms.member('student').userId;
    const contextId = (h.validClaims()[Claim.context] as { id: string }).id;
    const key = { platformId: h.platform.id, deploymentId: DEPLOYMENT_ID, contextId };
    for (const title of ['Biology 2A', 'Biology 2A (autumn)', 'Biology 2A']) {
      expect((await launchAs({ user: student, deploymentId: DEPLOYMENT_ID, courseTitle: title })).status).toBe(303);
      expect((await h.lti.records.getContext(key))?.title).toBe(title);
    }
  });
});
