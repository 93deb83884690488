// The student's page inside a 600 px high LMS frame: four steps, one shown at a time, and only the document scrolls —
// no box inside it grows a second scroll bar. The steps work with the mouse and the keyboard, and a reload comes back
// to the step the student was on.
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, BROWSER_SKIP_REASON, chromiumPath, screenshot, UI_WAIT_MS } from '../support/browser';
import { startLtiHarness, type LtiHarness } from '../support/lti-harness';
import { seedPlaybook } from '../support/playbook-seed';
import { expectCurrentStep, goToStep, stepButton, type StepId } from '../support/student-steps';

// Skipped only where Chromium is missing (BROWSER_SKIP_REASON, test/support/browser.ts); CI installs it and REQUIRE_BROWSER makes its absence a failure.
describe.skipIf(browserMissing)(`the student's steps in a 600 px frame${browserMissing ? ` (skipped: ${BROWSER_SKIP_REASON})` : ''}`, () => {
  let h: LtiHarness;
  let browser: Browser;

  beforeAll(async () => {
    h = await startLtiHarness({ serveClient: true });
    // Headless Chromium hides scroll bars by default, and a hidden scroll bar takes no room; a double scroll bar
    // caused by a horizontal bar's height only shows with real ones, as a student's browser has.
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'], ignoreDefaultArgs: ['--hide-scrollbars'] });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  /**
   * A page of Playroute's own origin (allowed to frame it) holding the tool in an iframe as an LMS does. The host page
   * is served by the browser itself, so no second Playroute app runs around the frame sharing its tab's storage, and
   * the iframe appears with the page instead of being added by a script while the page may still be starting.
   */
  async function inFrame(page: Page, width: number, height: number, token: string): Promise<Frame> {
    expect(token, 'the launch gave no session token').toBeTruthy();
    const src = `${h.toolBase}/#session=${encodeURIComponent(token)}`;
    const host = `${h.toolBase}/lms-frame-host`;
    await page.route(host, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><title>LMS</title><body style="margin:0"><iframe title="Playroute" src="${src}" style="width:${width}px;height:${height}px;border:0;display:block"></iframe></body></html>`,
      }),
    );
    await page.goto(host);
    const frame = await (await page.locator('iframe').elementHandle())?.contentFrame();
    if (!frame) throw new Error('the tool frame did not load');
    return frame;
  }

  /** Elements other than the document that scroll vertically (content taller than their box); empty means one scroll bar. */
  const innerScrollers = (frame: Frame) =>
    frame.evaluate(() =>
      [...document.querySelectorAll('body, body *')]
        .filter((el) => /auto|scroll/.test(getComputedStyle(el).overflowY) && el.scrollHeight > el.clientHeight + 1)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
    );
  const documentScrolls = (frame: Frame) => frame.evaluate(() => document.documentElement.scrollHeight > document.documentElement.clientHeight);

  it('shows one step at a time in a 600 px frame, and only the document scrolls, wide or narrow', async () => {
    const { placement } = await seedPlaybook(h);
    const launch = await h.browser().launch({ user: 'u-student-priya', placement });
    const page = await browser.newPage({ viewport: { width: 900, height: 700 }, locale: 'en-GB' });
    page.setDefaultTimeout(UI_WAIT_MS);
    const frame = await inFrame(page, 800, 600, launch.sessionToken ?? '');
    await frame.getByLabel(/Language|Taal/).selectOption('en');

    const headings: Record<StepId, string> = { outcome: 'What you will learn, and how it is assessed', route: 'The playbook', work: 'Your progress', feedback: 'Feedback and grade' };
    for (const width of [800, 320]) {
      await page.locator('iframe').evaluate((el, w) => ((el as HTMLIFrameElement).style.width = `${w}px`), width);
      for (const step of ['outcome', 'route', 'work', 'feedback'] as const) {
        await goToStep(frame, step);
        await frame.getByRole('heading', { name: headings[step] }).waitFor();
        // Only this step's sections are on the page.
        for (const other of Object.keys(headings) as StepId[]) if (other !== step) await expect.poll(() => frame.getByRole('heading', { name: headings[other], exact: true }).count()).toBe(0);
        await expect.poll(() => innerScrollers(frame)).toEqual([]);
        await expect.poll(() => frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
        if (width === 800) await screenshot(page, `student-steps-800x600-${step}`);
      }
      // The route step is longer than the frame: it is the document that scrolls.
      await goToStep(frame, 'route');
      await expect.poll(() => documentScrolls(frame)).toBe(true);
      await expect.poll(() => innerScrollers(frame)).toEqual([]);
    }
    await screenshot(page, 'student-steps-320x600-route');
    await page.close();
  }, 60_000);

  it('opens on choosing a route, goes from step to step by keyboard, and comes back to the same step after a reload', async () => {
    const { placement } = await seedPlaybook(h);
    const launch = await h.browser().launch({ user: 'u-student-priya', placement });
    const page = await browser.newPage({ viewport: { width: 1000, height: 700 }, locale: 'en-GB' });
    page.setDefaultTimeout(UI_WAIT_MS);
    const frame = await inFrame(page, 800, 600, launch.sessionToken ?? '');
    await frame.getByLabel(/Language|Taal/).selectOption('en');

    // No approved route yet: the page opens on choosing one, and says so to a screen reader.
    await expectCurrentStep(frame, 'route');
    await frame.getByRole('heading', { name: 'Compose your route' }).waitFor();
    await expect.poll(() => frame.locator('[aria-current="step"]').count()).toBe(1);

    // Keyboard: the arrow keys move along the steps, Enter opens one.
    await stepButton(frame, 'route').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => frame.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Work and hand in');
    await page.keyboard.press('End');
    await expect.poll(() => frame.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Feedback');
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await expectCurrentStep(frame, 'outcome');
    await frame.getByRole('heading', { name: 'What you will learn, and how it is assessed' }).waitFor();
    // The focus goes to the step that opened, so a screen reader reads on from there.
    await expect.poll(() => frame.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toBe('Understand the outcome');

    // At the end of a step, "Next" goes on.
    await frame.getByRole('button', { name: 'Next: Choose a route' }).click();
    await expectCurrentStep(frame, 'route');
    await frame.getByRole('button', { name: 'Next: Work and hand in' }).click();
    await expectCurrentStep(frame, 'work');
    await frame.getByRole('heading', { name: 'Hand in evidence' }).waitFor();

    // A reload (the token stays in the tab) opens the same step again.
    await frame.goto(`${h.toolBase}/`);
    await frame.getByRole('heading', { name: 'Hand in evidence' }).waitFor();
    await expectCurrentStep(frame, 'work');
    await page.close();
  }, 60_000);
});
