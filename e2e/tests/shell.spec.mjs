import { test, expect } from '@playwright/test';
import { login, openSection } from './helpers.mjs';

test('English switch translates the page and is remembered', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '营业厅', exact: true })).toBeVisible();
  await page.getByTestId('lang-switch').click();
  await expect(page.getByRole('heading', { name: 'Business halls' })).toBeVisible();
  await expect(page.getByTestId('hall-card').first()).toContainText('Xinghu Hall');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Business halls' })).toBeVisible();
});

test('the quick links and the brand draw their icons without needing an emoji font', async ({ page }) => {
  await page.goto('/');
  const links = page.getByTestId('quick-links').getByRole('link');
  await expect(links).toHaveCount(7);
  for (const link of await links.all()) {
    await expect(link.locator('svg.icon')).toBeVisible();
    const box = await link.locator('svg.icon').boundingBox();
    expect(box.width).toBeGreaterThan(12);
    // No pictographs: a machine without an emoji font draws them as empty boxes.
    expect(await link.textContent()).not.toMatch(/[\u{2300}-\u{23FF}\u{2600}-\u{27BF}\u{1F000}-\u{1FFFF}]/u);
  }
  await expect(page.locator('.brand svg.icon')).toBeVisible();
});

test('elder mode enlarges the page and is remembered', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('hall-card')).toHaveCount(3);
  const before = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  await page.getByTestId('elder-toggle').click();
  await expect(page.locator('html')).toHaveClass(/elder/);
  const after = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  expect(after).toBeGreaterThan(before);
  const target = await page.getByTestId('elder-toggle').boundingBox();
  expect(target.height).toBeGreaterThanOrEqual(56);
  await expect(page.getByTestId('elder-toggle')).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/elder/);
  // Elder mode simplifies, but never hides what someone needs to act: addresses and buttons stay.
  await expect(page.getByTestId('hall-card').first()).toContainText('湖滨路');
  await page.screenshot({ path: new URL('../screenshots/home-elder.png', import.meta.url).pathname, fullPage: true });
});

test('someone can log in with the keyboard alone', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('手机号或工号').focus();
  await page.keyboard.type('13800138002');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Gridhall2026');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('account-link')).toHaveText('陈秀英');
});

test('pages that need a login send visitors to log in and back', async ({ page }) => {
  await page.goto('/account');
  await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);
  await page.getByLabel('手机号或工号').fill('13800138003');
  await page.getByLabel('密码', { exact: true }).fill('Gridhall2026');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId('account-name')).toHaveText('黄志强');
});

test('a customer cannot use the staff console', async ({ page }) => {
  await login(page, '13800138001');
  await page.goto('/staff');
  await expect(page.getByText('您的账号无权使用此功能')).toBeVisible();
  await expect(page.getByTestId('notice-form')).toHaveCount(0);
});

test('an unknown address shows a page-not-found with a way home', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  await page.getByRole('link', { name: '返回首页' }).click();
  await expect(page.getByTestId('hall-card')).toHaveCount(3);
});

test('an unknown hall says it was not found', async ({ page }) => {
  await page.goto('/halls/atlantis');
  await expect(page.getByRole('alert').first()).toContainText('内容不存在');
});

test('the display and kiosk pages name their hall', async ({ page }) => {
  await page.goto('/display/binjiang');
  await expect(page.getByRole('heading', { name: '滨江营业厅' })).toBeVisible();
  await expect(page.getByText('叫号大屏')).toBeVisible();
  await expect(page.getByTestId('display-unpaired')).toContainText('此屏幕尚未配对'); // no token, no queue
  await expect(page.getByTestId('device-date')).toHaveText(/^\d{4}-\d{2}-\d{2} 周[一二三四五六日]$/);
  await page.goto('/kiosk/gaoxin');
  await expect(page.getByRole('heading', { name: '高新营业厅' })).toBeVisible();
  await expect(page.getByText('自助取号机')).toBeVisible();
});

test('an admin creates a hall staff account in the console', async ({ page }) => {
  await login(page, 'admin');
  await expect(page).toHaveURL(/\/staff\/operations$/);
  await openSection(page, '账号与单位');
  await page.getByRole('button', { name: '新建账号' }).click();
  const form = page.getByTestId('user-form');
  const loginName = `e2e.staff.${Date.now() % 1e8}`;
  await form.getByLabel('登录名').fill(loginName);
  await form.getByLabel('姓名').fill('新窗口');
  await form.getByLabel('密码').fill('Counter2026');
  await form.getByLabel('身份').selectOption('hall_staff');
  await form.getByLabel('营业厅').selectOption('gaoxin');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('账号已创建')).toBeVisible();
  await expect(page.getByRole('cell', { name: loginName })).toBeVisible();
  // The list is the staff and the firms; a customer is found by the start of their mobile.
  const users = page.getByTestId('user-table');
  await expect(users.getByRole('cell', { name: '13800138001' })).toHaveCount(0);
  await page.getByLabel('查找账号').fill('1380013800');
  await page.getByLabel('查找账号').press('Enter');
  await expect(users.getByRole('cell', { name: '13800138001', exact: true })).toBeVisible();
  await expect(users.getByRole('cell', { name: loginName })).toHaveCount(0);
});
