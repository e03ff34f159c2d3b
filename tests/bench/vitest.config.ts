import { defineConfig } from 'vitest/config';

/** Benchmarks run as ordinary vitest files so they can import the TypeScript sources directly. */
export default defineConfig({
  test: {
    include: ['tests/bench/**/*.bench.test.ts'],
    environment: 'node',
    testTimeout: 300_000,
    fileParallelism: false,
  },
});
