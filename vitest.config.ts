import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Guards against a hang, not measures of speed: a machine many times slower (or with its
    // cores busy) still passes, and a hang still ends well inside CI's 90 minutes.
    testTimeout: 600_000,
    hookTimeout: 900_000,
    pool: 'forks',
    globalSetup: ['test/support/build-dist.ts'],
  },
});
