import { defineConfig } from 'vitest/config';

// Unit tests cover the pure modules in src/lib and the CLIs in scripts/;
// end-to-end specs in e2e/ run under Playwright instead.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
