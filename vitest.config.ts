import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'examples/**/*.test.ts'],
    // Suites that start servers or browsers get room; unit tests finish in milliseconds.
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
