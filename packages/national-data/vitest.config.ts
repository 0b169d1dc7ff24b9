import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    env: { APOLLO_TELEMETRY_DISABLED: '1' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
