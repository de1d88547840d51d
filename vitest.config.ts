import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['crawler/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/fixtures/**', 'data/**'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // The site build and browser tests are heavy; two cores.
    maxWorkers: 2,
  },
});
