// A student downloads their data from their own view: one click on "Download my data" (Dutch: "Mijn gegevens
// downloaden") gives a zip that unzip accepts, with their own data.json inside. The teacher sees when the course's
// personal data will be removed and downloads the audit trail for the exam board.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, BROWSER_SKIP_REASON, launchChromium, UI_WAIT_MS } from '../support/browser';
import { startLtiHarness, type LtiHarness } from '../support/lti-harness';
import { seedPlaybook } from '../support/playbook-seed';

describe.skipIf(browserMissing)(`a student downloads their data${browserMissing ? ` (skipped: ${BROWSER_SKIP_REASON})` : ''}`, () => {
  let h: LtiHarness;
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    h = await startLtiHarness({ serveClient: true });
    browser = await launchChromium();
    dir = mkdtempSync(path.join(tmpdir(), 'playroute-download-'));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('clicks Download my data and gets a zip with their own data, in English and in Dutch', async () => {
    const { placement } = await seedPlaybook(h);
    const launch = await h.browser().launch({ user: 'u-student-priya', placement });
    // Her first visit gives her the recommended route as a draft; made here, before the page, so the export surely has a
    // route to hold (the page's own first read races the click on Download otherwise).
    expect((await h.api(launch.sessionToken ?? '', '/api/route')).status).toBe(200);
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, locale: 'en-GB', acceptDownloads: true });
    page.setDefaultTimeout(UI_WAIT_MS);
    await page.goto(`${h.toolBase}/#session=${encodeURIComponent(launch.sessionToken ?? '')}`);
    await page.getByLabel(/Language|Taal/).selectOption('en');
    await page.getByRole('heading', { name: 'Your data' }).waitFor();
    await expect.poll(() => page.getByRole('link', { name: 'What Playroute keeps, and for how long' }).getAttribute('href')).toBe('/privacy');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download my data' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^playroute-my-data-\d{4}-\d{2}-\d{2}\.zip$/);
    const file = path.join(dir, 'mine.zip');
    await download.saveAs(file);
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toMatch(/No errors detected/);
    const data = JSON.parse(execFileSync('unzip', ['-p', file, 'data.json'], { encoding: 'utf8' })) as { person: { sub: string }; collections: Record<string, unknown> };
    expect(data.person.sub).toBe('u-student-priya');
    expect(Object.keys(data.collections)).toEqual(expect.arrayContaining(['lti_people', 'routes']));

    await page.getByLabel(/Language|Taal/).selectOption('nl');
    await page.getByRole('button', { name: 'Mijn gegevens downloaden' }).waitFor();
    await page.close();
  });

  it('the teacher sees when the course’s personal data will be removed and downloads the audit trail as CSV', async () => {
    const { placement } = await seedPlaybook(h);
    const launch = await h.browser().launch({ user: h.lms.member('teacher').userId, placement });
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, locale: 'en-GB', acceptDownloads: true });
    page.setDefaultTimeout(UI_WAIT_MS);
    await page.goto(`${h.toolBase}/#session=${encodeURIComponent(launch.sessionToken ?? '')}`);
    await page.getByLabel(/Language|Taal/).selectOption('en');
    await page.getByRole('tab', { name: 'Grading' }).click();
    await page.getByRole('heading', { name: 'Privacy and the exam board' }).waitFor();
    // A year after today's launch, the last activity in the course.
    const year = String(new Date().getFullYear() + 1);
    await page.getByText(new RegExp(`Personal data of this course will be removed on .*${year}`)).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the audit trail (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^audit-trail-.*\.csv$/);
    const file = path.join(dir, 'trail.csv');
    await download.saveAs(file);
    expect(readFileSync(file, 'utf8').split('\r\n')[0]).toBe('at,kind,actorId,actorRole,studentId,outcomeId,attemptId,resourceLinkId,before,after,comment');
    await page.getByLabel(/Language|Taal/).selectOption('nl');
    await page.getByRole('button', { name: 'Audittrail downloaden (CSV)' }).waitFor();
    await page.close();
  });
});
