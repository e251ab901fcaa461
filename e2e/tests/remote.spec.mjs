import { test, expect } from '@playwright/test';
import { confirmPhone, kioskTicket, login, personAt, signInAtCounter, testDayAfterMonday } from './helpers.mjs';

// The Monday after the test week, at Binjiang: no other test takes numbers there that day.
const NEXT_MONDAY = 7;

test('an anonymous remote green-channel request waits as normal until a clerk confirms it', async ({ browser }) => {
  const now = testDayAfterMonday(NEXT_MONDAY);
  const clerk = await personAt(browser, now);
  await login(clerk.page, 'staff.binjiang.1');
  const console_ = await signInAtCounter(clerk.page, 1);
  // Someone took a payment number at the kiosk first.
  const kiosk = await personAt(browser, now);
  expect((await kioskTicket(kiosk.page.request, 'binjiang', { business: 'payment' })).status()).toBe(201);

  // At home, without an account: a phone confirmed by its code, and the green channel asked for.
  const customer = await personAt(browser, now);
  await customer.page.goto('/halls/binjiang');
  const form = customer.page.getByTestId('take-number');
  await confirmPhone(customer.page);
  await form.getByLabel('绿色通道（老年人、残疾人优先）').check();
  await expect(form.getByTestId('green-hint')).toContainText('确认前按普通号排队');
  await form.getByRole('button', { name: '取号', exact: true }).click();
  await expect(customer.page.getByTestId('ticket-number')).toHaveText(/^A\d{3}$/);
  const number = (await customer.page.getByTestId('ticket-number').textContent()).trim();
  await expect(customer.page.getByTestId('ticket-requested')).toHaveText('绿色通道 · 待确认');
  await expect(customer.page.getByTestId('ticket-priority')).toHaveCount(0);
  await expect(customer.page.getByTestId('ahead')).toContainText('1');

  // At the hall the clerk sees the request and confirms it: now it goes first.
  const row = console_.getByTestId('waiting-ticket').filter({ hasText: number });
  await expect(row.getByTestId('requested-priority')).toHaveText('绿色通道 · 待确认');
  await row.getByRole('button', { name: '确认优先' }).click();
  await expect(customer.page.getByTestId('ticket-priority')).toHaveText('绿色通道');
  await expect(customer.page.getByTestId('ticket-requested')).toHaveCount(0);
  await console_.getByTestId('call-next').click();
  await expect(console_.getByTestId('current-number')).toHaveText(number);
  for (const p of [clerk, kiosk, customer]) await p.context.close();
});

test('an unpaired kiosk shows how to pair it and issues no numbers', async ({ browser }) => {
  const visitor = await personAt(browser, testDayAfterMonday(NEXT_MONDAY));
  await visitor.page.goto('/kiosk/binjiang');
  await expect(visitor.page.getByTestId('kiosk-unpaired')).toContainText('本取号机尚未配对');
  await expect(visitor.page.getByTestId('kiosk-unpaired')).toContainText('屏幕与自助机');
  await expect(visitor.page.getByTestId('kiosk-business')).toHaveCount(0);
  await visitor.context.close();
});
