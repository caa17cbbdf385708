import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser and Discord end-to-end suites start servers; keep files in separate workers.
    pool: 'forks',
  },
});
