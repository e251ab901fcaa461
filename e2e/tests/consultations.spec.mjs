// Written consultations: a customer asks, the agents' inbox marks it unread, an agent answers,
// and the customer sees the answer marked new.
import { test, expect } from '@playwright/test';
import { login, otherPerson, freshMobile } from './helpers.mjs';

test('a customer asks in writing and an agent answers from the shared inbox', async ({ browser }) => {
  const customer = await otherPerson(browser);
  await login(customer.page, '13800138003');
  await customer.page.getByRole('link', { name: '在线咨询' }).click();
  const subject = `阶梯电价 ${freshMobile()}`;
  await customer.page.getByLabel('主题').fill(subject);
  await customer.page.getByLabel('您的问题').fill('第二档从多少度开始？');
  await customer.page.getByRole('button', { name: '提交咨询' }).click();
  await expect(customer.page.getByTestId('consult-lines')).toContainText('第二档从多少度开始？');

  const agent = await otherPerson(browser);
  await login(agent.page, 'staff.gaoxin.2');
  await agent.page.goto('/staff/consultations');
  const row = agent.page.getByTestId('consult-inbox').getByTestId('consult-row').filter({ hasText: subject });
  await expect(row.getByTestId('unread')).toHaveText('1');
  await row.getByRole('button').click();
  await expect(row.getByTestId('unread')).toHaveCount(0);
  const thread = agent.page.getByTestId('consult-thread');
  await thread.getByLabel('输入文字').fill('每月 200 度以上为第二档');
  await thread.getByRole('button', { name: '发送', exact: true }).click();
  await expect(thread.getByTestId('consult-lines')).toContainText('每月 200 度以上为第二档');

  await customer.page.reload();
  const mine = customer.page.getByTestId('consult-row').filter({ hasText: subject });
  await expect(mine.getByTestId('unread')).toHaveText('1');
  await mine.getByRole('button').click();
  await expect(customer.page.getByTestId('consult-lines')).toContainText('每月 200 度以上为第二档');
  for (const p of [agent, customer]) await p.context.close();
});
