import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Fixed zone: dates in tests never depend on the machine.
    env: { TZ: 'UTC' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // The run's temporary folders in one, removed at its end (tests/temp-dir.ts).
          globalSetup: ['tests/temp-dir.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/temp-dir.ts', 'tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
