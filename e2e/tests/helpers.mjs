import { expect } from '@playwright/test';
import { baseURL } from '../playwright.config.mjs';

export const DEMO_PASSWORD = 'Gridhall2026';

/** A mobile number nobody has registered in this run. */
export function freshMobile() {
  const n = (Date.now() * 7 + Math.floor(Math.random() * 1e6)) % 1e8;
  return '159' + String(n).padStart(8, '0');
}

/** Logs in through the login page, as a person would. */
export async function login(page, loginName, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('手机号或工号').fill(loginName);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('account-link')).toBeVisible();
}

/** A second, separate browser context (another person on another device). */
export async function otherPerson(browser) {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  return { context, page: await context.newPage() };
}
