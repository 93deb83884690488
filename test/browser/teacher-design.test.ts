// A teacher designs a whole playbook in a real browser: outcome with its live sentence, rubric, activities on the grid,
// recommended route, assessment window, quality panel and publishing; and a save from a stale copy keeps the open form.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, BROWSER_SKIP_REASON, launchChromium, screenshot, seriousAxeViolations } from '../support/browser';
import { startLtiHarness, type LtiHarness } from '../support/lti-harness';
import { buildActivity, readDesign, write, writeOk } from '../support/teacher-api';

async function addActivity(page: Page, cell: string, fill: { title: string; type: string; hours: string }, extra?: (form: Locator) => Promise<void>) {
  await page.getByRole('button', { name: `+ Add activity in ${cell}` }).click();
  const form = page.getByRole('group', { name: 'New activity' });
  await form.getByLabel('Title', { exact: true }).fill(fill.title);
  await form.getByLabel('Activity type').selectOption(fill.type);
  await form.getByLabel('Study load (hours)').fill(fill.hours);
  await extra?.(form);
  await form.getByRole('button', { name: 'Save activity' }).click();
  await form.waitFor({ state: 'detached' });
  await page.getByRole('region', { name: cell }).getByRole('button', { name: `Edit ${fill.title}` }).waitFor();
}

// Skipped only where Chromium is missing (BROWSER_SKIP_REASON, test/support/browser.ts); CI installs it and REQUIRE_BROWSER makes its absence a failure.
describe.skipIf(browserMissing)(`a teacher designs a playbook in the browser${browserMissing ? ` (skipped: ${BROWSER_SKIP_REASON})` : ''}`, () => {
  let h: LtiHarness;
  let browser: Browser;

  beforeAll(async () => {
    [h, browser] = await Promise.all([startLtiHarness({ serveClient: true }), launchChromium()]);
  }, 60_000);

  /** A teacher's launch into a new link of the demo course with an empty playbook, and a page open on its designer. */
  async function openNewPlaybook(title: string): Promise<{ token: string; page: Page }> {
    const { resourceLinkId } = h.lms.addPlacement({ title });
    const launch = await h.browser().launch({ user: h.lms.member('teacher').userId, placement: resourceLinkId, locale: 'en-GB' });
    const token = launch.sessionToken;
    if (!token) throw new Error(`teacher launch failed: ${launch.status}`);
    const setUp = await h.api(token, '/api/placement/playbook', { method: 'POST', body: JSON.stringify({ title }) });
    if (setUp.status !== 201) throw new Error(`setting up the playbook failed: ${setUp.status}`);
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 }, locale: 'en-GB' });
    return { token, page };
  }

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('writes an outcome and rubric, fills the grid, sets route and window, reads the quality panel and publishes; in English and Dutch, without serious accessibility problems', async () => {
    const launch = await h.browser().launch({ user: h.lms.member('teacher').userId, locale: 'en-GB' });
    const token = launch.sessionToken;
    if (!token) throw new Error(`teacher launch failed: ${launch.status}`);
    const setUp = await h.api(token, '/api/placement/playbook', { method: 'POST', body: JSON.stringify({ title: 'Project management' }) });
    expect(setUp.status).toBe(201);

    const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, locale: 'en-GB' });
    await page.goto(`${h.toolBase}/#session=${encodeURIComponent(token)}`);
    await page.getByRole('heading', { name: 'Playbook design' }).waitFor();
    await page.getByText('This playbook has no learning outcome yet.').waitFor();

    // The outcome, part by part, with the sentence growing as the teacher types.
    const outcome = page.getByRole('group', { name: 'New learning outcome' });
    await outcome.getByLabel('Short title').fill('Project plan');
    await outcome.getByLabel('Active verb').fill('designs');
    const sentence = page.getByTestId('outcome-sentence');
    await expect.poll(() => sentence.textContent()).toContain('The student designs [Subject]');
    await outcome.getByLabel('Subject').fill('a project plan');
    await outcome.getByLabel('Standard').fill('following PRINCE2');
    await outcome.getByLabel('Context').fill('for a client in professional practice');
    await outcome.getByLabel('Competence or final qualification').fill('project management');
    await expect.poll(() => sentence.textContent()).toBe(
      'The student designs a project plan following PRINCE2, for a client in professional practice (competence: project management).',
    );
    await outcome.getByRole('button', { name: 'Add indicator' }).click();
    await outcome.getByLabel('Indicator 1', { exact: true }).fill('The plan has milestones');
    await outcome.getByRole('button', { name: 'Add possible evidence' }).click();
    await outcome.getByLabel('Form of evidence 1').selectOption('prior_learning');
    await outcome.getByLabel('Description of evidence 1').fill('A plan made at work');
    await outcome.getByLabel('Assessment 1', { exact: true }).fill('Criterion-based interview');
    await outcome.getByRole('button', { name: 'Save learning outcome' }).click();

    // Once saved, the rubric: one criterion with three levels and a pass level, then publishing the outcome.
    const editor = page.getByRole('group', { name: 'Learning outcome: Project plan' });
    await editor.getByRole('heading', { name: 'Rubric: assessment criteria' }).waitFor();
    await editor.getByText('assessment criteria (a rubric)').waitFor();
    await editor.getByRole('button', { name: 'Add criterion' }).click();
    await editor.getByLabel('Criterion', { exact: true }).fill('Plans the project');
    await editor.getByLabel('Points of level 3 of criterion 1').fill('3');
    await editor.getByRole('button', { name: 'Save rubric' }).click();
    await editor.getByText('assessment criteria (a rubric)').waitFor({ state: 'detached' });
    await editor.getByRole('button', { name: 'Publish learning outcome' }).click();
    await editor.getByText(/^Published on /).waitFor();

    await page.getByLabel('Course start').fill('2030-09-01');
    await page.getByLabel('Level 3: self-responsible learning').check();
    await page.getByRole('button', { name: 'Save playbook details' }).click();

    // Activities in several cells of the grid; an empty title is refused in words first.
    await page.getByRole('button', { name: '+ Add activity in Online · Self-study' }).click();
    const draft = page.getByRole('group', { name: 'New activity' });
    await draft.getByRole('complementary', { name: 'Playcard: Introduction and activation' }).waitFor();
    await draft.getByRole('button', { name: 'Save activity' }).click();
    await draft.getByText('Fill this in.').waitFor();
    await draft.getByRole('button', { name: 'Close' }).click();
    await addActivity(page, 'Online · Self-study', { title: 'Prior knowledge quiz', type: 'activation', hours: '1' });
    await addActivity(page, 'Campus · With experts', { title: 'Lecture', type: 'instruction', hours: '2' }, async (form) => {
      await form.getByLabel('Scheduled sessions students sign up for (synchronous)').check();
      await form.getByRole('button', { name: 'Add session' }).click();
      await form.getByLabel('Date and time').fill('2030-09-15T10:00');
      await form.getByLabel('Place', { exact: true }).fill('Room B2.14');
      await form.getByLabel('Places available').fill('30');
    });
    await addActivity(page, 'Workplace · Self-study', { title: 'Practice assignment', type: 'application', hours: '8' });
    await addActivity(page, 'Campus · Collaborative', { title: 'Peer feedback', type: 'feedback', hours: '2' });
    await addActivity(page, 'Workplace · Self-study', { title: 'Logbook', type: 'reflection', hours: '2' });

    // The recommended route, reordered from the keyboard.
    const route = page.getByRole('region', { name: 'Recommended route' });
    await route.getByRole('button', { name: 'Add all the others' }).click();
    await route.getByRole('listitem', { name: 'Step 5: Logbook' }).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await route.getByRole('listitem', { name: 'Step 4: Logbook' }).waitFor();
    await expect.poll(() => page.getByText('Logbook is now step 4 of 5.').count()).toBe(1);
    await page.keyboard.press('Alt+ArrowDown');
    await route.getByRole('listitem', { name: 'Step 5: Logbook' }).waitFor();
    await route.getByRole('button', { name: 'Save recommended route' }).click();
    await route.getByText('The recommended route follows all route rules.').waitFor();

    const rules = page.getByRole('region', { name: 'Route rules' });
    await rules.getByLabel('Workplace').check();
    await rules.getByRole('button', { name: 'Save route rules' }).click();
    await rules.getByText('Saved.').waitFor();

    const windows = page.getByRole('region', { name: 'Assessment windows' });
    await windows.getByRole('button', { name: 'Add window' }).click();
    await windows.getByLabel('From').fill('2030-10-20T08:00');
    await windows.getByLabel('Until').fill('2030-10-31T17:00');
    await windows.getByRole('button', { name: 'Save assessment windows' }).click();
    await windows.getByText('Saved.').waitFor();

    // The quality panel says the checks in words, and nothing blocks publishing any more.
    const quality = page.getByRole('region', { name: 'Quality checks' });
    await quality.getByText('Nothing blocks publishing.', { exact: false }).waitFor();
    await quality.getByText('There is exactly one integrated assessment.').waitFor();
    await quality.getByText('Every activity type is offered.').waitFor();
    await quality.getByText('Prior learning or work experience is accepted as evidence', { exact: false }).waitFor();
    await screenshot(page, 'teacher-design-en');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await quality.getByRole('button', { name: 'Publish playbook' }).click();
    await quality.getByText('The playbook is published.', { exact: false }).waitFor();
    const published = await h.api(token, '/api/playbook/published');
    expect(published.status).toBe(200);
    const body = (await published.json()) as { status: string; selfDirectionLevel: number; activities: unknown[]; outcomes: { title: string }[]; recommendedRoute: string[] };
    expect(body.status).toBe('published');
    expect(body.selfDirectionLevel).toBe(3);
    expect(body.outcomes.map((o) => o.title)).toEqual(['Project plan']);
    expect(body.activities).toHaveLength(5);
    expect(body.recommendedRoute).toHaveLength(5);

    // In Dutch: the same design, the sentence in Dutch word order, still accessible.
    await page.getByLabel('Language').selectOption('nl');
    await page.getByRole('heading', { name: 'Playbookontwerp' }).waitFor();
    await page.getByRole('heading', { name: 'Leeractiviteiten in het 3-3-5-raster' }).waitFor();
    await expect.poll(() => sentence.textContent()).toBe(
      'De student designs a project plan following PRINCE2, for a client in professional practice (competentie: project management).',
    );
    await page.getByText('Dit playbook is gepubliceerd: studenten kunnen hun route kiezen.').waitFor();
    await screenshot(page, 'teacher-design-nl');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // From 320 px wide, nothing needs sideways scrolling.
    await page.setViewportSize({ width: 320, height: 800 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await screenshot(page, 'teacher-design-320');
  }, 60_000);

  it('when someone else saved meanwhile, the save is refused in words, the open form keeps its work, and saving after a reload succeeds', async () => {
    const { token, page } = await openNewPlaybook('Conflicts');
    await page.goto(`${h.toolBase}/#session=${encodeURIComponent(token)}`);
    await page.getByRole('heading', { name: 'Playbook design' }).waitFor();
    await page.getByRole('button', { name: '+ Add activity in Online · With experts' }).click();
    const form = page.getByRole('group', { name: 'New activity' });
    await form.getByLabel('Title', { exact: true }).fill('Knowledge clip');

    const { revision } = await readDesign(h, token);
    const meanwhile = await write(h, token, 'PATCH', '/api/playbook', revision, { description: 'Changed in another tab' });
    expect(meanwhile.status).toBe(200);

    await form.getByRole('button', { name: 'Save activity' }).click();
    await form.getByText('Someone else changed this playbook after you opened it', { exact: false }).waitFor();
    await expect.poll(() => form.getByLabel('Title', { exact: true }).inputValue()).toBe('Knowledge clip');
    await form.getByRole('button', { name: 'Reload the playbook (keeps your form)' }).click();
    await form.getByText('The playbook is up to date again.', { exact: false }).waitFor();
    await expect.poll(() => form.getByLabel('Title', { exact: true }).inputValue()).toBe('Knowledge clip');
    await form.getByRole('button', { name: 'Save activity' }).click();
    await page.getByRole('region', { name: 'Online · With experts' }).getByRole('button', { name: 'Edit Knowledge clip' }).waitFor();
    expect((await readDesign(h, token)).activities.map((a) => a.title)).toEqual(['Knowledge clip']);
  }, 30_000);

  it('a playbook downloaded from one link is imported into another through the file picker', async () => {
    const from = await openNewPlaybook('Exported');
    await writeOk(h, from.token, 'POST', '/api/playbook/activities', buildActivity({ title: 'Simulation', type: 'application', form: 'self-study' }));
    await from.page.goto(`${h.toolBase}/#session=${encodeURIComponent(from.token)}`);
    const download = from.page.waitForEvent('download');
    await from.page.getByRole('button', { name: 'Download playbook file' }).click();
    const file = await (await download).path();
    expect((await download).suggestedFilename()).toBe('exported.playroute.json');

    const into = await openNewPlaybook('Imported');
    await into.page.goto(`${h.toolBase}/#session=${encodeURIComponent(into.token)}`);
    const exchange = into.page.getByRole('region', { name: 'Import and export' });
    await exchange.getByLabel('Playbook file (.json)').setInputFiles(file);
    await exchange.getByLabel('I understand the import replaces everything in this draft playbook.').check();
    await exchange.getByRole('button', { name: 'Import' }).click();
    await into.page.getByRole('region', { name: 'Online · Self-study' }).getByRole('button', { name: 'Edit Simulation' }).waitFor();
    expect((await readDesign(h, into.token)).activities.map((a) => a.title)).toEqual(['Simulation']);
  }, 30_000);
});
