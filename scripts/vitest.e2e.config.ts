import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// End-to-end tests drive Debian Chromium with the built extension; one browser at a time
// (2-core machine), long timeouts because a cold Chromium start takes seconds.
const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  test: {
    root,
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    // Expected wordings computed in the test process (pillView, statusLine…) come out in English, as in unit tests.
    setupFiles: ['scripts/vitest.setup.ts'],
  },
});
