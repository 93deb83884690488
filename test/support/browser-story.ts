// A browser story on the grading harness: the simulated LMS, Playroute serving its built client, and one Chromium,
// started once for a describe block and closed after it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, UI_WAIT_MS } from './browser';
import { startGradingHarness, type GradingHarness } from './grading-seed';

export interface BrowserStory {
  /** The harness, once beforeAll has run. */
  readonly g: GradingHarness;
  /** A new page on Playroute, opened with a launch's session token as the LMS frame would. */
  open(token: string): Promise<Page>;
}

/** Registers the describe block's beforeAll/afterAll; call it directly inside `describe`. */
export function browserStory(): BrowserStory {
  let g: GradingHarness | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    g = await startGradingHarness({ serveClient: true });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await g?.close();
  });

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the browser story has not started: use it inside a test');
    return value;
  };

  return {
    get g() {
      return started(g);
    },
    async open(token) {
      const page = await started(browser).newPage({ viewport: { width: 1100, height: 900 } });
      page.setDefaultTimeout(UI_WAIT_MS);
      await page.goto(`${started(g).h.toolBase}/#session=${token}`);
      return page;
    },
  };
}
