// The site is several apps, by audience and by the page a phone opens first (domain/src/apps.rs):
// each page downloads only its own app, links between apps are ordinary navigations, and the
// service worker keeps them.
import { test, expect } from '@playwright/test';
import { confirmPhone, personAt, testMonday } from './helpers.mjs';

test.use({ serviceWorkers: 'allow' });

/** The app whose scripts the page loaded, e.g. "customer" for /apps/customer/…. */
async function appsLoaded(page) {
  return page.evaluate(() => [...new Set(performance.getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname.match(/^\/apps\/([a-z]+)\//)?.[1])
    .filter(Boolean))]);
}

test('moving from the online hall to the staff workspace and back keeps the session, language and elder mode', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('hall-card')).toHaveCount(3);
  expect(await appsLoaded(page)).toEqual(['home']);
  await page.getByTestId('lang-switch').click();
  await page.getByTestId('elder-toggle').click();
  await page.getByRole('link', { name: 'Log in' }).click();
  await page.getByLabel('Mobile number or staff login').fill('manager.xinghu');
  await page.getByLabel('Password', { exact: true }).fill('Gridhall2026');
  await page.getByRole('button', { name: 'Log in' }).click();

  // The staff workspace is another app: a new document that loaded only its own scripts.
  // A manager lands on today's hall, the first section of their day.
  await expect(page).toHaveURL(/\/staff\/today$/);
  await expect(page.getByRole('heading', { name: "Today's hall" })).toBeVisible();
  expect(await appsLoaded(page)).toEqual(['staff']);
  await expect(page.locator('html')).toHaveClass(/elder/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('account-link')).toBeVisible();

  await page.getByRole('link', { name: 'Operations' }).click();
  await expect(page).toHaveURL(/\/staff\/operations$/);
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { name: 'Business halls' })).toBeVisible();
  expect(await appsLoaded(page)).toEqual(['home']);
  await expect(page.locator('html')).toHaveClass(/elder/);
  await expect(page.getByTestId('account-link')).toBeVisible();
});

test('an unknown path in each app gets that app\'s own page-not-found', async ({ page }) => {
  for (const [path, app, home] of [
    ['/no/such/page', 'home', '/'],
    ['/halls/xinghu/no-such-page', 'customer', '/'],
    ['/halls/xinghu/tickets/1/no-such-page', 'ticket', '/'],
    ['/services/1/no-such-page', 'account', '/'],
    ['/applications/1/no-such-page', 'service', '/'],
    ['/projects/1/no-such-page', 'projects', '/'],
    ['/staff/no-such-page', 'staff', '/staff'],
    ['/kiosk/xinghu/no-such-page', 'kiosk', '/'],
    ['/video/room/no-such-page', 'video', '/'],
  ]) {
    const response = await page.goto(path);
    expect(response.status()).toBe(200);
    await expect(page.getByTestId('not-found')).toHaveAttribute('data-app', app);
    await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
    await expect(page.getByTestId('not-found').getByRole('link')).toHaveAttribute('href', home);
    expect(await appsLoaded(page)).toEqual([app]);
  }
  // A missing file is a plain 404, never an app's page in place of a script.
  const missing = await page.request.get('/apps/home/no-such-file.wasm');
  expect(missing.status()).toBe(404);
  // The dashboard's old address still works: it leads to the new one (which asks to log in).
  await page.goto('/operations');
  await expect(page).toHaveURL(/\/login\?next=%2Fstaff%2Foperations$/);
});

test('the shell paints the header and a loading line before the app, and the app replaces it', async ({ page }) => {
  const html = await (await page.request.get('/halls/xinghu')).text();
  expect(html).toContain('id="shell"');
  expect(html).toContain('正在加载');
  expect(html).toContain('网上营业厅');
  await page.goto('/');
  await expect(page.getByTestId('hall-card')).toHaveCount(3);
  await expect(page.locator('#shell')).toHaveCount(0);
  await expect(page.locator('header.top-bar')).toHaveCount(1);
});

test('a ticket link shows its number before the app arrives', async ({ browser }) => {
  const visitor = await personAt(browser, testMonday());
  const { page } = visitor;
  await page.goto('/halls/gaoxin');
  await confirmPhone(page);
  await page.getByTestId('take-number').getByRole('button', { name: '取号' }).click();
  await expect(page.getByTestId('ticket-number')).toHaveText(/^A\d{3}$/);
  const number = await page.getByTestId('ticket-number').textContent();
  // Hold the ticket app's WebAssembly back: what shows is the shell alone, with the number.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/apps/ticket/*.wasm', async (route) => { await held; await route.continue(); });
  await page.reload();
  await expect(page.locator('#shell').getByTestId('ticket-number')).toHaveText(number);
  await expect(page.locator('#shell').getByRole('status')).toContainText('正在加载');
  release();
  await expect(page.getByTestId('ticket-state')).toHaveText('等候中');
  await expect(page.locator('#shell')).toHaveCount(0);
  await expect(page.getByTestId('ticket-number')).toHaveText(number);
});

test('the site installs: a manifest with a Chinese name and PNG icons, maskable among them', async ({ page }) => {
  const manifest = await (await page.request.get('/manifest.webmanifest')).json();
  expect(manifest.name).toContain('网上营业厅');
  expect(manifest.lang).toBe('zh-CN');
  const pngs = manifest.icons.filter((i) => i.type === 'image/png');
  expect(pngs.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  expect(pngs.some((i) => i.purpose === 'maskable')).toBe(true);
  for (const icon of pngs) {
    const res = await page.request.get(icon.src);
    expect(res.status()).toBe(200);
    expect((await res.body()).subarray(1, 4).toString()).toBe('PNG');
  }
});

test('a second visit is served by the service worker: offline, the ticket page shows its last known state', async ({ browser }) => {
  const visitor = await personAt(browser, testMonday(), { serviceWorkers: 'allow' });
  const { page, context } = visitor;
  await page.goto('/halls/gaoxin');
  await confirmPhone(page);
  await page.getByTestId('take-number').getByRole('button', { name: '取号' }).click();
  await expect(page.getByTestId('ticket-number')).toHaveText(/^A\d{3}$/);
  const number = await page.getByTestId('ticket-number').textContent();
  const ticketUrl = page.url();
  // The service worker has installed (the online hall precached) and controls the page.
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await expect(page.getByTestId('ticket-number')).toHaveText(number);
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  await context.setOffline(true);
  await page.goto(ticketUrl);
  await expect(page.getByTestId('ticket-number')).toHaveText(number);
  await expect(page.getByTestId('offline-badge')).toContainText('离线');
  await expect(page.getByTestId('ticket-state')).toHaveText('等候中');

  await context.setOffline(false);
  await page.reload();
  await expect(page.getByTestId('ticket-number')).toHaveText(number);
  await expect(page.getByTestId('offline-badge')).toHaveCount(0);
  await context.close();
});
