// The way back to the LMS: a launch's launch_presentation.return_url reaches the client, when it is a web address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Claim } from '../../server/lti/claims';
import { startLtiHarness, type LtiHarness } from '../support/lti-harness';

async function launchWithReturnUrl(h: LtiHarness, returnUrl: string): Promise<string> {
  const browser = h.browser();
  const login = await browser.login(h.lms.startLaunch({ user: h.lms.member('student').userId }).url);
  if (!('state' in login)) throw new Error('no login');
  const claims = h.validClaims({ nonce: login.nonce, [Claim.launchPresentation]: { document_target: 'window', return_url: returnUrl } });
  const outcome = await browser.postLaunch(h.lti.urls.launch, { id_token: await h.lms.signIdToken(claims), state: login.state });
  if (!outcome.sessionToken) throw new Error(`launch failed: ${outcome.status}`);
  return outcome.sessionToken;
}

async function sessionReturnUrl(h: LtiHarness, token: string): Promise<unknown> {
  const res = await h.api(token, '/api/session');
  expect(res.status).toBe(200);
  return ((await res.json()) as { returnUrl?: unknown }).returnUrl;
}

describe('the return URL of a launch', () => {
  let h: LtiHarness;
  beforeAll(async () => {
    h = await startLtiHarness({ quirks: 'moodle' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('a launch with a return URL gives the client the way back to the course', async () => {
    const back = 'https://moodle.school.nl/mod/lti/return.php?course=4&launch_container=4&instanceid=7&sesskey=abc';
    expect(await sessionReturnUrl(h, await launchWithReturnUrl(h, back))).toBe(back);
  });

  it('a return URL that is not an http(s) address (javascript:, data:) is never handed to the client', async () => {
    for (const hostile of ['javascript:alert(document.domain)', 'data:text/html,<script>alert(1)</script>', 'not a url']) {
      expect(await sessionReturnUrl(h, await launchWithReturnUrl(h, hostile))).toBeNull();
    }
  });

  it('the course page a launch returns to may frame Playroute from then on (Canvas on the school’s own domain)', async () => {
    const framers = async () => {
      const res = await fetch(`${h.toolBase}/health`);
      return (res.headers.get('content-security-policy') ?? '').split(';').find((part) => part.trim().startsWith('frame-ancestors')) ?? '';
    };
    expect(await framers()).not.toContain('https://canvas.school.nl');
    await launchWithReturnUrl(h, 'https://canvas.school.nl/courses/1/external_content/success/external_tool_redirect');
    // Right away: the browser asks for Playroute's page within milliseconds of the launch.
    expect(await framers()).toContain('https://canvas.school.nl');
    // A javascript: address teaches nothing.
    await launchWithReturnUrl(h, 'javascript:alert(1)');
    expect(await framers()).not.toContain('javascript');
  });

  it('a launch from the simulated LMS carries its course page as the way back, as Moodle sends its return.php', async () => {
    const outcome = await h.browser().launch({ user: h.lms.member('student').userId });
    expect(await sessionReturnUrl(h, outcome.sessionToken ?? '')).toBe(`${h.lms.urls.issuer}/`);
  });
});
