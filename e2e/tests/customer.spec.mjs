import { test, expect } from '@playwright/test';
import { freshMobile, login } from './helpers.mjs';

const PASSWORD = 'Sunshine2026';

test('a new customer registers, logs in again and sees the three halls', async ({ page }) => {
  const phone = freshMobile();
  await page.goto('/register');
  await page.getByLabel('手机号').fill(phone);
  await page.getByLabel('姓名').fill('王阿姨');
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByLabel('确认密码').fill(PASSWORD);
  await page.getByRole('button', { name: '注册' }).click();
  // Registering lands on the front door, another app: wait for that page, not the old one.
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('account-link')).toHaveText('王阿姨');

  await page.getByTestId('account-link').click();
  await expect(page.getByTestId('account-name')).toHaveText('王阿姨');
  await page.getByTestId('logout').click();
  await expect(page.getByRole('link', { name: '登录' })).toBeVisible();
  // Signed out on a page that needs a login, the app moves to the login page: let it finish,
  // or the next navigation is interrupted by it.
  await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);

  await login(page, phone, PASSWORD);
  await expect(page).toHaveURL(/\/$/);
  const halls = page.getByTestId('hall-card');
  await expect(halls).toHaveCount(3);
  for (const name of ['星湖营业厅', '滨江营业厅', '高新营业厅']) {
    await expect(halls.filter({ hasText: name })).toBeVisible();
  }
  await expect(halls.first().getByTestId('open-badge')).toHaveText(/营业中|休息中/);
});

test('registration explains what is wrong with each field', async ({ page }) => {
  await page.goto('/register');
  await page.getByLabel('手机号').fill('12345');
  await page.getByLabel('姓名').fill('李大爷');
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByLabel('确认密码').fill(PASSWORD);
  await page.getByRole('button', { name: '注册' }).click();
  await expect(page.getByText('请输入 11 位手机号码')).toBeVisible();
  await expect(page.getByLabel('手机号')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('手机号').fill(freshMobile());
  await page.getByLabel('确认密码').fill('Different2026');
  await page.getByRole('button', { name: '注册' }).click();
  await expect(page.getByText('两次输入的密码不一致')).toBeVisible();
});

test('a wrong password says so and keeps the person signed out', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('手机号或工号').fill('13800138001');
  await page.getByLabel('密码', { exact: true }).fill('NotMyPassword1');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('账号或密码错误')).toBeVisible();
  await expect(page.getByRole('link', { name: '登录' })).toBeVisible();
});

test('a hall page shows the week, the counters and their business', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: '星湖营业厅' }).click();
  await expect(page).toHaveURL(/\/halls\/xinghu$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('星湖营业厅');
  await expect(page.getByTestId('counter')).toHaveCount(6);
  await expect(page.getByTestId('counter').first()).toContainText('缴费');
  await expect(page.getByRole('row', { name: /周日/ })).toContainText('休息');
});
