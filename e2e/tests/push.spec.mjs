// Web Push at the device: a push delivered to the service worker through Chromium's DevTools
// protocol (as a push service would deliver it) shows a notification with the ticket's words,
// and the notification carries the ticket's link, which a tap opens (web/sw.js). Headless
// Chromium cannot tap a notification, so the tap itself is not driven here.
import { test, expect } from '@playwright/test';
import { baseURL } from '../playwright.config.mjs';
import { personAt, testMonday } from './helpers.mjs';

test('a push to the service worker shows the ticket notice with a link to the ticket', async ({ browser }) => {
  const visitor = await personAt(browser, testMonday(), { serviceWorkers: 'allow' });
  const { page, context } = visitor;
  await context.grantPermissions(['notifications'], { origin: new URL(baseURL).origin });
  await page.goto('/halls/gaoxin');
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
  await context.close();
});
