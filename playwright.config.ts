import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive Debian's Chromium (no browser downloads here) against the built site,
 * served by the same Node server `npm start` runs. Build first: `npm run build:test`.
 */
const port = Number(process.env.E2E_PORT ?? 4322);

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 30_000,
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    // A fresh message store seeded with the demo messages; limits loose enough for many tests from one address.
    command: 'node scripts/e2e-server.ts',
    url: `http://localhost:${port}/`,
    env: {
      PORT: String(port),
      HOST: 'localhost',
      RATE_LIMIT_PER_CLIENT: '500',
      RATE_LIMIT_NOSCRIPT_PER_CLIENT: '500',
      RATE_LIMIT_LOOKUPS: '500',
      RATE_LIMIT_READS: '100000',
      RATE_LIMIT_READS_BURST: '100000',
    },
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
