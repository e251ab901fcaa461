// First load as a phone meets it. For each entry page (home, a ticket, /services signed in, the
// hall TV, the staff console):
// - the gzipped bytes of everything the page itself downloads (HTML, JS, wasm, CSS, icons; not
//   the API's JSON), and the time until its real content is on screen, cold (a new browser
//   profile) and warm (a second visit that the service worker serves);
// - on an emulated phone (Chromium's slow-4G figures, 150 ms round trip and 1.6 Mbps down, and
//   4x CPU slowdown, set through the DevTools protocol), the time until the first hall card (home)
//   or the ticket's number (ticket page) is on screen;
// - Lighthouse 12 (npm) in its default mobile emulation: performance score, LCP and TBT of the
//   home and the ticket page (median of three runs).
import { chromium } from 'playwright-core';
import { gzipSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { baseURL, freshMonday, kioskToken, login, percentile, writeResult } from './lib.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const RUNS = 3;
const now = freshMonday();

// A ticket to open: taken at the hall's kiosk at a time the hall is open (the test clock).
const checkIn = await fetch(`${baseURL}/api/halls/xinghu/tickets`, {
  method: 'POST',
  headers: { 'x-test-now': now, 'content-type': 'application/json', 'x-device-token': await kioskToken('xinghu') },
  body: JSON.stringify({ business: 'payment', channel: 'kiosk' }),
});
if (checkIn.status !== 201) throw new Error(`check-in: ${checkIn.status} ${await checkIn.text()}`);
const ticket = await checkIn.json();
const ticketPath = `/halls/xinghu/tickets/${ticket.id}?key=${ticket.key}`;

const customerCookie = await login('13800138001');
const staffCookie = await login('staff.xinghu.1');

const PAGES = [
  { name: 'home', path: '/', ready: '[data-testid="hall-card"]' },
  { name: 'ticket', path: ticketPath, ready: '[data-testid="ticket-number"]' },
  { name: 'services', path: '/services', ready: '[data-testid="account-card"]', cookie: customerCookie },
  { name: 'display', path: '/display/xinghu', ready: '[data-testid="display-unpaired"]' },
  // The kiosk is the same app as the TV: paired, on its start screen.
  { name: 'kiosk', path: `/kiosk/xinghu?token=${await kioskToken('xinghu')}`, ready: '[data-testid="kiosk-business"]' },
  { name: 'staff', path: '/staff', ready: '[data-testid="console-user"]', cookie: staffCookie },
];

const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });

async function newContext(cookie) {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', extraHTTPHeaders: { 'x-test-now': now } });
  if (cookie) {
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name, value, url: baseURL }]);
  }
  return context;
}

/** Loads `page` in `context`; bytes the page took from the network (not from its service worker). */
async function visit(context, spec) {
  const page = await context.newPage();
  const sizes = [];
  page.on('response', async (res) => {
    const path = new URL(res.url()).pathname;
    if (path.startsWith('/api/') || path.startsWith('/ws/') || res.fromServiceWorker()) return;
    try {
      const body = await res.body();
      sizes.push(body.length ? gzipSync(body, { level: 9 }).length : 0);
    } catch { /* a redirect has no body */ }
  });
  const start = Date.now();
  await page.goto(baseURL + spec.path);
  await page.locator(spec.ready).first().waitFor({ timeout: 60_000 });
  const ms = Date.now() - start;
  await page.waitForLoadState('networkidle');
  return { page, ms, kb: sizes.reduce((a, b) => a + b, 0) / 1024 };
}

/** Cold (new profile) and warm (the service worker installed, a second visit) loads of a page. */
async function coldAndWarm(spec) {
  const cold = [], warm = [], kb = [], warmKb = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await newContext(spec.cookie);
    const first = await visit(context, spec);
    cold.push(first.ms);
    kb.push(first.kb);
    await first.page.evaluate(async () => { await navigator.serviceWorker.ready; });
    await first.page.close();
    const second = await visit(context, spec);
    if (!(await second.page.evaluate(() => !!navigator.serviceWorker.controller))) throw new Error(`${spec.name}: no service worker on the second visit`);
    warm.push(second.ms);
    warmKb.push(second.kb);
    await context.close();
  }
  const median = (xs) => percentile([...xs].sort((a, b) => a - b), 50);
  return { coldMs: median(cold), warmMs: median(warm), kb: Math.max(...kb), warmKb: Math.max(...warmKb) };
}

/** Cold load on an emulated phone: slow 4G and 4x CPU slowdown through the DevTools protocol. */
async function onPhone(spec) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await newContext(spec.cookie);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const start = Date.now();
    await page.goto(baseURL + spec.path);
    await page.locator(spec.ready).first().waitFor({ timeout: 60_000 });
    times.push(Date.now() - start);
    await context.close();
  }
  return percentile(times.sort((a, b) => a - b), 50);
}

/** Lighthouse's mobile emulation (its defaults), median of three runs by performance score. */
async function lighthouseMobile(path) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', ...FLAGS] });
    try {
      const result = await lighthouse(baseURL + path, {
        port: chrome.port, onlyCategories: ['performance'], output: 'json', logLevel: 'error',
        extraHeaders: { 'x-test-now': now },
      });
      const lhr = result.lhr;
      runs.push({
        score: Math.round(lhr.categories.performance.score * 100),
        lcp: lhr.audits['largest-contentful-paint'].numericValue,
        tbt: lhr.audits['total-blocking-time'].numericValue,
        fcp: lhr.audits['first-contentful-paint'].numericValue,
      });
    } finally {
      await chrome.kill();
    }
  }
  runs.sort((a, b) => a.score - b.score);
  return runs[Math.floor(runs.length / 2)];
}

const figures = {};
for (const spec of PAGES) {
  const r = await coldAndWarm(spec);
  Object.assign(figures, {
    [`${spec.name}_kb_gzip`]: r.kb,
    [`${spec.name}_cold_ms`]: r.coldMs,
    [`${spec.name}_warm_ms`]: r.warmMs,
    [`${spec.name}_warm_network_kb`]: r.warmKb,
  });
}
for (const spec of PAGES.slice(0, 2)) figures[`${spec.name}_phone_content_ms`] = await onPhone(spec);
await browser.close();
for (const spec of PAGES.slice(0, 2)) {
  const lh = await lighthouseMobile(spec.path);
  Object.assign(figures, {
    [`${spec.name}_lighthouse_performance`]: lh.score,
    [`${spec.name}_lighthouse_lcp_ms`]: lh.lcp,
    [`${spec.name}_lighthouse_tbt_ms`]: lh.tbt,
    [`${spec.name}_lighthouse_fcp_ms`]: lh.fcp,
  });
}

const targets = {
  home_kb_gzip: { max: 250 },
  ticket_kb_gzip: { max: 250 },
  services_kb_gzip: { max: 400 },
  display_kb_gzip: { max: 500 },
  kiosk_kb_gzip: { max: 500 },
  home_phone_content_ms: { max: 2500 },
  ticket_phone_content_ms: { max: 2500 },
  home_lighthouse_performance: { min: 90 },
  ticket_lighthouse_performance: { min: 90 },
  home_lighthouse_lcp_ms: { max: 2500 },
  ticket_lighthouse_lcp_ms: { max: 2500 },
};
for (const spec of PAGES) targets[`${spec.name}_warm_ms`] = { max: 300 };
writeResult('first_load', figures, targets);
