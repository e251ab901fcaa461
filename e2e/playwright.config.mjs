// End-to-end tests in Debian's Chromium against the server scripts/with-server.sh starts.
import { defineConfig } from '@playwright/test';

export const baseURL = process.env.GRIDHALL_URL ?? 'http://127.0.0.1:8787';

export default defineConfig({
  testDir: './tests',
  // A person's path crosses apps (log in on the online hall, work in the staff workspace), and
  // each new browser profile compiles each app's WebAssembly once.
  timeout: 60_000,
  // Many steps open another app (a new page whose WebAssembly compiles on first load).
  expect: { timeout: 10_000 },
  fullyParallel: true,
  // On CI a test that met the local dev server mid-restart runs once more (see scripts/with-server.sh).
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: [['list']],
  outputDir: '../test-results',
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // The service worker has its own tests (apps.spec.mjs); elsewhere every context would
    // precache the public apps again, which only loads the 2-core machine.
    serviceWorkers: 'block',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--disable-quic',
      ],
    },
  },
});
