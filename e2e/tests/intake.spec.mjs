// A 95598 agent takes a phone complaint for a registered customer found by mobile, replies, calls
// back and records "not satisfied"; the order reopens, and the customer sees all of it in their
// account. A walk-in with no account is filed as a new contact; a consultation started from an
// order's page is filed on it.
import { test, expect } from '@playwright/test';
import { freshMobile, login, otherPerson, registerFresh } from './helpers.mjs';

test('an agent takes a phone complaint, calls back unsatisfied, and the customer sees it reopened', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const phone = await registerFresh(page, '郑秀英');

  const { page: agent, context } = await otherPerson(browser);
  await login(agent, 'staff.xinghu.1');
  await agent.goto('/work-orders');
  await agent.getByTestId('intake-link').click();
  await expect(agent.getByRole('heading', { level: 1 })).toHaveText('受理来电 / 来访');
  await agent.getByLabel('手机号、户号或姓名').fill(phone);
  await agent.getByTestId('caller-search').getByRole('button', { name: '查找' }).click();
  const found = agent.getByTestId('caller');
  await expect(found).toHaveCount(1);
  await expect(found).toContainText('郑秀英');
  await found.getByTestId('caller-pick').click();
  await expect(agent.getByTestId('intake-caller')).toContainText('郑秀英');
  const form = agent.getByTestId('intake-form');
  await expect(form.getByLabel('联系手机')).toHaveValue(phone);
  await form.getByTestId('intake-channel').selectOption('phone');
  await form.getByTestId('intake-topic').selectOption('complaint');
  const description = `来电投诉：抄表员未出示工作证 ${Date.now()}`;
  await form.getByLabel('情况描述').fill(description);
  await form.getByLabel('地点').fill('星湖区梅园新村 4 幢');
  await form.getByRole('button', { name: '登记并打开工单' }).click();

  await expect(agent.getByTestId('order-status')).toHaveText('已提交');
  await expect(agent.getByTestId('order-channel')).toHaveText('电话受理');
  await agent.getByTestId('order-dispatch').click();
  await expect(agent.getByTestId('order-status')).toHaveText('已派单');
  await agent.getByTestId('order-text').fill('已核实，责成抄表员整改并登门致歉');
  await agent.getByTestId('order-reply').click();
  await expect(agent.getByTestId('order-status')).toHaveText('已处理答复');
  await agent.getByTestId('order-text').fill('客户认为未解决，要求更换抄表员');
  await agent.getByTestId('order-callback-unsatisfied').click();
  await expect(agent.getByTestId('order-status')).toHaveText('已派单');
  await expect(agent.getByTestId('order-events')).toContainText('回访不满意：客户认为未解决，要求更换抄表员');
  await context.close();

  await page.goto('/work-orders');
  const row = page.getByTestId('order-row').filter({ hasText: description });
  await expect(row.getByTestId('order-status')).toHaveText('已派单');
  await row.getByRole('link').click();
  await expect(page.getByTestId('order-channel')).toHaveText('电话受理');
  await expect(page.getByTestId('order-events')).toContainText('回访不满意');
});

test('a clerk files a walk-in with no account as a new contact', async ({ page }) => {
  await login(page, 'staff.xinghu.2');
  await page.goto('/work-orders/intake');
  const phone = freshMobile();
  await page.getByLabel('手机号、户号或姓名').fill(phone);
  await page.getByTestId('caller-search').getByRole('button', { name: '查找' }).click();
  await expect(page.getByTestId('caller-none')).toBeVisible();
  const form = page.getByTestId('intake-form');
  await form.getByLabel('联系手机').fill(phone);
  await form.getByTestId('intake-channel').selectOption('hall');
  await form.getByTestId('intake-topic').selectOption('consultation');
  await form.getByLabel('情况描述').fill('咨询峰谷电价如何申请');
  await form.getByLabel('地点').fill('星湖营业厅');
  await form.getByLabel('联系人姓名').fill('王大爷');
  await form.getByRole('button', { name: '登记并打开工单' }).click();
  await expect(page.getByTestId('order-channel')).toHaveText('营业厅受理');
  await expect(page.getByText('王大爷')).toBeVisible();
});

test('a consultation started from a work order page is filed on that order for the hall', async ({ page, browser }) => {
  test.setTimeout(90_000);
  await registerFresh(page, '褚先生');
  await page.goto('/work-orders');
  const form = page.getByTestId('order-form');
  await form.getByTestId('order-topic').selectOption('meter_fault');
  const description = `电表不走字 ${Date.now()}`;
  await form.getByLabel('情况描述').fill(description);
  await form.getByLabel('地点').fill('星湖区文昌路 21 号');
  await form.getByTestId('order-hall').selectOption('xinghu');
  await form.getByRole('button', { name: '提交' }).click();
  await expect(page.getByTestId('order-status')).toHaveText('已提交');
  const order = page.url();

  await page.getByTestId('case-contacts').getByTestId('case-consult').click();
  await expect(page.getByTestId('consult-case')).toBeVisible();
  const subject = `换表要多久 ${Date.now()}`;
  await page.getByLabel('主题').fill(subject);
  await page.getByLabel('您的问题').fill('请问换表需要停电多久？');
  await page.getByRole('button', { name: '提交咨询' }).click();
  await expect(page.getByTestId('consult-thread')).toContainText(subject);

  const { page: staff, context } = await otherPerson(browser);
  await login(staff, 'staff.xinghu.4');
  await staff.goto(new URL(order).pathname);
  await expect(staff.getByTestId('case-contact').filter({ hasText: subject })).toContainText('在线咨询');
  await context.close();
});
