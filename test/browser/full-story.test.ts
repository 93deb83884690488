// The whole story in one link of the demo course, each person in a browser of their own: the teacher sets up and
// publishes a playbook, a student reads the outcome and submits the recommended route, the coach approves it, the
// student hands in, the teacher grades, and the score arrives in the LMS gradebook.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, BROWSER_SKIP_REASON, launchChromium, screenshot, seriousAxeViolations, UI_WAIT_MS } from '../support/browser';
import { startLtiHarness, type LtiHarness } from '../support/lti-harness';
import { expectCurrentStep, goToStep, stepButton } from '../support/student-steps';

/** A value for a datetime-local input, in the local time zone the browser shares with this process. */
function localInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

async function addActivity(page: Page, cell: string, fill: { title: string; type: string; hours: string }) {
  await page.getByRole('button', { name: `+ Add activity in ${cell}` }).click();
  const form = page.getByRole('group', { name: 'New activity' });
  await form.getByLabel('Title', { exact: true }).fill(fill.title);
  await form.getByLabel('Activity type').selectOption(fill.type);
  await form.getByLabel('Study load (hours)').fill(fill.hours);
  await form.getByRole('button', { name: 'Save activity' }).click();
  await form.waitFor({ state: 'detached' });
  await page.getByRole('region', { name: cell }).getByRole('button', { name: `Edit ${fill.title}` }).waitFor();
}

// Skipped only where Chromium is missing (BROWSER_SKIP_REASON, test/support/browser.ts); CI installs it and REQUIRE_BROWSER makes its absence a failure.
describe.skipIf(browserMissing)(`the whole story in one link, through the browser${browserMissing ? ` (skipped: ${BROWSER_SKIP_REASON})` : ''}`, () => {
  let h: LtiHarness;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [h, browser] = await Promise.all([startLtiHarness({ passback: true, serveClient: true }), launchChromium()]);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  /** One person's launch into the link, in a browser context of their own, opened on Playroute. */
  async function open(user: string, placement: string): Promise<Page> {
    const launch = await h.browser().launch({ user, placement, locale: 'en-GB' });
    if (!launch.sessionToken) throw new Error(`launch of ${user} failed: ${launch.status}`);
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en-GB' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(UI_WAIT_MS);
    await page.goto(`${h.toolBase}/#session=${encodeURIComponent(launch.sessionToken)}`);
    return page;
  }

  it('the teacher designs and publishes, the student submits the recommended route, the coach approves, the student hands in, the teacher grades and the score reaches the LMS', async () => {
    const { resourceLinkId } = h.lms.addPlacement({ title: 'Projectmanagement' });
    const teacherMember = h.lms.member('teacher');
    // Priya: a student the coach mentors.
    const priya = h.lms.members().find((m) => m.userId === 'u-student-priya');
    if (!priya) throw new Error('the demo course has no Priya');
    const studentName = `${priya.givenName} ${priya.familyName}`;

    // (1) The teacher sets up the playbook for this link and designs it.
    const teacher = await open(teacherMember.userId, resourceLinkId);
    await teacher.getByRole('heading', { name: 'Set up the playbook for this link' }).waitFor();
    await teacher.getByLabel('Title', { exact: true }).fill('Projectmanagement');
    await teacher.getByRole('button', { name: 'Create and place' }).click();
    await teacher.getByRole('heading', { name: 'Playbook design' }).waitFor();
    await teacher.getByText('This playbook has no learning outcome yet.').waitFor();
    await screenshot(teacher, 'story-1-teacher-set-up');

    const outcome = teacher.getByRole('group', { name: 'New learning outcome' });
    await outcome.getByLabel('Short title').fill('Project plan');
    await outcome.getByLabel('Active verb').fill('designs');
    await outcome.getByLabel('Subject').fill('a project plan');
    await outcome.getByLabel('Standard').fill('following PRINCE2');
    await outcome.getByLabel('Context').fill('for a client in professional practice');
    await outcome.getByLabel('Competence or final qualification').fill('project management');
    await outcome.getByRole('button', { name: 'Add indicator' }).click();
    await outcome.getByLabel('Indicator 1', { exact: true }).fill('The plan has milestones');
    await outcome.getByRole('button', { name: 'Add possible evidence' }).click();
    await outcome.getByLabel('Form of evidence 1').selectOption('prior_learning');
    await outcome.getByLabel('Description of evidence 1').fill('A plan made at work');
    await outcome.getByLabel('Assessment 1', { exact: true }).fill('Criterion-based interview');
    await outcome.getByRole('button', { name: 'Save learning outcome' }).click();

    const editor = teacher.getByRole('group', { name: 'Learning outcome: Project plan' });
    await editor.getByRole('heading', { name: 'Rubric: assessment criteria' }).waitFor();
    await editor.getByRole('button', { name: 'Add criterion' }).click();
    await editor.getByLabel('Criterion', { exact: true }).fill('Plans the project');
    await editor.getByLabel('Points of level 3 of criterion 1').fill('3');
    await editor.getByRole('button', { name: 'Save rubric' }).click();
    await editor.getByText('assessment criteria (a rubric)').waitFor({ state: 'detached' });
    await editor.getByRole('button', { name: 'Publish learning outcome' }).click();
    await editor.getByText(/^Published on /).waitFor();

    // One activity of each type, spread over the grid.
    await addActivity(teacher, 'Online · Self-study', { title: 'Prior knowledge quiz', type: 'activation', hours: '1' });
    await addActivity(teacher, 'Campus · With experts', { title: 'Lecture', type: 'instruction', hours: '2' });
    await addActivity(teacher, 'Workplace · Self-study', { title: 'Practice assignment', type: 'application', hours: '8' });
    await addActivity(teacher, 'Campus · Collaborative', { title: 'Peer feedback', type: 'feedback', hours: '2' });
    await addActivity(teacher, 'Workplace · Self-study', { title: 'Logbook', type: 'reflection', hours: '2' });

    const route = teacher.getByRole('region', { name: 'Recommended route' });
    await route.getByRole('button', { name: 'Add all the others' }).click();
    await route.getByRole('listitem', { name: 'Step 5: Logbook' }).waitFor();
    await route.getByRole('button', { name: 'Save recommended route' }).click();
    await route.getByText('The recommended route follows all route rules.').waitFor();

    // An assessment window that is open now: from yesterday until next week.
    const day = 24 * 60 * 60 * 1000;
    const windows = teacher.getByRole('region', { name: 'Assessment windows' });
    await windows.getByRole('button', { name: 'Add window' }).click();
    await windows.getByLabel('From').fill(localInput(new Date(Date.now() - day)));
    await windows.getByLabel('Until').fill(localInput(new Date(Date.now() + 7 * day)));
    await windows.getByRole('button', { name: 'Save assessment windows' }).click();
    await windows.getByText('Saved.').waitFor();

    const quality = teacher.getByRole('region', { name: 'Quality checks' });
    await quality.getByText('Nothing blocks publishing.', { exact: false }).waitFor();
    expect(await seriousAxeViolations(teacher)).toEqual([]);
    await quality.getByRole('button', { name: 'Publish playbook' }).click();
    await quality.getByText('The playbook is published.', { exact: false }).waitFor();
    await screenshot(teacher, 'story-1-teacher-published');

    // (2) The student reads the outcome first, then follows the recommended route and submits it.
    // The page is in steps; the outcome is step 1, before the route (the page opens on the route, not yet chosen).
    const studentPage = await open(priya.userId, resourceLinkId);
    await expectCurrentStep(studentPage, 'route');
    await goToStep(studentPage, 'outcome');
    await studentPage.getByRole('heading', { name: 'What you will learn, and how it is assessed' }).waitFor();
    await studentPage.getByRole('table', { name: /Assessment criteria and levels/ }).waitFor();
    await studentPage.getByText('Plans the project').first().waitFor();
    expect(await seriousAxeViolations(studentPage)).toEqual([]);
    await screenshot(studentPage, 'story-2-student-outcome');

    await studentPage.getByRole('button', { name: 'Next: Choose a route' }).click();
    await studentPage.getByRole('heading', { name: 'The playbook' }).waitFor();
    await studentPage.getByRole('button', { name: 'Follow the recommended route' }).click();
    await studentPage.getByText('Route saved.').waitFor();
    await studentPage.getByText('Your route meets every rule.').waitFor();
    await studentPage.getByRole('button', { name: 'Submit route for approval' }).click();
    await studentPage.getByText('waiting for your coach').first().waitFor();
    await screenshot(studentPage, 'story-2-student-route-submitted');

    // (3) The coach approves the route.
    const coach = await open(h.lms.member('coach').userId, resourceLinkId);
    await coach.getByRole('heading', { name: 'Your students' }).waitFor();
    await coach.getByRole('button', { name: `Open route: ${studentName}` }).click();
    await coach.getByRole('heading', { name: `Route of ${studentName}` }).waitFor();
    await coach.getByText('Practice assignment').first().waitFor();
    expect(await seriousAxeViolations(coach)).toEqual([]);
    await coach.getByRole('button', { name: 'Approve route' }).click();
    await coach.getByText(`The route of ${studentName} is approved.`).waitFor();
    await screenshot(coach, 'story-3-coach-approved');

    // (4) The student sees the approval, hands in a text and submits the attempt.
    // The approval moves the student on: the page reopens on working and handing in, and the route's step says approved.
    await studentPage.reload();
    await expectCurrentStep(studentPage, 'work');
    await stepButton(studentPage, 'route').getByText('approved').waitFor();
    await studentPage.getByLabel('Text', { exact: true }).fill('My project plan for the client, with milestones.');
    await studentPage.getByRole('button', { name: 'Add text' }).click();
    await studentPage.getByText('My project plan for the client, with milestones.').waitFor();
    await studentPage.getByRole('button', { name: 'Hand in for assessment' }).click();
    await studentPage.getByText(/Attempt 1 is handed in/).waitFor();
    await screenshot(studentPage, 'story-4-student-handed-in');

    // (5) The teacher grades the attempt in the grading tab.
    await teacher.getByRole('tab', { name: 'Grading' }).click();
    await teacher.getByRole('heading', { name: 'Waiting to be graded' }).waitFor();
    await teacher.getByRole('button', { name: `Grade: ${studentName}, Project plan, attempt 1` }).click();
    await teacher.getByText('My project plan for the client, with milestones.').waitFor();
    const criterion = teacher.getByRole('group', { name: 'Plans the project' });
    await criterion.getByRole('radio', { name: /^good/ }).check();
    await teacher.getByLabel('Overall feedback for the student (optional)').fill('A clear plan with realistic milestones.');
    expect(await seriousAxeViolations(teacher)).toEqual([]);
    await screenshot(teacher, 'story-5-teacher-grading');
    await teacher.getByRole('button', { name: 'Save grade' }).click();
    await teacher.getByText(`The grade for ${studentName} is saved.`, { exact: false }).waitFor();
    await teacher.getByText('Nothing waits to be graded.').waitFor();

    // (6) The score arrives at the LMS, and the teacher sees it as sent.
    const fullyGraded = () =>
      h.lms.scores().filter((s) => s.userId === priya.userId && s.accepted && (s.body as { gradingProgress?: string }).gradingProgress === 'FullyGraded');
    await expect.poll(() => fullyGraded().length, { timeout: 15_000, interval: 200 }).toBe(1);
    expect(fullyGraded()[0]?.body).toMatchObject({ scoreGiven: 10, scoreMaximum: 10 });
    expect((fullyGraded()[0]?.body as { comment?: string }).comment).toContain('A clear plan with realistic milestones.');
    const delivery = teacher.locator('li.delivery').filter({ hasText: studentName }).filter({ hasText: 'Score 10 of 10' });
    await delivery.getByText('Sent to the gradebook').waitFor({ timeout: 15_000 });
    await screenshot(teacher, 'story-6-teacher-delivered');

    await Promise.all(contexts.map((c) => c.close()));
  }, 60_000);
});
