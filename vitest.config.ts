import { defineConfig } from 'vitest/config';

// One embedded store (or the MONGODB_URI given) serves the whole run; each test
// file works in a database of its own, so files run in parallel without sharing data.
export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'client/src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
