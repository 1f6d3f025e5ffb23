// Browser tests against the real server that `cargo xtask test` starts (GISHE_BASE_URL),
// in Debian's Chromium: no browser is downloaded.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.js/,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  outputDir: './results',
  reporter: [['list'], ['json']],
  use: {
    baseURL: process.env.GISHE_BASE_URL ?? 'http://127.0.0.1:8080',
    locale: 'bg-BG',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
