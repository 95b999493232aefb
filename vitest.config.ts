import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure logic in node, fast) and `browser` (the built app in headless
 * Debian Chromium driven by playwright-core; its global setup builds the demo city and the app).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // Unit files first, then the browser files alone: browser timings are not shared with solver tests.
          sequence: { groupOrder: 0 },
          environment: 'node',
          // Two files at a time even on two cores (vitest's default is cores - 1 = one): many unit files
          // spend their time waiting on brokers, PGlite, PostgreSQL and NATS starting, which overlaps.
          maxWorkers: 2,
          include: ['src/**/*.test.ts', 'workers/**/*.test.ts', 'test/unit/**/*.test.ts'],
          globalSetup: ['test/unit/globalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'browser',
          sequence: { groupOrder: 1 },
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/globalSetup.ts'],
          testTimeout: 180_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
