// Activity links are opened by students: whichever way a playbook comes in, only web addresses (http, https) are kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlaybookRepository } from '../../server/features/playbooks/data/playbook-repository';
import { DEPLOYMENT_ID, startLtiHarness, type LtiHarness } from '../support/lti-harness';
import { seedPlaybook } from '../support/playbook-seed';
import { buildActivity, designPublishablePlaybook, errorOf, launchAs, placeNewPlaybook, readDesign, write } from '../support/teacher-api';

const SCRIPT_LINKS = ['javascript:alert(document.cookie)', 'JavaScript:fetch("//evil.example")', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)'];

describe('links of activities', () => {
  let h: LtiHarness;
  beforeAll(async () => {
    h = await startLtiHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it.each(SCRIPT_LINKS)('an imported playbook with an activity link %s is refused naming the field, and nothing is written', async (url) => {
    const { teacher } = await placeNewPlaybook(h);
    await designPublishablePlaybook(h, teacher);
    const file = (await (await h.api(teacher, '/api/playbook/export')).json()) as { playbook: { activities: { links: { title: string; url: string }[] }[] } };
    const before = await readDesign(h, teacher);
    const activities = file.playbook.activities.map((a, i) => (i === 2 ? { ...a, links: [{ title: 'Watch this', url }] } : a));
    const res = await write(h, teacher, 'POST', '/api/playbook/import', before.revision, { ...file, playbook: { ...file.playbook, activities } });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.details?.issues).toEqual([{ path: 'playbook.activities.2.links.0.url', message: 'must be an http(s) address' }]);
    expect(await readDesign(h, teacher)).toEqual(before);
  });

  it('the activity form refuses the same links with the same message, and keeps web links', async () => {
    const { teacher } = await placeNewPlaybook(h);
    const { revision } = await readDesign(h, teacher);
    for (const url of SCRIPT_LINKS) {
      const res = await write(h, teacher, 'POST', '/api/playbook/activities', revision, buildActivity({ links: [{ title: 'x', url }] }));
      expect(res.status).toBe(400);
      expect((await errorOf(res)).message).toBe('links.0.url: must be an http(s) address');
    }
    const ok = await write(h, teacher, 'POST', '/api/playbook/activities', revision, buildActivity({ links: [{ title: 'x', url: 'https://video.example.edu/clip-2' }] }));
    expect(ok.status).toBe(201);
  });

  it('a playbook stored before this rule, with a javascript: link, is copied into a new link without that link', async () => {
    const seeded = await seedPlaybook(h);
    const repository = createPlaybookRepository(h.database.connection);
    const stored = await repository.get(seeded.playbook.id);
    const legacy = await repository.create({
      placement: { platformId: h.platform.id, deploymentId: DEPLOYMENT_ID, contextId: h.lms.course.id, resourceLinkId: `legacy-${seeded.placement}` },
      playbook: {
        ...seeded.playbook,
        title: 'Oud draaiboek',
        activities: seeded.playbook.activities.map((a, i) =>
          i === 0 ? { ...a, links: [{ title: 'Klik', url: 'javascript:alert(1)' }, { title: 'Clip', url: 'https://video.example.edu/clip-1' }] } : a,
        ),
      },
      outcomes: stored?.outcomes ?? [],
    });
    await launchAs(h, 'teacher', seeded.placement);
    const dl = await h.browser().launch({ user: h.lms.member('teacher').userId, messageType: 'LtiDeepLinkingRequest' });
    const res = await h.api(dl.sessionToken ?? '', '/api/deep-linking/response', { method: 'POST', body: JSON.stringify({ choice: { kind: 'copy', playbookId: legacy.playbook.id } }) });
    expect(res.status, await res.clone().text()).toBe(200);
    const reply = (await res.json()) as { returnUrl: string; jwt: string };
    await fetch(reply.returnUrl, { method: 'POST', body: new URLSearchParams({ JWT: reply.jwt }) });
    const link = h.lms.deepLinkResults().at(-1)?.createdPlacements[0] ?? '';
    const copy = await readDesign(h, await launchAs(h, 'teacher', link));
    expect(copy.title).toBe('Oud draaiboek');
    expect((copy.activities[0] as unknown as { links: unknown[] }).links).toEqual([{ title: 'Clip', url: 'https://video.example.edu/clip-1' }]);
  });
});
