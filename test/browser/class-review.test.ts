// In Moodle (only Instructor or Learner): the teacher approves a route from the class view and assigns a colleague as coach, who then finds their students under "My students".
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, BROWSER_SKIP_REASON, launchChromium, screenshot, seriousAxeViolations, UI_WAIT_MS } from '../support/browser';
import { startLtiHarness, type LtiHarness } from '../support/lti-harness';
import { seedPlaybook } from '../support/playbook-seed';

// Skipped only where Chromium is missing (BROWSER_SKIP_REASON, test/support/browser.ts); CI installs it and REQUIRE_BROWSER makes its absence a failure.
describe.skipIf(browserMissing)(`coaching in Moodle, in the browser${browserMissing ? ` (skipped: ${BROWSER_SKIP_REASON})` : ''}`, () => {
  let h: LtiHarness;
  let browser: Browser;

  beforeAll(async () => {
    h = await startLtiHarness({ quirks: 'moodle', serveClient: true });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function open(token: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.setDefaultTimeout(UI_WAIT_MS);
    await page.goto(`${h.toolBase}/#session=${token}`);
    return page;
  }

  it('the teacher (an Instructor, as Moodle sends) approves a submitted route from the class view, then makes a colleague coach of two students', async () => {
    const seeded = await seedPlaybook(h);
    const launch = async (user: string) => (await h.browser().launch({ user, placement: seeded.placement })).sessionToken ?? '';
    const daan = h.lms.members().find((m) => m.userId === 'u-student-daan');
    if (!daan) throw new Error('the demo course has no Daan');
    const name = `${daan.givenName} ${daan.familyName}`;
    const student = await launch(daan.userId);
    const opened = (await (await h.api(student, '/api/route')).json()) as { route: { version: number } };
    const submitted = await h.api(student, '/api/route/submit', { method: 'POST', body: JSON.stringify({ version: opened.route.version }) });
    expect(submitted.status, await submitted.clone().text()).toBe(200);

    const teacher = await launch(h.lms.member('teacher').userId);
    const page = await open(teacher);
    await page.getByRole('tab', { name: 'Klas' }).click();
    const waiting = page.getByRole('region', { name: 'Routes die wachten op goedkeuring' });
    await waiting.getByText(name).waitFor();
    await page.getByRole('button', { name: `De route van ${name} beoordelen` }).click();
    await page.getByRole('heading', { name: `Route van ${name}` }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'class-review-nl');

    await page.getByRole('button', { name: 'Route goedkeuren' }).click();
    await page.getByText('Deze route is goedgekeurd.').waitFor();
    await waiting.getByText('Er wacht geen route op goedkeuring.').waitFor();
    await expect
      .poll(async () => ((await (await h.api(teacher, `/api/coach/routes/${daan.userId}`)).json()) as { route: { status: string } }).route.status)
      .toBe('approved');

    const colleague = h.lms.member('coach');
    const coaches = page.getByRole('region', { name: 'Coaches' });
    await coaches.getByLabel('Coach', { exact: true }).selectOption(colleague.userId);
    await coaches.getByRole('checkbox', { name: 'Fleur van den Berg selecteren' }).check();
    await coaches.getByRole('checkbox', { name: 'Priya Sharma selecteren' }).check();
    await coaches.getByRole('button', { name: 'Toewijzen aan geselecteerde studenten' }).click();
    await coaches.getByText(`${colleague.givenName} ${colleague.familyName} coacht nu de 2 geselecteerde studenten.`).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'class-coaches-nl');
    await page.close();

    // The colleague launches as Instructor too (Moodle has no coach role) and finds exactly those two under "My students".
    const coachPage = await open(await launch(colleague.userId));
    await coachPage.getByRole('tab', { name: 'Mijn studenten' }).click();
    await coachPage.getByRole('button', { name: 'Route openen: Fleur van den Berg' }).waitFor();
    await coachPage.getByRole('button', { name: 'Route openen: Priya Sharma' }).waitFor();
    await expect.poll(() => coachPage.getByRole('button', { name: /^Route openen:/ }).count()).toBe(2);
    await coachPage.close();
  }, 60_000);
});
