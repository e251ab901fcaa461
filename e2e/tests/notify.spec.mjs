// Notifications away from the page: a customer asks on the ticket page for an SMS when 2 are
// ahead and when called, closes the page, and the gateway (scripts/sms-sink.mjs) receives each
// message once as a clerk serves the queue.
import { test, expect, request } from '@playwright/test';
import { baseURL } from '../playwright.config.mjs';
import { confirmPhone, freshMobile, kioskTicket, login, OUR_PAGES, personAt, registerFresh, signInAtCounter, smsTo, staffCounter, testDayAfterMonday, testMonday } from './helpers.mjs';


test('a customer who left the ticket page gets an SMS at two ahead and one at the call', async ({ browser }) => {
  // A day of its own: the display test calls at Gaoxin's counter 3 on Monday.
  const now = testDayAfterMonday(2);
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { 'x-test-now': now, ...OUR_PAGES } });
  for (let i = 0; i < 3; i++) {
    const res = await kioskTicket(api, 'gaoxin', { business: 'invoice' });
    expect(res.status()).toBe(201);
  }

  const customer = await personAt(browser, now);
  await customer.page.goto('/halls/gaoxin');
  const form = customer.page.getByTestId('take-number');
  await form.getByLabel('办理业务').selectOption('invoice');
  const phone = await confirmPhone(customer.page);
  await form.getByRole('button', { name: '取号' }).click();
  await expect(customer.page).toHaveURL(/\/halls\/gaoxin\/tickets\/\d+\?key=/);
  // The page's shell shows the number's place before the app fills it in: wait for the number.
  await expect(customer.page.getByTestId('ticket-number')).toHaveText(/^E\d{3}$/);
  const number = (await customer.page.getByTestId('ticket-number').textContent()).trim();
  const reminder = customer.page.getByTestId('reminder');
  await reminder.getByLabel('前面剩几人时提醒我').fill('2');
  await expect(reminder.getByLabel('叫到我的号时通知我')).toBeChecked();
  await reminder.getByLabel('短信通知的手机号（选填）').fill(phone);
  await reminder.getByRole('button', { name: '设置提醒' }).click();
  await expect(reminder.getByTestId('reminder-set')).toBeVisible();
  // The customer goes for a coffee: no page of ours is open.
  await customer.context.close();

  const staff = await personAt(browser, now);
  await login(staff.page, 'staff.gaoxin.1');
  const console_ = await signInAtCounter(staff.page, 3);
  for (;;) {
    await console_.getByTestId('call-next').click();
    const current = console_.getByTestId('current-number');
    await expect(current).toHaveText(/^[A-Z]\d{3}$/);
    if ((await current.textContent()).trim() === number) break;
    await console_.getByRole('button', { name: '开始办理' }).click();
    await console_.getByTestId('finish').click();
    await expect(console_.getByTestId('call-next')).toBeVisible();
  }

  // The code that confirmed the phone, then the two reminders.
  await expect.poll(() => smsTo(phone), { timeout: 10_000 }).toHaveLength(3);
  const bodies = await smsTo(phone);
  expect(bodies.filter((b) => b.includes('还有 2 位'))).toEqual([
    `【江城供电】您的号码 ${number} 前面还有 2 位，请返回营业厅。`,
  ]);
  expect(bodies.filter((b) => b.includes('请到 3 号窗口'))).toEqual([
    `【江城供电】您的号码 ${number} 已叫到，请到 3 号窗口办理。`,
  ]);
  await staff.context.close();
  await api.dispose();
});

test('a signed-in customer sees a ticket notice in the header count and opens the ticket from the inbox', async ({ browser }) => {
  const now = testMonday();
  const customer = await personAt(browser, now);
  const page = customer.page;
  await registerFresh(page, '李大爷');

  await staffCounter(browser, now, 'xinghu', 'staff.xinghu.2', 6);
  await page.goto('/halls/xinghu');
  const form = page.getByTestId('take-number');
  await form.getByLabel('办理业务').selectOption('invoice');
  await form.getByRole('button', { name: '取号' }).click();
  await expect(page).toHaveURL(/\/halls\/xinghu\/tickets\/\d+\?key=/);
  const ticketUrl = new URL(page.url());
  await expect(page.getByTestId('ticket-number')).toHaveText(/^E\d{3}$/);
  const number = (await page.getByTestId('ticket-number').textContent()).trim();
  const reminder = page.getByTestId('reminder');
  await reminder.getByLabel('前面剩几人时提醒我').fill('20');
  await reminder.getByRole('button', { name: '设置提醒' }).click();
  await expect(reminder.getByTestId('reminder-set')).toBeVisible();

  // The notice reaches the inbox from the hall's queue a moment later; then any page's header
  // counts it.
  await expect.poll(async () => (await (await page.request.get('/api/inbox/unread')).json()).unread, { timeout: 10_000 }).toBe(1);
  await page.goto('/notices');
  await expect(page.getByTestId('unread-count')).toHaveText(/^1/);
  await page.getByTestId('inbox-link').click();
  const item = page.getByTestId('inbox-item').filter({ hasText: number });
  await expect(item).toHaveClass(/unread/);
  await item.getByRole('button').click();
  await expect(page).toHaveURL(ticketUrl.pathname + ticketUrl.search);
  await expect(page.getByTestId('ticket-number')).toHaveText(number);
  await page.goto('/inbox');
  await expect(page.getByTestId('inbox-item').filter({ hasText: number })).not.toHaveClass(/unread/);
  await expect(page.getByTestId('unread-count')).toHaveCount(0);
  await customer.context.close();
});

test('a customer chooses on the account page how each kind of message reaches them', async ({ page }) => {
  await registerFresh(page, '周阿姨');
  await page.goto('/account');
  const settings = page.getByTestId('notify-settings');
  const outages = settings.getByTestId('notify-outages');
  await expect(outages.getByLabel('短信')).toBeChecked();
  await outages.getByLabel('短信').uncheck();
  await settings.getByTestId('notify-bills').getByLabel('邮件').check();
  await settings.getByLabel('电子邮箱（可不填）').fill('zhou at example');
  await settings.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('请输入正确的电子邮箱')).toBeVisible();

  await settings.getByLabel('电子邮箱（可不填）').fill('zhou.ayi@example.cn');
  await settings.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('通知设置已保存')).toBeVisible();
  await page.reload();
  await expect(outages.getByLabel('短信')).not.toBeChecked();
  await expect(settings.getByTestId('notify-bills').getByLabel('邮件')).toBeChecked();
  await expect(settings.getByLabel('电子邮箱（可不填）')).toHaveValue('zhou.ayi@example.cn');
});
