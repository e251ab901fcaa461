// Live accuracy: a ticket keeps the wait it was shown, and once it is served the manager's
// dashboard measures the estimate against the wait that followed.
import { test, expect } from '@playwright/test';
import { kioskTicket, login, personAt, signInAtCounter, testDayAfterMonday } from './helpers.mjs';

// Sunday of the test week at Binjiang (open every day): no other test touches it.
const SUNDAY = 6;

test('the dashboard shows live accuracy after a served ticket', async ({ browser }) => {
  const now = testDayAfterMonday(SUNDAY);
  const day = now.slice(0, 10);
  const clerk = await personAt(browser, now);
  await login(clerk.page, 'staff.binjiang.1');
  const console_ = await signInAtCounter(clerk.page, 1);

  const kiosk = await personAt(browser, now);
  const res = await kioskTicket(kiosk.page.request, 'binjiang', { business: 'payment' });
  expect(res.status()).toBe(201);
  expect((await res.json()).wait).not.toBeNull();

  await console_.getByTestId('call-next').click();
  await console_.getByRole('button', { name: '开始办理' }).click();
  await console_.getByTestId('finish').click();
  await expect(console_.getByTestId('call-next')).toBeVisible();

  const manager = await personAt(browser, now);
  await login(manager.page, 'manager.binjiang');
  await manager.page.goto('/operations');
  await manager.page.getByTestId('ops-from').fill(day);
  await manager.page.getByTestId('ops-to').fill(day);
  await manager.page.getByTestId('ops-show').click();
  const accuracy = manager.page.getByTestId('ops-accuracy');
  // The served ticket reaches D1 within about a second; ask again until it has.
  // The overall row first: all hours, all types, one measured ticket.
  const overall = accuracy.locator('tbody tr').first();
  await expect(async () => {
    await manager.page.getByTestId('ops-show').click();
    await expect(overall.locator('th')).toHaveText('全天', { timeout: 1000 });
    await expect(overall.locator('td').nth(1)).toHaveText('1', { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(accuracy.getByRole('columnheader', { name: '落在范围内' })).toBeVisible();
  await expect(accuracy.getByRole('row', { name: /缴费/ })).toBeVisible();
  for (const p of [clerk, kiosk, manager]) await p.context.close();
});
