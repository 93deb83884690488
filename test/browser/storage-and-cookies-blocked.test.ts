// A Canvas-style launch (Platform Storage offered) in a browser that keeps no cookie of Playroute's inside the LMS page,
// where the LMS page does not answer Platform Storage either: Playroute offers the same login in a new window.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { escapeHtml } from '../../server/html';
import { browserMissing, BROWSER_SKIP_REASON, launchChromiumBlockingThirdPartyCookies, screenshot } from '../support/browser';
import { startLtiHarness, type LtiHarness } from '../support/lti-harness';

type Chromium = Awaited<ReturnType<typeof launchChromiumBlockingThirdPartyCookies>>;

// Skipped only where Chromium is missing (BROWSER_SKIP_REASON, test/support/browser.ts); CI installs it and REQUIRE_BROWSER makes its absence a failure.
describe.skipIf(browserMissing)(`Platform Storage and cookies both missing${browserMissing ? ` (skipped: ${BROWSER_SKIP_REASON})` : ''}`, () => {
  let h: LtiHarness;
  let chromium: Chromium;
  let coursePage: Server;
  let coursePageUrl: string;
  let loginUrl = '';

  beforeAll(async () => {
    h = await startLtiHarness({ quirks: 'canvas', serveClient: true });
    // The LMS's course page, on another site (localhost) than Playroute (127.0.0.1): it frames the launch, and answers no postMessage.
    coursePage = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><title>Course</title><iframe class="tool" title="Tool" src="${escapeHtml(loginUrl)}" style="width:100%;height:600px"></iframe>`);
    });
    await new Promise<void>((resolve) => coursePage.listen(0, '127.0.0.1', resolve));
    coursePageUrl = `http://localhost:${(coursePage.address() as AddressInfo).port}/`;
    chromium = await launchChromiumBlockingThirdPartyCookies({ blockCookiesOf: ['http://127.0.0.1:*,http://localhost:*'] });
  }, 60_000);

  afterAll(async () => {
    await chromium?.close();
    await new Promise((resolve) => coursePage?.close(resolve));
    await h?.close();
  });

  it('the student continues in a new window, and the launch completes there', async () => {
    loginUrl = h.lms.startLaunch({ user: h.lms.member('student').userId }).url;
    const page = await chromium.context.newPage();
    await page.goto(coursePageUrl);
    const tool = page.frameLocator('iframe.tool');
    await tool.getByRole('heading', { name: 'Your browser blocked Playroute inside the course page' }).waitFor({ timeout: 15_000 });
    const opened = chromium.context.waitForEvent('page');
    await tool.getByRole('button', { name: 'Open Playroute in a new window' }).click();
    const studentWindow = await opened;
    await tool.getByText('Playroute is open in a new window.').waitFor();
    await studentWindow.getByRole('heading', { name: /^(Welkom|Welcome), / }).waitFor();
    await screenshot(studentWindow, 'storage-and-cookies-refused-new-window');
  }, 60_000);
});
