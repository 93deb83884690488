// The embedded launch in a browser that blocks third-party cookies, with the LMS on another site than Playroute
// (the demo LMS opened at 127.0.0.1, Playroute at localhost) and no Platform Storage, as in Moodle 4.3; and in a
// browser that keeps no cookie of Playroute's at all inside the LMS page (no CHIPS), where a new window must do.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, BROWSER_SKIP_REASON, launchChromiumBlockingThirdPartyCookies, screenshot } from '../support/browser';
import { killPlayrouteProcesses, startPlayroute, type StartedPlayroute } from '../support/playroute-process';

type Chromium = Awaited<ReturnType<typeof launchChromiumBlockingThirdPartyCookies>>;

// Skipped only where Chromium is missing (BROWSER_SKIP_REASON, test/support/browser.ts); CI installs it and REQUIRE_BROWSER makes its absence a failure.
describe.skipIf(browserMissing)(`an embedded launch with third-party cookies blocked${browserMissing ? ` (skipped: ${BROWSER_SKIP_REASON})` : ''}`, () => {
  let chromium: Chromium;
  let playroute: StartedPlayroute;
  let dataDir: string;
  let lmsUrl: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'playroute-3pc-'));
    playroute = await startPlayroute({ DATA_DIR: dataDir, NODE_ENV: 'development' });
    // Same server, another site: to the browser, Playroute in the LMS page is a third party.
    lmsUrl = `${playroute.url.replace('//localhost:', '//127.0.0.1:')}/demo-lms`;
    chromium = await launchChromiumBlockingThirdPartyCookies();
  }, 60_000);

  afterAll(async () => {
    await chromium?.close();
    killPlayrouteProcesses();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('the teacher places Playroute and the student opens it, both inside the LMS page', async () => {
    const page = await chromium.context.newPage();
    await page.goto(lmsUrl);
    expect(playroute.url).toContain('//localhost:');

    await page.getByRole('link', { name: 'Place the tool (deep linking)' }).click();
    const tool = page.frameLocator('iframe.tool');
    await tool.getByRole('heading', { name: 'Playroute toevoegen aan je cursus' }).waitFor();
    // The premise, checked in the tool's own frame: this browser refuses an ordinary third-party cookie there.
    const frame = page.frames().find((candidate) => candidate.url().startsWith(playroute.url));
    const kept = await frame?.evaluate(() => {
      document.cookie = 'probe_plain=1; SameSite=None; Secure; Path=/';
      document.cookie = 'probe_partitioned=1; SameSite=None; Secure; Path=/; Partitioned';
      return document.cookie;
    });
    expect(kept).not.toContain('probe_plain');
    expect(kept).toContain('probe_partitioned');

    await tool.getByLabel('Titel').fill('Projectmanagement');
    await tool.getByRole('button', { name: 'Maken en plaatsen' }).click();
    await tool.getByText('1 item(s) placed').waitFor();

    await page.goto(lmsUrl);
    await page.getByRole('link', { name: 'Launch as student: Projectmanagement' }).click();
    await tool.getByRole('heading', { name: 'Welkom, Daan Jansen' }).waitFor();
    // Inside the LMS page the course is all around Playroute: no link back that would open the LMS within itself.
    await expect.poll(() => tool.getByRole('link', { name: 'Terug naar de cursus' }).count()).toBe(0);
    await screenshot(page, 'cookies-blocked-student-home');
  });
});

// Skipped only where Chromium is missing (BROWSER_SKIP_REASON, test/support/browser.ts); CI installs it and REQUIRE_BROWSER makes its absence a failure.
describe.skipIf(browserMissing)(`an embedded launch where the browser keeps no cookie of Playroute's in the LMS page${browserMissing ? ` (skipped: ${BROWSER_SKIP_REASON})` : ''}`, () => {
  let chromium: Chromium;
  let playroute: StartedPlayroute;
  let dataDir: string;
  let lmsUrl: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'playroute-nocookie-'));
    playroute = await startPlayroute({ DATA_DIR: dataDir, NODE_ENV: 'development' });
    lmsUrl = `${playroute.url.replace('//localhost:', '//127.0.0.1:')}/demo-lms`;
    // Every cookie of Playroute's refused inside the LMS's site, partitioned or not; in its own window Playroute keeps them.
    chromium = await launchChromiumBlockingThirdPartyCookies({ blockCookiesOf: ['http://localhost:*,http://127.0.0.1:*'] });
  }, 60_000);

  afterAll(async () => {
    await chromium?.close();
    killPlayrouteProcesses();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** Clicks the launch page's offer and returns the window it opened. */
  async function continueInNewWindow(page: Page, buttonName: string): Promise<Page> {
    const tool = page.frameLocator('iframe.tool');
    await tool.getByRole('heading', { name: 'Your browser blocked Playroute inside the course page' }).waitFor();
    const opened = chromium.context.waitForEvent('page');
    await tool.getByRole('button', { name: buttonName }).click();
    const popup = await opened;
    await tool.getByText('Playroute is open in a new window.').waitFor();
    return popup;
  }

  it('the teacher places Playroute and the student opens it by continuing in a new window', async () => {
    const page = await chromium.context.newPage();
    await page.goto(lmsUrl);
    await page.getByRole('link', { name: 'Place the tool (deep linking)' }).click();
    const teacherWindow = await continueInNewWindow(page, 'Open Playroute in a new window');
    await screenshot(page, 'cookies-refused-new-window-offer');
    await teacherWindow.getByRole('heading', { name: 'Playroute toevoegen aan je cursus' }).waitFor();
    await teacherWindow.getByLabel('Titel').fill('Projectmanagement');
    await teacherWindow.getByRole('button', { name: 'Maken en plaatsen' }).click();
    await teacherWindow.getByText('1 item(s) placed').waitFor();
    await teacherWindow.close();

    await page.goto(lmsUrl);
    await page.getByRole('link', { name: 'Launch as student: Projectmanagement' }).click();
    const studentWindow = await continueInNewWindow(page, 'Open Playroute in a new window');
    await studentWindow.getByRole('heading', { name: 'Welkom, Daan Jansen' }).waitFor();
    await screenshot(studentWindow, 'cookies-refused-student-in-new-window');
    // In a window of its own, the launch's return URL is the way back to the course.
    await studentWindow.getByRole('link', { name: 'Terug naar de cursus' }).click();
    await studentWindow.waitForURL(/\/demo-lms\/$/);
    await studentWindow.getByRole('heading', { name: /Course:/ }).waitFor();
  }, 90_000);
});
