import { test, expect } from '@playwright/test';
import { kioskAt, openPairedKiosk, personAt, testDayAfterMonday } from './helpers.mjs';

test('at the kiosk a customer identifies by account and name, pays two bills, prints the receipt, and a minute later nothing of theirs is left', async ({ browser }) => {
  const now = testDayAfterMonday(10);
  const kiosk = await kioskAt(browser, now);
  const page = kiosk.page;
  await page.clock.install();
  await page.addInitScript(() => {
    window.__spoken = [];
    window.speechSynthesis.speak = (u) => window.__spoken.push({ text: u.text, lang: u.lang });
  });
  await openPairedKiosk(page, 'binjiang');
  await page.getByTestId('kiosk-bills').tap();
  // Elder mode is the kiosk's default: large type and targets.
  await expect(page.locator('html')).toHaveClass(/elder/);
  // Each step can be read aloud: what to do, and what to fill in.
  await page.getByTestId('read-aloud').tap();
  const spoken = await page.evaluate(() => window.__spoken);
  expect(spoken).toHaveLength(1);
  expect(spoken[0].lang).toBe('zh-CN');
  expect(spoken[0].text).toContain('请先核对身份');
  expect(spoken[0].text).toContain('户号（10 位数字，见电费单）');

  // The same rule as binding online: a wrong name is refused without saying which part is wrong.
  const identify = page.getByTestId('identify-account');
  await identify.getByLabel('户号（10 位数字，见电费单）').fill('3301000010');
  await identify.getByLabel('户名').fill('孙桂英');
  await identify.getByRole('button', { name: '查询' }).tap();
  await expect(identify.getByRole('alert')).toContainText('户号');
  await identify.getByLabel('户名').fill('孙桂兰');
  await identify.getByRole('button', { name: '查询' }).tap();

  await expect(page.getByTestId('kiosk-holder')).toHaveText('孙桂兰 · 3301000010');
  const bills = page.getByTestId('kiosk-bill');
  await expect(bills).toHaveCount(2);
  for (const bill of await bills.all()) await expect(bill.getByTestId('charge')).toContainText('合计');
  await expect(page.getByTestId('kiosk-usage').locator('svg')).toBeVisible();
  const pay = page.getByTestId('kiosk-pay');
  await expect(pay).toHaveText(/^缴纳所选电费 ¥[\d,]+\.\d{2}$/);
  const total = (await pay.textContent()).split('¥')[1];
  await pay.tap();

  // The sandbox stands in for the scan-to-pay terminal: a QR code of its checkout, then confirm.
  const scan = page.getByTestId('kiosk-scan-to-pay');
  await expect(scan.getByTestId('kiosk-amount')).toHaveText(total);
  await expect(scan.getByTestId('checkout-qr').locator('svg')).toBeVisible();
  await scan.getByTestId('sandbox-confirm').tap();

  const receipt = page.getByTestId('kiosk-payment-receipt');
  await expect(receipt.getByTestId('receipt-no')).toHaveText(/^GH\d{8}-\d{6}$/);
  await expect(receipt.getByTestId('receipt-bill')).toHaveCount(2);
  await expect(receipt.getByTestId('receipt-total')).toHaveText(`¥${total}`);
  const link = await receipt.getByTestId('receipt-qr').getAttribute('data-link');
  expect(link).toMatch(/\/payments\/\d+\?key=[0-9a-f]{64}$/);

  // Printed, it is the receipt and its QR code alone.
  await page.emulateMedia({ media: 'print' });
  await expect(receipt.getByTestId('receipt-no')).toBeVisible();
  await expect(receipt.getByTestId('receipt-qr').locator('svg')).toBeVisible();
  await expect(page.getByTestId('kiosk-done')).toBeHidden();
  await expect(page.getByTestId('device-date')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  // The QR code opens the same receipt on the customer's phone, without an account.
  const phone = await personAt(browser, now);
  await phone.page.goto(link);
  await expect(phone.page.getByTestId('receipt-no')).toHaveText(await receipt.getByTestId('receipt-no').textContent());

  // Walked away: a minute later the kiosk is back at its start, and nothing of theirs is kept.
  await page.clock.runFor(65_000);
  await expect(page.getByTestId('kiosk-business').first()).toBeVisible();
  await expect(page.getByText('孙桂兰')).toHaveCount(0);
  const kept = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(kept).not.toContain('3301000010');
  expect(kept).not.toContain('孙桂兰');
  for (const p of [kiosk, phone]) await p.context.close();
});
