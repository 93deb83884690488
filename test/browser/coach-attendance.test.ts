// A study coach in a real browser marks who attended a session their student signed up for, and reads the student's route history.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysAfter } from '../../server/domain/test-factories';
import { createPlaybookRepository } from '../../server/features/playbooks/data/playbook-repository';
import { browserMissing, BROWSER_SKIP_REASON, launchChromium, screenshot, seriousAxeViolations, UI_WAIT_MS } from '../support/browser';
import { DEPLOYMENT_ID, startLtiHarness, type LtiHarness } from '../support/lti-harness';
import { SMALL_SESSION, WORKSHOP, seedPlaybook } from '../support/playbook-seed';

interface SessionsAnswer {
  sessions: { sessionId: string; attendees: { studentId: string; attended: boolean | null }[] }[];
}

const daan = 'u-student-daan';

// Skipped only where Chromium is missing (BROWSER_SKIP_REASON, test/support/browser.ts); CI installs it and REQUIRE_BROWSER makes its absence a failure.
describe.skipIf(browserMissing)(`a coach marks attendance in the browser${browserMissing ? ` (skipped: ${BROWSER_SKIP_REASON})` : ''}`, () => {
  let h: LtiHarness;
  let browser: Browser;

  beforeAll(async () => {
    [h, browser] = await Promise.all([startLtiHarness({ serveClient: true }), launchChromium()]);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function launch(user: string, placement: string): Promise<string> {
    const outcome = await h.browser().launch({ user, placement, locale: 'en-GB' });
    if (!outcome.sessionToken) throw new Error(`launch of ${user} ended with ${outcome.status}`);
    return outcome.sessionToken;
  }

  it('marks a signed-up student present once the session has started, and opens the route history', async () => {
    const seeded = await seedPlaybook(h);
    const student = await launch(daan, seeded.placement);
    expect((await h.api(student, '/api/route')).status).toBe(200);
    expect((await h.api(student, `/api/route/sessions/${WORKSHOP}/${SMALL_SESSION}`, { method: 'POST' })).status).toBe(201);
    // The session took place: its start moves to yesterday, as time would have moved it.
    const repository = createPlaybookRepository(h.database.connection);
    const stored = await repository.getByPlacement({ platformId: h.platform.id, deploymentId: DEPLOYMENT_ID, contextId: h.lms.course.id, resourceLinkId: seeded.placement });
    if (!stored) throw new Error('the seeded playbook is gone');
    const activities = stored.playbook.activities.map((a) =>
      a.id === WORKSHOP && a.schedule.kind === 'synchronous'
        ? { ...a, schedule: { kind: 'synchronous' as const, sessions: a.schedule.sessions.map((s) => (s.id === SMALL_SESSION ? { ...s, startsAt: daysAfter(new Date(), -1) } : s)) } }
        : a,
    );
    await repository.save({ playbook: { ...stored.playbook, activities }, outcomes: stored.outcomes }, stored.revision);

    const coach = await launch(h.lms.member('coach').userId, seeded.placement);
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, locale: 'en-GB' });
    page.setDefaultTimeout(UI_WAIT_MS);
    await page.goto(`${h.toolBase}/#session=${encodeURIComponent(coach)}`);
    await page.getByRole('heading', { name: 'Attendance at sessions' }).waitFor();
    const session = page.getByRole('group', { name: /Planning workshop .* Room 1\.23/ });
    const daanMark = session.getByRole('group', { name: 'Daan Jansen' });
    await daanMark.getByText('(not marked yet)').waitFor();
    await daanMark.getByRole('radio', { name: 'Present' }).check();
    await expect.poll(async () => {
      const answer = (await (await h.api(coach, '/api/coach/sessions')).json()) as SessionsAnswer;
      return answer.sessions.find((s) => s.sessionId === SMALL_SESSION)?.attendees.find((a) => a.studentId === daan)?.attended;
    }).toBe(true);
    await daanMark.getByText('(not marked yet)').waitFor({ state: 'detached' });
    await expect.poll(() => daanMark.getByRole('radio', { name: 'Present' }).isChecked()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'coach-attendance');

    await page.getByRole('button', { name: 'Open route: Daan Jansen' }).click();
    await page.getByRole('heading', { name: 'Route of Daan Jansen' }).waitFor();
    await page.getByRole('button', { name: 'Show the route history' }).click();
    const history = page.getByRole('region', { name: 'Route history' });
    await history.getByText(/Daan Jansen · Started the route with: .*Planning workshop/).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  }, 120_000);
});
