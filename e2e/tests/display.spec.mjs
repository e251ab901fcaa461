import { test, expect } from '@playwright/test';
import { login, personAt, testMonday } from './helpers.mjs';

test('the hall TV shows a call within a second, large, and keeps it in the recent calls', async ({ browser }) => {
  const now = testMonday();
  const tv = await personAt(browser, now);
  await tv.page.setViewportSize({ width: 1920, height: 1080 });
  await tv.page.goto('/display/gaoxin');
  await expect(tv.page.getByTestId('feed-state')).toHaveText('实时');

  const kiosk = await personAt(browser, now);
  const numbers = [];
  for (let i = 0; i < 2; i++) {
    await kiosk.page.goto('/kiosk/gaoxin');
    await kiosk.page.getByTestId('kiosk-business').filter({ hasText: '发票' }).click();
    numbers.push(await kiosk.page.getByTestId('kiosk-receipt').getByTestId('ticket-number').textContent());
  }

  const staff = await personAt(browser, now);
  await login(staff.page, 'staff.gaoxin.1');
  const console_ = staff.page.getByTestId('counter-console');
  await console_.getByLabel('我的窗口').selectOption('3');
  for (const number of numbers) {
    await console_.getByTestId('waiting-ticket').filter({ hasText: number }).getByRole('button', { name: '叫此号' }).click();
    await expect(tv.page.getByTestId('now-number')).toHaveText(number, { timeout: 1000 });
    await expect(tv.page.getByTestId('now-counter')).toHaveText('请到 3号窗口');
    await console_.getByRole('button', { name: '开始办理' }).click();
    await console_.getByTestId('finish').click();
    await expect(console_.getByTestId('call-next')).toBeVisible();
  }
  await expect(tv.page.getByTestId('last-call').first()).toContainText(numbers[0]);
  const box = await tv.page.getByTestId('now-number').boundingBox();
  expect(box.height).toBeGreaterThanOrEqual(108); // ≥ 10 % of 1080
  for (const p of [tv, kiosk, staff]) await p.context.close();
});
