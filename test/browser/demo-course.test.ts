// The demo course a newcomer finds after `npm start`, in a real browser (issue 14): the demo LMS page's main buttons
// open the seeded course — the sample playbook published, twenty-five students at every stage (intake done, routes
// submitted and approved, three stalled, hand-ins waiting, grades sent to the gradebook, project groups formed), for
// the coach their students, the junior/peer pairs and who came to last week's lecture, and for a student the sessions
// they signed up for — in Dutch and English, axe clean.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Frame, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PLAYBOOK_TITLE } from '../../server/demo-course/playbook-content';
import { eventually } from '../support/eventually';
import { browserMissing, BROWSER_SKIP_REASON, launchChromium, screenshot, seriousAxeViolations, UI_WAIT_MS } from '../support/browser';
import { killPlayrouteProcesses, startPlayroute, type StartedPlayroute } from '../support/playroute-process';

/** Seeding goes through the real HTTP API with real launches: 15–30 s on two busy cores; the bound leaves room. */
const SEEDING_BOUND_MS = 90_000;
/** The three students who chose a route weeks ago and did nothing since (server/demo-course/seed.ts). */
const STALLED = ['Lina Haddad', 'Lotte Mulder', 'Mei Chen'];
const SEEDED = /"seeded":true[^\n]*the demo course is seeded/;

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
    // What the newcomer sees in the terminal of `npm start` once the course is ready, within a bound; each story below reads it.
    expect(await eventually(() => playroute.output(), (text) => SEEDED.test(text), SEEDING_BOUND_MS)).toMatch(SEEDED);
  }, SEEDING_BOUND_MS + 60_000);

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

  it('the teacher finds the sample playbook, the class at every stage (intake done, three stalled), work to grade, grades sent and project groups formed, in Dutch and English', async () => {
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
    // Three stalled students, by name; Mei did one activity, so hers says since when.
    const stalledList = (title: string) => tool.getByRole('region', { name: title }).locator('li');
    await expect.poll(() => stalledList('7 dagen of langer stilgevallen').locator('span:first-child').allTextContents().then((t) => t.sort())).toEqual(STALLED);
    await stalledList('7 dagen of langer stilgevallen').filter({ hasText: 'Mei Chen' }).getByText(/^laatste voortgang /).waitFor();
    // The class's starting position from the intake: everyone but the two who never started handed it in.
    await tool.getByText('23 van 25 studenten hebben de intake ingediend.', { exact: true }).waitFor();
    await axeClean(page);
    await screenshot(page, 'demo-course-class-nl');

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
    // What was graded reached the LMS gradebook: final grades with a score, sent.
    const sentScore = (sent: string, score: RegExp) => tool.locator('li.delivery').filter({ has: tool.getByText(sent, { exact: true }) }).filter({ hasText: score }).first();
    await sentScore('Verzonden naar het cijferoverzicht', /Score [\d.,]+ van [\d.,]+/).waitFor();
    await axeClean(page);

    // Project groups formed from the intake.
    await tool.getByRole('tab', { name: 'Intake en groepen' }).click();
    await tool.getByRole('button', { name: /^"Teamproject Eigen bedrijf" openen \(\d+ groepen\)$/ }).click();
    await tool.getByRole('region', { name: 'Groep 1' }).waitFor();
    await axeClean(page);
    await screenshot(page, 'demo-course-groups-nl');

    // Back to grading for the language switch below.
    await tool.getByRole('tab', { name: 'Beoordelen' }).click();
    await tool.getByRole('heading', { name: 'Wacht op beoordeling' }).waitFor();

    // The same screens in English, through the language switch.
    await tool.getByLabel('Taal').selectOption('en');
    await tool.getByRole('heading', { name: 'Waiting to be graded' }).waitFor();
    await tool.getByRole('button', { name: /^Grade: .+, attempt \d+$/ }).first().waitFor();
    await sentScore('Sent to the gradebook', /Score [\d.,]+ of [\d.,]+/).waitFor();
    await axeClean(page);
    await screenshot(page, 'demo-course-grading-en');

    await tool.getByRole('tab', { name: 'Intake and groups' }).click();
    await tool.getByRole('button', { name: /^Open "Teamproject Eigen bedrijf" \(\d+ groups\)$/ }).click();
    await tool.getByRole('region', { name: 'Group 1' }).waitFor();
    await axeClean(page);

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
    await expect.poll(() => stalledList('Stalled for 7 days or more').locator('span:first-child').allTextContents().then((t) => t.sort())).toEqual(STALLED);
    await stalledList('Stalled for 7 days or more').filter({ hasText: 'Mei Chen' }).getByText(/^last progress /).waitFor();
    await tool.getByText('23 of 25 students have submitted the intake.', { exact: true }).waitFor();
    await axeClean(page);

    await tool.getByRole('tab', { name: 'Playbook' }).click();
    await tool.getByText('Published: students can choose their route.', { exact: true }).waitFor();
    await expect.poll(() => tool.locator('#designer-details').getByLabel('Title').inputValue()).toBe(DEMO_PLAYBOOK_TITLE);
    await axeClean(page);

    await page.close();
  }, 150_000);

  it("the coach finds their students, the junior/peer pairs and who came to last week's lecture, in Dutch and English", async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.setDefaultTimeout(UI_WAIT_MS);
    // The coach (Samir, whose LMS profile is Dutch).
    await page.goto(`${playroute.url}/demo-lms?lang=en`);
    await page.getByRole('link', { name: 'Launch as coach', exact: true }).click();
    const tool: FrameLocator = page.frameLocator('iframe');
    await tool.getByRole('heading', { name: 'Je studenten' }).waitFor();
    await expect.poll(() => tool.locator('li.student-card').count()).toBeGreaterThan(0);
    await tool.getByRole('heading', { name: 'Junioren en peers' }).waitFor();
    await tool.getByRole('cell', { name: 'Geaccepteerd', exact: true }).first().waitFor();
    await tool.getByRole('cell', { name: 'Wacht op de peer', exact: true }).first().waitFor();
    // The lecture three days ago: the coach's students who signed up, marked present or absent, one not marked yet.
    const lecture = (present: string) => tool.getByRole('group', { name: /^College projectmatig werken \(op school\) · /i }).filter({ has: tool.getByRole('radio', { name: present, checked: true }) }).first();
    await tool.getByRole('heading', { name: 'Aanwezigheid bij bijeenkomsten' }).waitFor();
    await lecture('Aanwezig').getByRole('radio', { name: 'Afwezig', checked: true }).first().waitFor();
    await lecture('Aanwezig').getByText('(nog niet aangegeven)').first().waitFor();
    await axeClean(page);
    await screenshot(page, 'demo-course-coach-nl');

    await tool.getByLabel('Taal').selectOption('en');
    await tool.getByRole('heading', { name: 'Attendance at sessions' }).waitFor();
    await lecture('Present').getByRole('radio', { name: 'Absent', checked: true }).first().waitFor();
    await lecture('Present').getByText('(not marked yet)').first().waitFor();
    await tool.getByRole('heading', { name: 'Juniors and peers' }).waitFor();
    await tool.getByRole('cell', { name: 'Accepted', exact: true }).first().waitFor();
    await axeClean(page);
    await screenshot(page, 'demo-course-coach-en');
    await page.close();
  }, 120_000);

  it('a student (Daan) finds the sessions they signed up for, in Dutch and English', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.setDefaultTimeout(UI_WAIT_MS);
    await page.goto(`${playroute.url}/demo-lms?lang=nl`);
    await page.getByRole('link', { name: 'Start als student', exact: true }).click();
    const tool: FrameLocator = page.frameLocator('iframe');
    const sessions = (title: string) => tool.getByRole('region', { name: title }).locator('li.session-item');
    await tool.getByRole('button', { name: /^\d Werken en inleveren/ }).click();
    await tool.getByRole('heading', { name: 'Bijeenkomsten' }).waitFor();
    // The lecture (three days ago) and the team project ahead.
    await expect.poll(() => sessions('Bijeenkomsten').filter({ hasText: 'je bent aangemeld' }).count()).toBe(2);
    await sessions('Bijeenkomsten').filter({ hasText: 'je bent aangemeld' }).filter({ hasText: 'College projectmatig werken' }).waitFor();
    await sessions('Bijeenkomsten').filter({ hasText: 'je bent aangemeld' }).filter({ hasText: 'Teamproject Eigen bedrijf' }).waitFor();
    await axeClean(page);
    await screenshot(page, 'demo-course-student-nl');

    await tool.getByLabel('Taal').selectOption('en');
    await tool.getByRole('heading', { name: 'Sessions' }).waitFor();
    await expect.poll(() => sessions('Sessions').filter({ hasText: 'you are signed up' }).count()).toBe(2);
    await axeClean(page);
    await page.close();
  }, 120_000);
});
