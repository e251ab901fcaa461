import { test, expect } from '@playwright/test';
import { login, personAt, testDayAfterMonday, testMonday, openSection } from './helpers.mjs';

test('a hall is closed on National Day and open on its make-up Saturday', async ({ browser }) => {
  // Monday 5 October 2026, 10:00 in the hall.
  const holiday = await personAt(browser, '2026-10-05T02:00:00Z');
  await holiday.page.goto('/halls/gaoxin');
  await expect(holiday.page.getByTestId('open-badge')).toHaveText('休息中');
  await expect(holiday.page.getByTestId('day-note')).toHaveText('国庆节 放假，今日不营业');
  await expect(holiday.page.getByText('下次营业 10-08 08:30')).toBeVisible();
  await expect(holiday.page.getByText('营业厅当前休息，暂不能取号')).toBeVisible();

  // Saturday 10 October, 14:00: Gaoxin, shut on Saturdays, works the make-up day.
  const makeUp = await personAt(browser, '2026-10-10T06:00:00Z');
  await makeUp.page.goto('/halls/gaoxin');
  await expect(makeUp.page.getByTestId('open-badge')).toHaveText('营业中');
  await expect(makeUp.page.getByTestId('day-note')).toHaveText('国庆节 调休上班，今日按工作日营业');
  await expect(makeUp.page.getByText('营业厅当前休息，暂不能取号')).toHaveCount(0);
  for (const p of [holiday, makeUp]) await p.context.close();
});

test('the manager opens the hall late on a Saturday and customers see it', async ({ browser }) => {
  const monday = testMonday();
  const saturday = testDayAfterMonday(5).slice(0, 10);
  const manager = await personAt(browser, monday);
  await login(manager.page, 'manager.gaoxin');
  await openSection(manager.page, '大厅设置');
  const form = manager.page.getByTestId('special-day-form');
  await form.getByLabel('日期').fill(saturday);
  await form.getByLabel('开门时间').fill('09:00');
  await form.getByLabel('关门时间').fill('08:00');
  await form.getByLabel('说明（显示给客户）').fill('周六延时服务');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByRole('alert')).toHaveText('请填写开门和关门时间，开门要早于关门。');
  await form.getByLabel('关门时间').fill('20:00');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(manager.page.getByTestId('staff-special-day')).toContainText('09:00–20:00 · 周六延时服务');

  // Saturday 19:00 in the hall: open, with the manager's note.
  const customer = await personAt(browser, `${saturday}T11:00:00Z`);
  await customer.page.goto('/halls/gaoxin');
  await expect(customer.page.getByTestId('open-badge')).toHaveText('营业中');
  await expect(customer.page.getByTestId('day-note')).toHaveText('周六延时服务');
  for (const p of [manager, customer]) await p.context.close();
});
