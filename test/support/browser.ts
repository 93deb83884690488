// Debian's headless Chromium, driven by playwright-core, for tests that look at Playroute as a person does.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

export const chromiumPath = CANDIDATES.find((candidate) => fs.existsSync(candidate));

/**
 * How long a browser test waits for what a person would see (locator waits: page.setDefaultTimeout). CI and the
 * shared development machine run the suite on two busy cores, where a page can take seconds to render; a wait
 * returns as soon as the page is right, so a generous budget costs nothing when all is well and only delays a
 * real failure. expect.poll has the same budget (vitest.config.ts, expect.poll.timeout).
 */
export const UI_WAIT_MS = 15_000;

/**
 * Browser tests need Debian's chromium (.ci/run installs it). On a machine without it they are skipped with
 * this reason — except when REQUIRE_BROWSER is set (CI sets it), where a missing browser fails the run.
 */
export const browserMissing = !chromiumPath && !process.env.REQUIRE_BROWSER;
export const BROWSER_SKIP_REASON = 'Chromium is not installed (apt-get install -y chromium); CI installs it and requires these tests.';

// The machine's network is closed: background services would only fill the log with refused connections.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchChromium(): Promise<Browser> {
  if (!chromiumPath) throw new Error(`No Chromium found (looked at ${CANDIDATES.join(', ')}). ${BROWSER_SKIP_REASON}`);
  return chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
}

/**
 * A Chromium profile that blocks third-party cookies, set the way a person does it (Settings → "Block
 * third-party cookies", stored as these two profile preferences), so the test does not depend on what a
 * given Chromium version does by default. Partitioned (CHIPS) cookies are still allowed, as in Chrome.
 */
export async function launchChromiumBlockingThirdPartyCookies(
  options: {
    /**
     * Cookie site exceptions that block every cookie (partitioned ones too) of the first pattern while the
     * second is the top-level site, e.g. 'http://localhost:*,http://127.0.0.1:*' — a browser without CHIPS.
     */
    blockCookiesOf?: string[];
  } = {},
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  if (!chromiumPath) throw new Error(`No Chromium found (looked at ${CANDIDATES.join(', ')}). ${BROWSER_SKIP_REASON}`);
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'playroute-chromium-'));
  fs.mkdirSync(path.join(profileDir, 'Default'), { recursive: true });
  const exceptions = Object.fromEntries((options.blockCookiesOf ?? []).map((pattern) => [pattern, { setting: 2 }]));
  fs.writeFileSync(
    path.join(profileDir, 'Default', 'Preferences'),
    JSON.stringify({ profile: { cookie_controls_mode: 1, block_third_party_cookies: true, content_settings: { exceptions: { cookies: exceptions } } } }),
  );
  const context = await chromium.launchPersistentContext(profileDir, { executablePath: chromiumPath, args: CHROMIUM_ARGS, headless: true, viewport: { width: 1100, height: 800 } });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

const AXE_SCRIPT = path.resolve(import.meta.dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js');

/** Serious and critical axe-core violations on the page (or the tool's frame inside an LMS page) as it is now: rule id and the elements it found. */
export async function seriousAxeViolations(page: Page | Frame): Promise<{ id: string; targets: string[] }[]> {
  // Evaluated through the DevTools protocol, not as a <script> tag: Playroute's Content-Security-Policy (nonces, no
  // 'unsafe-inline') rightly refuses an inline script tag, and the test must not weaken the page it checks.
  await page.evaluate(fs.readFileSync(AXE_SCRIPT, 'utf8'));
  return page.evaluate(async () => {
    type Violation = { id: string; impact?: string | null; nodes: { target: unknown[] }[] };
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe;
    const { violations } = await axe.run();
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}
