import { test, expect } from '@playwright/test';
import { kioskTicket, login, personAt, signInAtCounter, testDayAfterMonday } from './helpers.mjs';

// Saturday of the test week, Binjiang (open every day): no other test touches it.
const SATURDAY = 5;

test('the manager moves a counter to payment and its next call is a payment ticket', async ({ browser }) => {
  const now = testDayAfterMonday(SATURDAY);
  const kiosk = await personAt(browser, now);
  const res = await kioskTicket(kiosk.page.request, 'binjiang', { business: 'payment' });
  expect(res.status()).toBe(201);
  const payment = await res.json();
  const number = `${payment.number.prefix}${String(payment.number.seq).padStart(3, '0')}`;

  // Counter 4 handles new connections only: its clerk has nobody to call.
  const clerk = await personAt(browser, now);
  await login(clerk.page, 'staff.binjiang.4');
  const console_ = await signInAtCounter(clerk.page, 4);
  await expect(console_.getByTestId('counter-serves')).toHaveText('本窗口办理: 业扩报装');
  await expect(console_.getByText('暂无等候')).toBeVisible();

  // The manager ticks payment for counter 4 and unticks new connections.
  const manager = await personAt(browser, now);
  await login(manager.page, 'manager.binjiang');
  const row = manager.page.getByTestId('hall-counter-4');
  await expect(row).toContainText('服务中');
  await row.getByLabel('业扩报装').uncheck();
  await row.getByRole('button', { name: '保存窗口业务' }).click();
  await expect(manager.page.getByText('请至少为窗口选择一项业务。')).toBeVisible();
  await row.getByLabel('缴费').check();
  await row.getByRole('button', { name: '保存窗口业务' }).click();
  await expect(manager.page.getByText('窗口已更新')).toBeVisible();

  // The clerk's screen follows at once, and the next call is the payment ticket.
  await expect(console_.getByTestId('counter-serves')).toHaveText('本窗口办理: 缴费');
  await console_.getByTestId('call-next').click();
  await expect(console_.getByTestId('current-number')).toHaveText(number);
  for (const p of [kiosk, clerk, manager]) await p.context.close();
});

// A day of its own (the Tuesday after the test week) at Binjiang: no other test calls there.
test('a clerk calls, starts and finishes a ticket with the keyboard alone', async ({ browser }) => {
  const now = testDayAfterMonday(8);
  const clerk = await personAt(browser, now);
  await login(clerk.page, 'staff.binjiang.2');
  const console_ = await signInAtCounter(clerk.page, 1);
  const kiosk = await personAt(browser, now);
  const res = await kioskTicket(kiosk.page.request, 'binjiang', { business: 'payment' });
  expect(res.status()).toBe(201);
  const { number } = await res.json();

  const callNext = console_.getByTestId('call-next');
  await expect(callNext).toHaveAttribute('aria-keyshortcuts', 'N');
  await expect(callNext.locator('kbd')).toHaveText('N');
  // In a field, a letter is typing.
  await console_.getByPlaceholder('暂停原因').press('n');
  await expect(console_.getByPlaceholder('暂停原因')).toHaveValue('n');
  await console_.getByPlaceholder('暂停原因').fill('');
  // Out of the field (a click on the page's text), a letter is the step.
  await console_.getByTestId('counter-status').click();
  await clerk.page.keyboard.press('n');
  await expect(console_.getByTestId('current-number')).toHaveText(`${number.prefix}${String(number.seq).padStart(3, '0')}`);
  await clerk.page.keyboard.press('s');
  await expect(console_.getByTestId('finish')).toBeVisible();
  await clerk.page.keyboard.press('f');
  await expect(callNext).toBeVisible();
  await clerk.context.close();
  await kiosk.context.close();
});

// A day of its own (the Wednesday after the test week) at Binjiang.
test('the counter fits one 1366×768 screen with a busy queue: in hand, the actions, counts and the next few', async ({ browser }) => {
  const now = testDayAfterMonday(9);
  const clerk = await personAt(browser, now);
  await clerk.page.setViewportSize({ width: 1366, height: 768 });
  await login(clerk.page, 'staff.binjiang.3');
  const console_ = await signInAtCounter(clerk.page, 1);
  const kiosk = await personAt(browser, now);
  for (let i = 0; i < 10; i++) {
    const res = await kioskTicket(kiosk.page.request, 'binjiang', { business: 'payment' });
    expect(res.status()).toBe(201);
  }
  await expect(console_.getByTestId('waiting-counts')).toContainText('缴费 10');
  await console_.getByTestId('call-next').click();
  await expect(console_.getByTestId('current-number')).toBeVisible();
  await expect(console_.getByTestId('call-reason')).toBeVisible();
  await expect(console_.getByTestId('waiting-counts')).toContainText('缴费 9');
  // The next six, and the rest on request.
  await expect(console_.getByTestId('waiting-ticket')).toHaveCount(6);
  await expect(console_.getByTestId('waiting-all')).toHaveText('显示全部等候 (3)');
  for (const name of ['开始办理', '重呼', '过号']) await expect(console_.getByRole('button', { name, exact: true })).toBeInViewport();
  const scroll = await clerk.page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
  expect(scroll).toBeLessThanOrEqual(0);
  await clerk.page.screenshot({ path: new URL('../screenshots/counter-1366x768.png', import.meta.url).pathname });

  await console_.getByTestId('waiting-all').click();
  await expect(console_.getByTestId('waiting-ticket')).toHaveCount(9);
  await clerk.context.close();
  await kiosk.context.close();
});
