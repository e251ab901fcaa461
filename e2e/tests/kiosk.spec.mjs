import { test, expect } from '@playwright/test';
import { login, openPairedKiosk, personAt, signInAtCounter, staffCounter, testMonday } from './helpers.mjs';

test('a key account takes a number at the kiosk, follows it by QR code, and rates the service there', async ({ browser }) => {
  const now = testMonday();
  await staffCounter(browser, now, 'binjiang', 'staff.binjiang.1', 1);
  const kiosk = await personAt(browser, now);
  await openPairedKiosk(kiosk.page, 'binjiang');
  await expect(kiosk.page.getByRole('heading', { name: '滨江营业厅' })).toBeVisible();
  await expect(kiosk.page.getByTestId('hall-qr')).toHaveAttribute('data-link', /\/halls\/binjiang#take-number$/);
  await expect(kiosk.page.getByTestId('hall-qr').locator('svg')).toBeVisible();

  await kiosk.page.getByLabel('手机号（选填，大客户自动识别）').fill('13900139000');
  await kiosk.page.getByTestId('kiosk-business').filter({ hasText: '发票' }).click();
  const receipt = kiosk.page.getByTestId('kiosk-receipt');
  await expect(receipt.getByTestId('ticket-number')).toHaveText(/^E\d{3}$/);
  const number = await receipt.getByTestId('ticket-number').textContent();
  await expect(receipt.getByTestId('wait')).toContainText('分钟');
  const link = await receipt.getByTestId('ticket-qr').getAttribute('data-link');
  expect(link).toMatch(/\/halls\/binjiang\/tickets\/\d+\?key=/);

  // Printed, the ticket is the receipt alone: number, business, people ahead, wait, time, QR code.
  await kiosk.page.emulateMedia({ media: 'print' });
  for (const id of ['ticket-number', 'ahead', 'wait', 'issued-at']) await expect(receipt.getByTestId(id)).toBeVisible();
  await expect(receipt).toContainText('发票');
  await expect(receipt.getByTestId('ticket-qr').locator('svg')).toBeVisible();
  await expect(kiosk.page.getByTestId('device-date')).toBeHidden();
  await kiosk.page.emulateMedia({ media: 'screen' });

  // The same ticket on the customer's phone, from the QR code: recognised as a key account.
  const phone = await personAt(browser, now);
  await phone.page.goto(link);
  await expect(phone.page.getByTestId('ticket-number')).toHaveText(number);
  await expect(phone.page.getByTestId('ticket-priority')).toHaveText('大客户');

  await receipt.getByRole('button', { name: '完成' }).click();
  await expect(kiosk.page.getByTestId('kiosk-business').first()).toBeVisible();

  const staff = await personAt(browser, now);
  await login(staff.page, 'staff.binjiang.1');
  const console_ = await signInAtCounter(staff.page, 1);
  await console_.getByTestId('waiting-ticket').filter({ hasText: number }).getByRole('button', { name: '叫此号' }).click();
  await expect(console_.getByTestId('current-number')).toHaveText(number);
  await expect(phone.page.getByTestId('called-overlay')).toBeVisible();
  await console_.getByRole('button', { name: '开始办理' }).click();
  await console_.getByTestId('finish').click();
  await expect(console_.getByTestId('call-next')).toBeVisible();

  await kiosk.page.getByRole('button', { name: '评价服务' }).click();
  await kiosk.page.getByLabel('您的号码，如 A012').fill('E999');
  await kiosk.page.getByRole('button', { name: '查找' }).click();
  await expect(kiosk.page.getByText('本机今天没有取过这个号')).toBeVisible();
  await kiosk.page.getByLabel('您的号码，如 A012').fill(number.toLowerCase());
  await kiosk.page.getByRole('button', { name: '查找' }).click();
  const rating = kiosk.page.getByTestId('rating');
  await rating.getByRole('button', { name: '2 星' }).click();
  await rating.getByLabel('意见建议（可不填）').fill(`${number} 等太久了`);
  await rating.getByRole('button', { name: '提交评价' }).click();
  await expect(kiosk.page.getByText('感谢您的评价')).toBeVisible();
  await expect(kiosk.page.getByTestId('kiosk-business').first()).toBeVisible();

  // A rating of two stars opens a follow-up for the hall's manager.
  const manager = await personAt(browser, now);
  await login(manager.page, 'manager.binjiang');
  // Events reach D1 within about a second; the list is read when the page opens.
  await expect(async () => {
    await manager.page.goto('/staff/today');
    await expect(manager.page.getByTestId('follow-up').filter({ hasText: number }).filter({ hasText: '等太久了' })).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 15000 });
  for (const p of [kiosk, phone, staff, manager]) await p.context.close();
});

test('an idle kiosk goes back to a clean start screen after a minute', async ({ browser }) => {
  const kiosk = await personAt(browser, testMonday());
  await kiosk.page.clock.install();
  await openPairedKiosk(kiosk.page, 'gaoxin');
  await kiosk.page.getByTestId('kiosk-business').filter({ hasText: '缴费' }).click();
  const receipt = kiosk.page.getByTestId('kiosk-receipt');
  await expect(receipt.getByTestId('ticket-number')).toHaveText(/^A\d{3}$/);
  await expect(receipt.getByTestId('issued-at')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await kiosk.page.clock.runFor(30_000);
  await expect(receipt).toBeVisible();
  await kiosk.page.clock.runFor(35_000);
  await expect(receipt).toHaveCount(0);

  // A visitor switches to English and walks away: the next one finds it clean and in Chinese.
  await kiosk.page.getByTestId('lang-switch').click();
  await expect(kiosk.page.getByText('Self-service kiosk')).toBeVisible();
  await expect(kiosk.page.getByRole('navigation')).toHaveCount(0); // no site menu on a kiosk
  const phone = kiosk.page.getByLabel('Mobile number (optional; key accounts are recognised)');
  await phone.fill('13800138000');
  await kiosk.page.clock.runFor(65_000);
  await expect(kiosk.page.getByText('自助取号机')).toBeVisible();
  await expect(kiosk.page.getByLabel('手机号（选填，大客户自动识别）')).toHaveValue('');
  await kiosk.context.close();
});
