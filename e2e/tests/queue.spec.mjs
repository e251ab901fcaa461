import { test, expect } from '@playwright/test';
import { confirmPhone, kioskTicket, login, OUR_PAGES, personAt, registerFresh, signInAtCounter, testDayAfterMonday, testMonday } from './helpers.mjs';

test('a customer checks in remotely and sees the counter within a second of the call', async ({ browser }) => {
  // A day of its own: its ticket is the hall's first invoice ticket, E001.
  const now = testDayAfterMonday(4);
  const customer = await personAt(browser, now);
  await login(customer.page, '13800138002');
  await customer.page.goto('/halls/xinghu');
  const form = customer.page.getByTestId('take-number');
  await form.getByLabel('办理业务').selectOption('invoice');
  await form.getByRole('button', { name: '取号' }).click();
  await expect(customer.page).toHaveURL(/\/halls\/xinghu\/tickets\/\d+\?key=/);
  await expect(customer.page.getByTestId('ticket-number')).toHaveText('E001');
  await expect(customer.page.getByTestId('ticket-state')).toHaveText('等候中');
  await expect(customer.page.getByTestId('feed-state')).toHaveText('实时');

  const staff = await personAt(browser, now);
  await login(staff.page, 'staff.xinghu.1');
  const console_ = await signInAtCounter(staff.page, 1);
  await expect(customer.page.getByTestId('wait')).toContainText('分钟');
  await expect(console_.getByTestId('waiting-ticket').filter({ hasText: 'E001' })).toBeVisible();
  await console_.getByTestId('call-next').click();
  await expect(console_.getByTestId('current-number')).toHaveText('E001');
  await expect(console_.getByTestId('call-reason')).toContainText('按取号顺序');

  await expect(customer.page.getByTestId('called-overlay')).toBeVisible({ timeout: 1000 });
  await expect(customer.page.getByTestId('called-counter')).toHaveText('1号窗口');

  await console_.getByRole('button', { name: '开始办理' }).click();
  await console_.getByTestId('finish').click();
  await expect(console_.getByTestId('call-next')).toBeVisible();
  await expect(customer.page.getByTestId('ticket-state')).toHaveText('已办结');
  const rating = customer.page.getByTestId('rating');
  await rating.getByRole('button', { name: '5 星' }).click();
  await rating.getByRole('button', { name: '提交评价' }).click();
  await expect(customer.page.getByText('感谢您的评价')).toBeVisible();
  await customer.context.close();
  await staff.context.close();
});

test('a kiosk-style visitor cancels their ticket and the queue forgets it', async ({ browser }) => {
  const now = testMonday();
  const visitor = await personAt(browser, now);
  await visitor.page.goto('/halls/gaoxin');
  await confirmPhone(visitor.page);
  await visitor.page.getByTestId('take-number').getByRole('button', { name: '取号' }).click();
  await expect(visitor.page.getByTestId('ticket-number')).toHaveText(/^A\d{3}$/);
  visitor.page.once('dialog', (d) => d.accept());
  await visitor.page.getByTestId('cancel-ticket').click();
  await expect(visitor.page.getByTestId('ticket-state')).toHaveText('已取消');
  await visitor.context.close();
});

test('only a counter a clerk signed in to calls, and signing in and out changes the public wait', async ({ browser }) => {
  const now = testDayAfterMonday(1);
  const customer = await personAt(browser, now);
  await customer.page.goto('/halls/binjiang');
  const payment = customer.page.getByTestId('live-wait').filter({ hasText: '缴费' });
  await expect(payment).toContainText('暂无窗口开放');
  await confirmPhone(customer.page);
  await customer.page.getByTestId('take-number').getByRole('button', { name: '取号' }).click();
  await expect(customer.page.getByTestId('no-counter-open')).toBeVisible();

  const clerk = await personAt(browser, now);
  await login(clerk.page, 'staff.binjiang.1');
  const console_ = clerk.page.getByTestId('counter-console');
  await console_.getByLabel('我的窗口').selectOption('1');
  await expect(console_.getByTestId('counter-status')).toHaveText('未签到，窗口关闭');
  await expect(console_.getByTestId('call-next')).toHaveCount(0);
  await console_.getByTestId('sign-in').click();
  await expect(console_.getByTestId('counter-status')).toHaveText('服务中 · 钱伟');
  await expect(customer.page.getByTestId('wait')).toContainText('分钟');

  // A colleague at the same counter cannot call there.
  const colleague = await personAt(browser, now);
  await login(colleague.page, 'staff.binjiang.2');
  const theirs = colleague.page.getByTestId('counter-console');
  await theirs.getByLabel('我的窗口').selectOption('1');
  await expect(theirs.getByText('此窗口已有同事签到')).toBeVisible();
  await expect(theirs.getByTestId('call-next')).toHaveCount(0);
  await expect(theirs.getByTestId('sign-in')).toHaveCount(0);

  // The clerk signs out: the counter closes and the customer's wait is unknown again.
  await console_.getByTestId('sign-out').click();
  await expect(console_.getByTestId('sign-in')).toBeVisible();
  await expect(customer.page.getByTestId('no-counter-open')).toBeVisible();
  for (const p of [customer, clerk, colleague]) await p.context.close();
});

test('a refused second number is explained in the customer\'s language, not in the server\'s English', async ({ browser }) => {
  const customer = await personAt(browser, testMonday());
  await registerFresh(customer.page, '刘秀英');
  await customer.page.goto('/halls/gaoxin');
  await customer.page.getByTestId('take-number').getByRole('button', { name: '取号' }).click();
  await expect(customer.page.getByTestId('ticket-number')).toHaveText(/^A\d{3}$/);

  await customer.page.goto('/halls/gaoxin');
  const form = customer.page.getByTestId('take-number');
  await form.getByRole('button', { name: '取号' }).click();
  await expect(form.getByRole('alert')).toHaveText('您在本厅已有一个号，请先办理或取消后再取。');

  await customer.page.getByTestId('lang-switch').click();
  await form.getByRole('button', { name: 'Take a number' }).click();
  await expect(form.getByRole('alert')).toHaveText('You already hold a number at this hall; use it or cancel it first.');
  await customer.context.close();
});

test('the queue moving while a customer types their reminder keeps the field and what they typed', async ({ browser }) => {
  // Friday at Gaoxin: queue.spec's Friday ticket is Xinghu's, so this hall's day is its own.
  const now = testDayAfterMonday(4);
  const staff = await personAt(browser, now);
  await login(staff.page, 'staff.gaoxin.2');
  const counter = (action) =>
    staff.page.request.post('/api/halls/gaoxin/counters/3/actions', { data: { action }, headers: OUR_PAGES });
  expect((await counter('sign_in')).status()).toBe(200);
  expect((await kioskTicket(staff.page.request, 'gaoxin', { business: 'invoice' })).status()).toBe(201);

  const customer = await personAt(browser, now);
  await registerFresh(customer.page, '王奶奶');
  await customer.page.goto('/halls/gaoxin');
  const form = customer.page.getByTestId('take-number');
  await form.getByLabel('办理业务').selectOption('invoice');
  await form.getByRole('button', { name: '取号' }).click();
  await expect(customer.page.getByTestId('ahead')).toHaveText('1');
  const field = customer.page.getByTestId('reminder').getByLabel('前面剩几人时提醒我');
  await field.fill('');
  await field.pressSequentially('1');

  // The clerk calls the visitor ahead: the card redraws with nobody ahead while she types.
  expect((await counter('call_next')).status()).toBe(200);
  await expect(customer.page.getByTestId('ahead')).toHaveText('0');
  await customer.page.keyboard.type('5');
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('15');
  await staff.context.close();
  await customer.context.close();
});
