// The demo course a newcomer finds after `npm start`, in a real browser (issue 14): the demo LMS page's main buttons
// open the seeded course — the sample playbook published, twenty-five students at every stage, hand-ins waiting to be
// graded, and for the coach their students and the junior/peer pairs — in Dutch and English, axe clean.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Frame, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PLAYBOOK_TITLE } from '../../server/demo-course/playbook-content';
import { browserMissing, BROWSER_SKIP_REASON, launchChromium, screenshot, seriousAxeViolations, UI_WAIT_MS } from '../support/browser';
import { killPlayrouteProcesses, startPlayroute, type StartedPlayroute } from '../support/playroute-process';

/** Seeding goes through the real HTTP API with real launches: 10–20 s on two busy cores; the bound leaves room. */
const SEEDING_BOUND_MS = 90_000;

// Skipped only where Chromium is missing (BROWSER_SKIP_REASON, test/support/browser.ts); CI installs it and REQUIRE_BROWSER makes its absence a failure.
describe.skipIf(browserMissing)(`the seeded demo course in a browser${browserMissing ? ` (skipped: ${BROWSER_SKIP_REASON})` : ''}`, () => {
  let browser: Browser;
  let playroute: StartedPlayroute;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'playroute-demo-course-browser-'));
    // Like `npm start`: the embedded store under DATA_DIR and the demo LMS, nothing else configured (seeding is skipped under NODE_ENV=test).
    playroute = await startPlayroute({ DATA_DIR: dataDir, NODE_ENV: 'development' });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    killPlayrouteProcesses();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** The tool's frame inside the LMS page, for axe: it runs in the document it checks. */
  async function toolFrame(page: Page): Promise<Frame> {
    await expect.poll(() => page.frames().length).toBeGreaterThan(1);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    if (!frame) throw new Error('the LMS page has no tool frame');
    return frame;
  }

  async function axeClean(page: Page): Promise<void> {
    expect(await seriousAxeViolations(await toolFrame(page))).toEqual([]);
  }

  it('the teacher finds the sample playbook, the class at every stage and work to grade, in Dutch and English; the coach finds their students and the pairs', async () => {
    // What the newcomer sees in the terminal of `npm start` once the course is ready, within a bound.
    await expect.poll(() => playroute.output(), { timeout: SEEDING_BOUND_MS, interval: 250 }).toMatch(/"seeded":true[^\n]*the demo course is seeded/);
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    // A wait that runs out names its step, instead of the whole story running into the test's own timeout.
    page.setDefaultTimeout(UI_WAIT_MS);
    await page.goto(`${playroute.url}/demo-lms?lang=nl`);
    await page.getByRole('link', { name: 'Start als docent', exact: true }).click();
    const tool: FrameLocator = page.frameLocator('iframe');

    // The playbook tab: the sample playbook, published.
    await tool.getByRole('tab', { name: 'Playbook' }).waitFor();
    await tool.getByText('Gepubliceerd: studenten kunnen hun route kiezen.', { exact: true }).waitFor();
    await expect.poll(() => tool.locator('#designer-details').getByLabel('Titel').inputValue()).toBe(DEMO_PLAYBOOK_TITLE);
    await axeClean(page);
    await screenshot(page, 'demo-course-playbook-nl');

    // The class overview: 25 students, some of whom have not started.
    const tile = (label: string) => tool.locator('li.tile').filter({ has: tool.getByText(label, { exact: true }) }).locator('.tile-value');
    await tool.getByRole('tab', { name: 'Klas' }).click();
    await tool.getByRole('heading', { name: 'Klasoverzicht' }).waitFor();
    await expect.poll(() => tile('Studenten').textContent()).toBe('25');
    await expect.poll(async () => Number(await tile('Niet begonnen').textContent())).toBeGreaterThan(0);
    await axeClean(page);

    // "Mijn studenten": all 25 with every status a route can have, and those who have not started.
    const statusesNl = ['Stelt route samen', 'Wacht op goedkeuring', 'Teruggestuurd', 'Goedgekeurd'];
    await tool.getByRole('tab', { name: 'Mijn studenten' }).click();
    await tool.getByRole('option', { name: 'Alle studenten (25)' }).waitFor({ state: 'attached' });
    await expect.poll(() => tool.locator('li.student-card').count()).toBe(25);
    for (const status of statusesNl) await tool.locator('li.student-card .badge').getByText(status, { exact: true }).first().waitFor();
    await tool.locator('li.student-card').getByText(/Nog geen route|Heeft Playroute nooit geopend/).first().waitFor();
    await axeClean(page);
    await screenshot(page, 'demo-course-students-nl');

    // Grading: hand-ins wait.
    await tool.getByRole('tab', { name: 'Beoordelen' }).click();
    await tool.getByRole('heading', { name: 'Wacht op beoordeling' }).waitFor();
    await tool.getByRole('button', { name: /^Beoordelen: .+, poging \d+$/ }).first().waitFor();
    await axeClean(page);

    // The same screens in English, through the language switch.
    await tool.getByLabel('Taal').selectOption('en');
    await tool.getByRole('heading', { name: 'Waiting to be graded' }).waitFor();
    await tool.getByRole('button', { name: /^Grade: .+, attempt \d+$/ }).first().waitFor();
    await axeClean(page);
    await screenshot(page, 'demo-course-grading-en');

    await tool.getByRole('tab', { name: 'My students' }).click();
    await tool.getByRole('option', { name: 'All students (25)' }).waitFor({ state: 'attached' });
    await expect.poll(() => tool.locator('li.student-card').count()).toBe(25);
    for (const status of ['Composing', 'Waiting for approval', 'Returned', 'Approved']) await tool.locator('li.student-card .badge').getByText(status, { exact: true }).first().waitFor();
    await tool.locator('li.student-card').getByText(/No route yet|Never opened Playroute/).first().waitFor();
    await axeClean(page);

    await tool.getByRole('tab', { name: 'Class' }).click();
    await tool.getByRole('heading', { name: 'Class overview' }).waitFor();
    await expect.poll(() => tile('Students').textContent()).toBe('25');
    await expect.poll(async () => Number(await tile('Not started').textContent())).toBeGreaterThan(0);
    await axeClean(page);

    await tool.getByRole('tab', { name: 'Playbook' }).click();
    await tool.getByText('Published: students can choose their route.', { exact: true }).waitFor();
    await expect.poll(() => tool.locator('#designer-details').getByLabel('Title').inputValue()).toBe(DEMO_PLAYBOOK_TITLE);
    await axeClean(page);

    // The coach (Samir, whose LMS profile is Dutch): their own students and the junior/peer pairs among them.
    await page.goto(`${playroute.url}/demo-lms?lang=en`);
    await page.getByRole('link', { name: 'Launch as coach', exact: true }).click();
    await tool.getByRole('heading', { name: 'Je studenten' }).waitFor();
    await expect.poll(() => tool.locator('li.student-card').count()).toBeGreaterThan(0);
    await tool.getByRole('heading', { name: 'Junioren en peers' }).waitFor();
    await tool.getByRole('cell', { name: 'Geaccepteerd', exact: true }).first().waitFor();
    await tool.getByRole('cell', { name: 'Wacht op de peer', exact: true }).first().waitFor();
    await axeClean(page);
    await screenshot(page, 'demo-course-coach');
  }, SEEDING_BOUND_MS + 120_000);
});
