// Browser tests only (npm run test:e2e); the default `vitest run` excludes tests/e2e.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    // Per test file, worst case under 3 minutes: start 45 s + scenario 100 s (each phase of
    // multi-user.e2e.ts has its own 100 s; the whole run takes about 30 s) + teardown 20 s.
    testTimeout: 100_000,
    hookTimeout: 45_000,
    teardownTimeout: 20_000,
  },
});
