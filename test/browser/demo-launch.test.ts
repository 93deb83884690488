// `npm start` with no setup, then the demo course in a real browser: launch as teacher, place Playroute, launch as student.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, BROWSER_SKIP_REASON, launchChromium, screenshot, UI_WAIT_MS } from '../support/browser';
import { killPlayrouteProcesses, startPlayroute, type StartedPlayroute } from '../support/playroute-process';

// Skipped only where Chromium is missing (BROWSER_SKIP_REASON, test/support/browser.ts); CI installs it and REQUIRE_BROWSER makes its absence a failure.
describe.skipIf(browserMissing)(`the demo course in a browser${browserMissing ? ` (skipped: ${BROWSER_SKIP_REASON})` : ''}`, () => {
  let browser: Browser;
  let playroute: StartedPlayroute;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'playroute-demo-'));
    // Like `npm start`: the embedded store under DATA_DIR and the demo LMS, nothing else configured.
    playroute = await startPlayroute({ DATA_DIR: dataDir, NODE_ENV: 'development' });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    killPlayrouteProcesses();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('a newcomer places Playroute as the teacher and then opens it as a student, all inside the LMS page', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    // A wait that runs out names its step, instead of the whole story running into the test's own timeout.
    page.setDefaultTimeout(UI_WAIT_MS);
    await page.goto(`${playroute.url}/demo-lms`);
    await screenshot(page, 'demo-lms-course');

    await page.getByRole('link', { name: 'Place the tool (deep linking)' }).click();
    const tool = page.frameLocator('iframe');
    await tool.getByRole('heading', { name: 'Playroute toevoegen aan je cursus' }).waitFor();
    await screenshot(page, 'deep-linking-picker-nl');
    await tool.getByLabel('Titel').fill('Projectmanagement');
    await tool.getByRole('button', { name: 'Maken en plaatsen' }).click();
    await tool.getByText('1 item(s) placed').waitFor();

    await page.goto(`${playroute.url}/demo-lms`);
    await page.getByRole('link', { name: 'Launch as student: Projectmanagement' }).click();
    await tool.getByRole('heading', { name: 'Welkom, Daan Jansen' }).waitFor();
    await tool.getByText('Je docent heeft dit playbook nog niet gepubliceerd.').waitFor();
    await screenshot(page, 'student-home-nl');

    await page.goto(`${playroute.url}/demo-lms`);
    await page.getByRole('link', { name: 'Launch as teacher: Projectmanagement' }).click();
    await tool.getByRole('tab', { name: 'Playbook' }).waitFor();
    await tool.getByLabel('Taal').selectOption('en');
    await tool.getByRole('tab', { name: 'Grading' }).waitFor();
    await screenshot(page, 'teacher-home-en');
    // Three launches, each a full page in the LMS frame, from a separate `npm start` process: on two busy cores
    // this story alone has taken over 30 s.
  }, 90_000);

  it('opened outside an LMS, Playroute says where to start and offers the demo course', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    await page.goto(playroute.url);
    await page.getByText('Playroute opens from your course in Canvas, Brightspace or Moodle.').waitFor();
    await page.getByRole('link', { name: 'Try Playroute in the demo course' }).click();
    await page.waitForURL(/\/demo-lms/);
    await expect.poll(() => page.title()).toContain('Demo LMS');
    // The built client ships the tool icon the LMS shows (icon_uri), as an image, not as the app page.
    const icon = await page.request.get(`${playroute.url}/icon.svg`);
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toContain('image/svg+xml');
  });
});
