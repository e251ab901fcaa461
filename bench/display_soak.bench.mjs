// A day of calls into one hall TV: 10,000 calls through the real API into a paired display
// page in Chromium, then the page's memory against what it used after a warm-up. Clerks at
// three counters check a customer in, call, start and finish, as fast as the server goes; the
// TV shows and announces every call (speech is spied on and ends at once, as a real voice would
// after a second or two; the announcer drops calls it cannot keep up with).
import { chromium } from 'playwright-core';
import { baseURL, freshMonday, login, signIn, writeResult } from './lib.mjs';

const CALLS = Number(process.env.SOAK_CALLS ?? 10_000);
const WARM_UP = 200;
const HALL = 'xinghu';
const COUNTERS = [1, 2, 6]; // the three that serve payment
const now = freshMonday();
const MB = 1024 * 1024;

const manager = await login(`manager.${HALL}`);
const paired = await fetch(`${baseURL}/api/halls/${HALL}/displays`, {
  method: 'POST', headers: { cookie: manager, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'soak' }),
});
if (paired.status !== 201) throw new Error(`pairing: ${paired.status} ${await paired.text()}`);
const { token } = await paired.json();

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1920, height: 1080 }, extraHTTPHeaders: { 'x-test-now': now } });
const page = await context.newPage();
await page.addInitScript(() => {
  window.__said = 0;
  window.speechSynthesis.speak = (u) => { window.__said++; setTimeout(() => u.onend && u.onend(new Event('end')), 5); };
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
});
// SOAK_PAGE=/halls/xinghu soaks another live page the same way (to tell where memory goes).
const soakPage = process.env.SOAK_PAGE;
await page.goto(soakPage ? baseURL + soakPage : `${baseURL}/display/${HALL}?token=${token}`);
if (!soakPage) await page.locator('[data-testid="display-feed"][data-online="true"]').waitFor({ state: 'attached' });
else await page.waitForTimeout(2000);
const cdp = await context.newCDPSession(page);

/** JS heap after a full collection, and the app's WebAssembly memory. */
async function memory() {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? 0);
  return { js: usedSize, wasm };
}

// One clerk per counter, each signed in at theirs.
const clerks = {};
for (const [i, counter] of COUNTERS.entries()) {
  clerks[counter] = await login(`staff.${HALL}.${i + 1}`);
  await signIn(HALL, counter, clerks[counter], now);
}
const headers = { 'x-test-now': now, 'content-type': 'application/json' };
// The TV's token pairs the hall's kiosk too: the soak's numbers are taken there.
const post = (path, body, cookie) => fetch(`${baseURL}/api/halls/${HALL}${path}`, { method: 'POST', headers: cookie ? { ...headers, cookie } : { ...headers, 'x-device-token': token }, body: JSON.stringify(body) });
let calls = 0;
let lastNumber = null;

/** One clerk: check a customer in, call the next one, serve them; until `target` calls. */
async function clerk(counter, target) {
  while (calls < target) {
    const checkIn = await post('/tickets', { business: 'payment', channel: 'kiosk' });
    if (checkIn.status !== 201) throw new Error(`check-in: ${checkIn.status} ${await checkIn.text()}`);
    const call = await post(`/counters/${counter}/actions`, { action: 'call_next' }, clerks[counter]);
    if (!call.ok) continue; // another clerk took the customer first
    const { ticket } = await call.json();
    calls++;
    lastNumber = `${ticket.number.prefix}${String(ticket.number.seq).padStart(3, '0')}`;
    await post(`/counters/${counter}/actions`, { action: 'start', ticket: ticket.id }, clerks[counter]);
    await post(`/counters/${counter}/actions`, { action: 'finish', ticket: ticket.id }, clerks[counter]);
  }
}

async function callUntil(target) {
  await Promise.all(COUNTERS.map((c) => clerk(c, target)));
  // The TV has caught up when the last call is on it.
  if (!soakPage) await page.locator('[data-testid="now-number"]').filter({ hasText: lastNumber }).first().waitFor({ timeout: 10_000 }).catch(() => {});
  await page.waitForTimeout(1500);
}

await callUntil(WARM_UP);
const before = await memory();
const started = Date.now();
await callUntil(CALLS);
const seconds = (Date.now() - started) / 1000;
const after = await memory();
const shown = soakPage ? lastNumber : await page.locator('[data-testid="now-number"]').textContent();
const announced = await page.evaluate(() => window.__said);
await browser.close();

writeResult(
  'display_soak',
  {
    calls,
    seconds,
    calls_per_s: (calls - WARM_UP) / seconds,
    js_heap_before_mb: before.js / MB,
    js_heap_after_mb: after.js / MB,
    js_heap_growth_mb: (after.js - before.js) / MB,
    wasm_memory_growth_mb: (after.wasm - before.wasm) / MB,
    utterances: announced,
    last_call_shown: shown === lastNumber ? 1 : 0,
  },
  { js_heap_growth_mb: { max: 10 }, wasm_memory_growth_mb: { max: 10 }, last_call_shown: { min: 1 } },
);
process.exit(process.exitCode ?? 0);
