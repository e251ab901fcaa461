// Web Push at the device: a push delivered to the service worker through Chromium's DevTools
// protocol (as a push service would deliver it) shows a notification with the ticket's words,
// and opening it takes the customer's window back to the ticket. Headless Chromium cannot tap
// a notification, and a click event dispatched by script cannot wait, so the test runs the
// service worker's tap handler (self.openCase, web/sw.js) on the notification shown.
import { test, expect } from '@playwright/test';
import { baseURL } from '../playwright.config.mjs';
import { confirmPhone, personAt, testMonday } from './helpers.mjs';

test('a push to the service worker shows the ticket notice, and opening it shows the ticket', async ({ browser }) => {
  const visitor = await personAt(browser, testMonday(), { serviceWorkers: 'allow' });
  const { page, context } = visitor;
  await context.grantPermissions(['notifications'], { origin: new URL(baseURL).origin });
  await page.goto('/halls/gaoxin');
  await confirmPhone(page);
  await page.getByTestId('take-number').getByRole('button', { name: '取号' }).click();
  await expect(page.getByTestId('ticket-number')).toHaveText(/^A\d{3}$/);
  const number = (await page.getByTestId('ticket-number').textContent()).trim();
  const link = new URL(page.url()).pathname + new URL(page.url()).search;
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });

  const cdp = await context.newCDPSession(page);
  const registration = new Promise((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const ours = registrations.find((r) => r.scopeURL.startsWith(new URL(baseURL).origin) && !r.isDeleted);
      if (ours) resolve(ours.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  const payload = { title: '请到窗口办理', body: `您的号码 ${number} 已叫到，请到 3 号窗口办理。`, link, tag: `ticket:${number}` };
  await cdp.send('ServiceWorker.deliverPushMessage', {
    origin: new URL(baseURL).origin + '/',
    registrationId: await registration,
    data: JSON.stringify(payload),
  });

  await expect.poll(() => page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    return (await reg.getNotifications()).map((n) => ({ title: n.title, body: n.body, link: n.data && n.data.link }));
  }), { timeout: 10_000 }).toEqual([{ title: payload.title, body: payload.body, link }]);

  // The customer went on to another page; opening the notice brings the ticket back.
  await page.goto('/');
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  const [worker] = context.serviceWorkers();
  await worker.evaluate(async () => {
    const [shown] = await self.registration.getNotifications();
    await self.openCase(shown);
  });
  await expect.poll(() => { const u = new URL(page.url()); return u.pathname + u.search; }).toBe(link);
  await expect(page.getByTestId('ticket-number')).toHaveText(number);
  expect(await page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).length)).toBe(0);
  await context.close();
});
