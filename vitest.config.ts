import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'test/build/**/*.test.ts', 'test/store/**/*.test.ts'],
  },
});
