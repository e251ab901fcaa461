// The home page's first load in Chromium: bytes transferred (gzipped, as production serves them)
// and the time until the halls are on screen and the app answers clicks.
import { chromium } from 'playwright-core';
import { gzipSync } from 'node:zlib';
import { baseURL, percentile, writeResult } from './lib.mjs';

const RUNS = 5;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function load() {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const bodies = [];
  page.on('response', async (res) => {
    try { bodies.push((await res.body()).length ? gzipSync(await res.body(), { level: 9 }).length : 0); } catch { /* redirects have no body */ }
  });
  const start = Date.now();
  await page.goto(baseURL + '/');
  await page.getByTestId('hall-card').first().waitFor();
  const interactiveMs = Date.now() - start;
  await page.waitForLoadState('networkidle');
  await context.close();
  return { interactiveMs, gzipBytes: bodies.reduce((a, b) => a + b, 0) };
}

await load(); // warm the server and the disk cache, not the browser cache (each run is a new context)
const runs = [];
for (let i = 0; i < RUNS; i++) runs.push(await load());
await browser.close();
const times = runs.map((r) => r.interactiveMs).sort((a, b) => a - b);
writeResult(
  'first_load',
  {
    runs: RUNS,
    transfer_kb_gzip: Math.max(...runs.map((r) => r.gzipBytes)) / 1024,
    interactive_ms_median: percentile(times, 50),
    interactive_ms_max: times[times.length - 1],
  },
  { transfer_kb_gzip: { max: 300 }, interactive_ms_median: { max: 500 } },
);
