// The client renews its session before the token ends, without the person noticing: the next save still works.
import { decodeJwt } from 'jose';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionTokens, launchSessionSchema } from '../../server/lti/session-token';
import { browserMissing, BROWSER_SKIP_REASON, launchChromium, UI_WAIT_MS } from '../support/browser';
import { startLtiHarness, type LtiHarness } from '../support/lti-harness';
import { seedPlaybook } from '../support/playbook-seed';

// Skipped only where Chromium is missing (BROWSER_SKIP_REASON, test/support/browser.ts); CI installs it and REQUIRE_BROWSER makes its absence a failure.
describe.skipIf(browserMissing)(`renewing the session in a browser${browserMissing ? ` (skipped: ${BROWSER_SKIP_REASON})` : ''}`, () => {
  let h: LtiHarness;
  let browser: Browser;

  beforeAll(async () => {
    h = await startLtiHarness({ serveClient: true });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('a page opened with a token that has five minutes left swaps it for a fresh one that the API accepts', async () => {
    const { placement } = await seedPlaybook(h);
    const launched = await h.browser().launch({ user: 'u-student-fleur', placement });
    // The same session, as the server would have issued it 25 minutes ago.
    const { sid: _sid, launchedAt: _launchedAt, ...session } = launchSessionSchema.parse(decodeJwt(launched.sessionToken ?? ''));
    const earlier = createSessionTokens({ masterKey: h.config.ltiEncryptionKey, issuer: h.config.publicUrl, now: () => new Date(Date.now() - 25 * 60_000) });
    const ageing = await earlier.issue(session);

    const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, locale: 'en-GB' });
    page.setDefaultTimeout(UI_WAIT_MS);
    await page.goto(`${h.toolBase}/#session=${encodeURIComponent(ageing)}`);
    const stored = () => page.evaluate(() => sessionStorage.getItem('playroute.session'));
    // The first API call of the page (its session) renews first.
    const swapped = async () => {
      const now = await stored();
      return now !== null && now !== ageing;
    };
    await expect.poll(swapped, { timeout: UI_WAIT_MS }).toBe(true);
    const renewed = (await stored()) ?? '';
    expect((decodeJwt(renewed).exp ?? 0) * 1000).toBeGreaterThan(Date.now() + 25 * 60_000);
    expect((await h.api(renewed, '/api/route')).status).toBe(200);
    await page.close();
  });
});
