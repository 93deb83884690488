// A link stored before links had to be web addresses (or brought in some way not yet thought of) never becomes a clickable href.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../server/domain/test-factories';
import { browserMissing, BROWSER_SKIP_REASON, launchChromium, UI_WAIT_MS } from '../support/browser';
import { startLtiHarness, type LtiHarness } from '../support/lti-harness';
import { seedPlaybook } from '../support/playbook-seed';

// Skipped only where Chromium is missing (BROWSER_SKIP_REASON, test/support/browser.ts); CI installs it and REQUIRE_BROWSER makes its absence a failure.
describe.skipIf(browserMissing)(`stored activity links in a browser${browserMissing ? ` (skipped: ${BROWSER_SKIP_REASON})` : ''}`, () => {
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

  it('a javascript: or data: link of an activity is shown as text without an href; a web link stays a link', async () => {
    // Written straight to the store, as data from before the http(s) rule would be; the API refuses such links now.
    const activities = buildCatalogue().map((activity, i) =>
      i === 0
        ? {
            ...activity,
            links: [
              { title: 'Run me', url: 'javascript:document.title="owned"' },
              { title: 'Open me', url: 'data:text/html,<script>document.title="owned"</script>' },
              { title: 'Safe clip', url: 'https://video.example.edu/clip-1' },
            ],
          }
        : activity,
    );
    const { placement } = await seedPlaybook(h, { activities, recommendedRoute: activities.slice(0, 5).map((a) => a.id) });
    const launch = await h.browser().launch({ user: 'u-student-oliver', placement });
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, locale: 'en-GB' });
    page.setDefaultTimeout(UI_WAIT_MS);
    await page.goto(`${h.toolBase}/#session=${encodeURIComponent(launch.sessionToken ?? '')}`);

    // The links sit in each activity's closed details, so they are looked up in the page, not by what is visible.
    const safe = page.locator('a', { hasText: 'Safe clip' }).first();
    await safe.waitFor({ state: 'attached' });
    await expect.poll(() => safe.getAttribute('href')).toBe('https://video.example.edu/clip-1');
    for (const name of ['Run me', 'Open me']) {
      const shown = page.locator('a', { hasText: name }).first();
      await shown.waitFor({ state: 'attached' });
      await expect.poll(() => shown.getAttribute('href')).toBeNull();
    }
    await page.close();
  });
});
