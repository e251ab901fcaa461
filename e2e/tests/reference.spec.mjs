import { test, expect } from '@playwright/test';
import { kioskTicket, login, otherPerson, personAt, testDayAfterMonday, openSection } from './helpers.mjs';

// Thursday of the test week at Gaoxin; no other test takes change-and-transfer numbers there.
const THURSDAY = 3;

test("the manager limits a business to today's numbers and customers see them gone", async ({ browser }) => {
  const now = testDayAfterMonday(THURSDAY);
  const manager = await personAt(browser, now);
  await login(manager.page, 'manager.gaoxin');
  await openSection(manager.page, '大厅设置');
  const form = manager.page.getByTestId('business-change');
  await form.getByLabel('每日上限').fill('0');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('每日上限为 1–2000，留空为不限。')).toBeVisible();
  await form.getByLabel('每日上限').fill('1');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(manager.page.getByText('业务设置已保存')).toBeVisible();

  // Someone at the kiosk takes the one number of the day.
  const kiosk = await personAt(browser, now);
  const res = await kioskTicket(kiosk.page.request, 'gaoxin', { business: 'change_transfer' });
  expect(res.status()).toBe(201);

  // A customer at home sees the line's numbers gone and cannot take one.
  const customer = await personAt(browser, now);
  await customer.page.goto('/halls/gaoxin');
  const line = customer.page.getByTestId('live-wait').filter({ hasText: '变更过户' });
  await expect(line).toContainText('今日号已取完');
  await customer.page.getByLabel('办理业务').selectOption({ label: '变更过户' });
  await expect(customer.page.getByTestId('numbers-gone')).toBeVisible();
  await expect(customer.page.getByRole('button', { name: '取号', exact: true })).toBeDisabled();

  // The manager lifts the limit again.
  await form.getByLabel('每日上限').fill('');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(customer.page.getByTestId('numbers-gone')).toHaveCount(0);
  for (const p of [manager, kiosk, customer]) await p.context.close();
});

test('the administrator adds a firm, suspends it and reinstates it', async ({ browser }) => {
  // On the real clock: qualifications run to real dates.
  const admin = await otherPerson(browser);
  await login(admin.page, 'admin');
  await openSection(admin.page, '账号与单位');
  const tag = String(Date.now()).slice(-6);
  const manager = admin.page.getByTestId('firm-manager');
  await manager.getByText('新增单位').click();
  const add = manager.getByTestId('firm-add');
  await add.getByLabel('单位名称').fill(`界面测试设计所${tag}`);
  await add.getByLabel('资质等级').fill('乙级');
  await add.getByLabel('资质证书号').fill(`UI${tag}`);
  await add.getByLabel('资质有效期至').fill('2035-12-31');
  await add.getByLabel('联系人').fill('钱工');
  await add.getByLabel('电话').fill('0571-8888 1234');
  await add.getByRole('button', { name: '保存' }).click();
  await expect(admin.page.getByText('单位已保存')).toBeVisible();

  const row = manager.getByTestId('firm-row').filter({ hasText: `界面测试设计所${tag}` });
  await expect(row.getByTestId('firm-status')).toHaveText('资质有效');
  await row.getByLabel('暂停原因').fill('资料待核实');
  await row.getByRole('button', { name: '暂停' }).click();
  await expect(row.getByTestId('firm-status')).toHaveText('已暂停');
  await expect(row).toContainText('资料待核实');
  await row.getByRole('button', { name: '恢复' }).click();
  await expect(row.getByTestId('firm-status')).toHaveText('资质有效');
  await admin.context.close();
});
