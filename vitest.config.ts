import { defineConfig } from 'vitest/config';

// One embedded store (or the MONGODB_URI given) serves the whole run; each test
// file works in a database of its own, so files run in parallel without sharing data.
export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'client/src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Polls wait as long as the browser tests' locator waits (UI_WAIT_MS in test/support/browser.ts): on two busy
    // cores vitest's default second is too short for a page to catch up, and a poll ends as soon as it holds.
    expect: { poll: { timeout: 15_000 } },
    pool: 'forks',
  },
});
