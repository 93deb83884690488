// A teacher checks the LMS gradebook in the browser: the grade Playroute sent, the LMS's own value, "differs" after a change behind Playroute's back, and a resend that repairs it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, BROWSER_SKIP_REASON, launchChromium, screenshot, seriousAxeViolations, UI_WAIT_MS } from '../support/browser';
import { judgement, seedPlacement, startGradingHarness, type GradingHarness } from '../support/grading-seed';

// Skipped only where Chromium is missing (BROWSER_SKIP_REASON, test/support/browser.ts); CI installs it and REQUIRE_BROWSER makes its absence a failure.
describe.skipIf(browserMissing)(`the gradebook check in the browser${browserMissing ? ` (skipped: ${BROWSER_SKIP_REASON})` : ''}`, () => {
  let g: GradingHarness;
  let browser: Browser;

  beforeAll(async () => {
    g = await startGradingHarness({ passback: true, serveClient: true });
    // Moodle: the LMS of the issue.
    g.h.lms.setQuirks('moodle');
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await g?.close();
  });

  it('shows that the LMS agrees, then differs after a grade was changed in the LMS, and a resend restores it', async () => {
    const seeded = await seedPlacement(g);
    const member = g.h.lms.member('student');
    const studentName = `${member.givenName} ${member.familyName}`;
    const student = await seeded.launch(member.userId);
    const teacher = await seeded.launch(g.h.lms.member('teacher').userId);
    const added = await g.api(student, '/api/evidence/outcomes/lo-plan/items', { method: 'POST', body: JSON.stringify({ kind: 'text', text: 'My project plan.' }) });
    const { attempt } = (await added.json()) as { attempt: { id: string } };
    expect((await g.api(student, `/api/evidence/attempts/${attempt.id}/submit`, { method: 'POST' })).status).toBe(200);
    expect((await g.api(teacher, `/api/assessment/attempts/${attempt.id}/grade`, { method: 'POST', body: JSON.stringify(judgement('good')) })).status).toBe(200);
    const cell = () => g.h.lms.results().find((r) => r.userId === member.userId && g.h.lms.lineItems().find((i) => i.id === r.lineItemId)?.resourceId === seeded.playbookId);
    await expect.poll(() => cell()?.resultScore, { timeout: 15_000 }).toBe(10);

    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.setDefaultTimeout(UI_WAIT_MS);
    await page.goto(`${g.h.toolBase}/#session=${teacher}`);
    await page.getByLabel('Taal').selectOption('en');
    await page.getByRole('tab', { name: 'Grading' }).click();
    const section = page.getByRole('region', { name: 'Check the LMS gradebook' });
    const row = section.locator('li').filter({ hasText: studentName });
    await row.getByText('The LMS agrees').waitFor();
    await row.getByText('Sent: 10 of 10').waitFor();
    await row.getByText('In the LMS: 10 of 10').waitFor();

    // A teacher empties the grade in Moodle itself.
    g.h.lms.setGradebookValue({ lineItemId: cell()?.lineItemId ?? '', userId: member.userId, resultScore: undefined });
    await section.getByRole('button', { name: 'Check with the LMS' }).click();
    await row.getByText('The LMS differs').waitFor();
    await row.getByText('In the LMS: no grade').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'gradebook-differs-en');

    await row.getByRole('button', { name: `Send grade again: ${studentName}` }).click();
    await section.getByText(`The grade of ${studentName} will be sent to the gradebook again.`).waitFor();
    await expect.poll(() => cell()?.resultScore, { timeout: 15_000 }).toBe(10);
    await section.getByRole('button', { name: 'Check with the LMS' }).click();
    await row.getByText('The LMS agrees').waitFor();

    await page.getByLabel('Language').selectOption('nl');
    const dutch = page.getByRole('region', { name: 'Cijferoverzicht van de LMS controleren' });
    await dutch.locator('li').filter({ hasText: studentName }).getByText('De LMS komt overeen').waitFor();
    await page.close();
  }, 60_000);
});
