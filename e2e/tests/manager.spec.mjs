import { test, expect } from '@playwright/test';
import { login, openSection, otherPerson } from './helpers.mjs';

test('a hall manager publishes a notice that the public sees, then withdraws it', async ({ page, browser }) => {
  await login(page, 'manager.xinghu');
  await expect(page).toHaveURL(/\/staff\/today$/);
  await openSection(page, '公告与海报');
  await page.getByRole('button', { name: '发布公告' }).click();
  const title = `大厅空调检修 ${Date.now()}`;
  const form = page.getByTestId('notice-form');
  await expect(form.getByLabel('适用营业厅')).toHaveValue('xinghu');
  await form.getByLabel('标题').fill(title);
  await form.getByLabel('内容').fill('本周三下午大厅空调检修，请注意保暖。');
  await form.getByTestId('notice-submit').click();
  const row = page.getByTestId('staff-notice').filter({ hasText: title });
  await expect(row).toContainText('已发布');

  const visitor = await otherPerson(browser);
  await visitor.page.goto('/notices');
  await expect(visitor.page.getByTestId('notice').filter({ hasText: title })).toBeVisible();
  await visitor.page.goto('/halls/xinghu');
  await expect(visitor.page.getByTestId('notice').filter({ hasText: title })).toBeVisible();

  page.once('dialog', (dialog) => dialog.accept());
  await row.getByRole('button', { name: '撤回' }).click();
  await expect(row).toContainText('已撤回');
  await visitor.page.goto('/notices');
  await expect(visitor.page.getByTestId('notice-list')).toBeVisible();
  await expect(visitor.page.getByTestId('notice').filter({ hasText: title })).toHaveCount(0);
  await visitor.context.close();
});

test('a notice scheduled for later stays hidden until it starts, and can be edited', async ({ page, browser }) => {
  await login(page, 'manager.binjiang');
  await openSection(page, '公告与海报');
  await page.getByRole('button', { name: '发布公告' }).click();
  const title = `春节营业安排 ${Date.now()}`;
  const form = page.getByTestId('notice-form');
  await form.getByLabel('标题').fill(title);
  await form.getByLabel('内容').fill('除夕至初三休息。');
  await form.getByLabel('开始时间').fill('2030-01-01T09:00');
  await form.getByTestId('notice-submit').click();
  const row = page.getByTestId('staff-notice').filter({ hasText: title });
  await expect(row).toContainText('待发布');

  const visitor = await otherPerson(browser);
  await visitor.page.goto('/notices');
  await expect(visitor.page.getByTestId('notice-list')).toBeVisible();
  await expect(visitor.page.getByTestId('notice').filter({ hasText: title })).toHaveCount(0);

  await expect(form).toBeHidden();
  await row.getByRole('button', { name: '编辑' }).click();
  await expect(form.getByLabel('标题')).toHaveValue(title);
  await form.getByLabel('开始时间').fill('2026-01-01T09:00');
  await form.getByTestId('notice-submit').click();
  await expect(row).toContainText('已发布');
  await visitor.page.reload();
  await expect(visitor.page.getByTestId('notice').filter({ hasText: title })).toBeVisible();
  await visitor.context.close();
});

test('an end before the start is refused with a reason', async ({ page }) => {
  await login(page, 'manager.gaoxin');
  await openSection(page, '公告与海报');
  await page.getByRole('button', { name: '发布公告' }).click();
  const form = page.getByTestId('notice-form');
  await form.getByLabel('标题').fill('错误的时间');
  await form.getByLabel('内容').fill('内容');
  await form.getByLabel('开始时间').fill('2030-01-02T09:00');
  await form.getByLabel('结束时间（可不填）').fill('2030-01-01T09:00');
  await form.getByTestId('notice-submit').click();
  await expect(form.getByText('结束时间需晚于开始时间')).toBeVisible();
});

test('double-clicking publish publishes the notice once', async ({ page }) => {
  await login(page, 'manager.gaoxin');
  const posts = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/staff/notices') posts.push(request);
  });
  await openSection(page, '公告与海报');
  await page.getByRole('button', { name: '发布公告' }).click();
  const title = `双击发布 ${Date.now()}`;
  const form = page.getByTestId('notice-form');
  await form.getByLabel('标题').fill(title);
  await form.getByLabel('内容').fill('只发布一次。');
  // Both clicks are handled before dblclick returns, so a second save would be on its way.
  await form.getByTestId('notice-submit').dblclick();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('staff-notice').filter({ hasText: title })).toHaveCount(1);
  expect(posts).toHaveLength(1);
});
