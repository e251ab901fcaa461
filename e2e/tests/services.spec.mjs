// The online hall's everyday services, clicked through as a customer and as hall staff: bind an
// account, read its usage, pay a bill in the sandbox and get the receipt; file a repair order
// that staff dispatch, attend, answer and close, and rate it; a complaint nobody contacted in time
// is escalated to the hall manager.
import { test, expect } from '@playwright/test';
import { login, otherPerson, OUR_PAGES, personAt, registerFresh, openSection } from './helpers.mjs';

const PNG = { name: '现场.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c489', 'hex') };

test('a customer binds an account, reads its usage, pays in the sandbox and gets the receipt', async ({ page }) => {
  await registerFresh(page, '赵丽');
  await page.goto('/');
  await page.getByTestId('quick-links').getByRole('link', { name: /我的用电/ }).click();
  await expect(page.getByText('还没有绑定户号')).toBeVisible();

  const form = page.getByTestId('bind-form');
  await form.getByLabel('户号').fill('3301000008');
  await form.getByLabel('户主姓名').fill('赵力');
  await form.getByRole('button', { name: '绑定' }).click();
  await expect(form.getByText('户号或户主姓名与账单不符')).toBeVisible();
  await form.getByLabel('户主姓名').fill('赵丽');
  await form.getByRole('button', { name: '绑定' }).click();
  const card = page.getByTestId('account-card');
  await expect(card).toContainText('3301000008');
  const owed = await card.getByTestId('unpaid').textContent();
  expect(Number(owed)).toBeGreaterThan(0);

  await card.getByRole('link', { name: '账单与缴费' }).click();
  await expect(page.getByTestId('bill')).toHaveCount(24);
  await expect(page.getByTestId('usage-months').locator('svg g')).toHaveCount(24);
  const latest = await page.getByTestId('usage-days-total').textContent();
  const month = page.getByTestId('usage-month');
  const earliest = await month.locator('option').last().getAttribute('value');
  await month.selectOption(earliest);
  await expect(page.getByTestId('usage-days-total')).toContainText(earliest);
  expect(await page.getByTestId('usage-days-total').textContent()).not.toEqual(latest);
  await expect(page.getByTestId('usage-days').locator('svg g')).toHaveCount(await page.getByTestId('usage-days').locator('tbody tr').count());

  const first = page.getByTestId('bill').first();
  await first.getByText('电费明细').click();
  await expect(first.locator('table')).toContainText('电量电费');
  await expect(page.getByTestId('pay-total')).toHaveText(owed);
  await page.getByTestId('pay').click();

  await expect(page.getByTestId('sandbox')).toBeVisible();
  await expect(page.getByTestId('sandbox-amount')).toHaveText(owed);
  await page.getByTestId('sandbox-confirm').click();
  const receipt = page.getByTestId('receipt');
  await expect(receipt).toContainText('电子收据');
  await expect(page.getByTestId('receipt-no')).toHaveText(/^GH\d{8}-\d{6}$/);
  await expect(page.getByTestId('receipt-total')).toHaveText(`¥${owed}`);
  await expect(receipt).toContainText('3301000008');

  await receipt.getByRole('link', { name: '返回户号' }).click();
  await expect(page.getByTestId('all-paid')).toBeVisible();
  await page.goto('/services');
  await expect(page.getByTestId('unpaid')).toHaveText('0.00');
});

test('a repair order is dispatched, attended, answered and closed by staff, then rated', async ({ page, browser }) => {
  test.setTimeout(90_000);
  await registerFresh(page, '钱师傅');
  await page.goto('/work-orders');
  const form = page.getByTestId('order-form');
  await expect(page.getByTestId('promise')).toContainText('到达现场 45 分钟；恢复供电 3 小时');
  const description = `楼道灯和户内全部停电 ${Date.now()}`;
  await form.getByLabel('情况描述').fill(description);
  await form.getByLabel('地点').fill('星湖区文昌路 21 号 2 单元');
  await form.getByTestId('order-hall').selectOption('xinghu');
  await form.locator('#order-photos').setInputFiles(PNG);
  await form.getByRole('button', { name: '提交' }).click();
  await expect(page.getByTestId('order-status')).toHaveText('已提交');
  await expect(page.locator('.photos img')).toHaveCount(1);
  const url = page.url();

  const { page: staff } = await otherPerson(browser);
  await login(staff, 'staff.xinghu.1');
  await staff.getByRole('link', { name: '报修投诉' }).click();
  // The board shows this month's repair times beside the promise, per area.
  await expect(staff.getByTestId('repair-times').getByTestId('repair-row').filter({ hasText: '故障报修（城区）' }).first()).toContainText('/ 45 分钟');
  await staff.getByTestId('order-row').filter({ hasText: description }).getByRole('link').click();
  await expect(staff.getByTestId('order-due')).toHaveText(/时限内|即将超时/);
  await staff.getByTestId('order-department').selectOption('repair_crew');
  await staff.getByTestId('order-dispatch').click();
  await expect(staff.getByTestId('order-status')).toHaveText('已派单');
  await staff.getByTestId('order-arrive').click();
  await expect(staff.getByTestId('order-status')).toHaveText('已到达现场');
  await expect(staff.getByTestId('order-deadline').filter({ hasText: '到达现场' })).toContainText('按时完成');
  await expect(staff.getByTestId('order-due')).toHaveText(/时限内|即将超时/);
  await staff.getByTestId('order-text').fill('进户开关跳闸，已复位并检查线路，恢复供电');
  await staff.getByTestId('order-reply').click();
  await expect(staff.getByTestId('order-status')).toHaveText('已处理答复');
  await staff.getByTestId('order-close').click();
  await expect(staff.getByTestId('order-status')).toHaveText('已办结');

  await page.goto(url);
  await expect(page.getByTestId('order-reply')).toContainText('恢复供电');
  await page.getByLabel('★★★★', { exact: true }).check();
  await page.getByTestId('order-text').fill('来得很快');
  await page.getByTestId('order-rate').click();
  await expect(page.getByTestId('order-rating')).toContainText('★★★★ 来得很快');
  await expect(page.getByTestId('order-events').locator('li')).toHaveCount(6);
  await expect(page.getByTestId('order-actions')).toHaveCount(0);
});

test('a tariff change is accepted and approved by the hall, the account takes the new plan, and the customer rates it', async ({ page, browser }) => {
  test.setTimeout(90_000);
  await registerFresh(page, '王芳');
  await page.goto('/services');
  const form = page.getByTestId('bind-form');
  await form.getByLabel('户号').fill('3301000006');
  await form.getByLabel('户主姓名').fill('王芳');
  await form.getByRole('button', { name: '绑定' }).click();
  const card = page.getByTestId('account-card');
  const wasPeakValley = (await card.textContent()).includes('峰谷电价');
  const wanted = wasPeakValley ? '普通电价' : '峰谷电价';

  await page.getByRole('link', { name: '业务办理' }).first().click();
  const apply = page.getByTestId('application-form');
  await apply.getByTestId('application-kind').selectOption('tariff_change');
  await expect(apply.getByTestId('guide')).toContainText('户主有效身份证明');
  await apply.locator('#application-account').selectOption('3301000006');
  await apply.getByLabel(wanted).check();
  await apply.getByRole('button', { name: '提交' }).click();
  await expect(page.getByTestId('application-status')).toHaveText('已提交');
  const url = page.url();

  const { page: staff } = await otherPerson(browser);
  await login(staff, 'staff.xinghu.2');
  await staff.getByRole('link', { name: '业务办理' }).first().click();
  await staff.getByTestId('application-row').filter({ hasText: '王芳' }).first().getByRole('link').click();
  await staff.getByRole('button', { name: '受理' }).click();
  await expect(staff.getByTestId('application-status')).toHaveText('已受理，审核中');
  await staff.getByRole('button', { name: '审核通过并办结' }).click();
  await expect(staff.getByTestId('application-status')).toHaveText('已办结');

  await page.goto(url);
  await expect(page.getByTestId('application-events').locator('li')).toHaveCount(3);
  // Decided, the application asks for a rating, once.
  await page.getByRole('button', { name: '4 星' }).click();
  await page.getByLabel('意见').fill('办得很快');
  await page.getByRole('button', { name: '提交评价' }).click();
  await expect(page.getByTestId('application-rating')).toHaveText('★★★★ 办得很快');
  await expect(page.getByTestId('rating')).toHaveCount(0);
  await page.goto('/services');
  await expect(page.getByTestId('account-card')).toContainText(wanted);
});

test('a complaint nobody contacted within 24 hours is escalated to the hall manager', async ({ browser }) => {
  // Wednesday 5 March 2031, 10:00 China time; overdue from 10:00 the next day.
  const customer = await personAt(browser, '2031-03-05T02:00:00Z');
  await registerFresh(customer.page, '孙建国');
  await customer.page.goto('/work-orders');
  const form = customer.page.getByTestId('order-form');
  await form.getByTestId('order-topic').selectOption('complaint');
  await expect(customer.page.getByTestId('promise')).toContainText('联系客户 24 小时；答复结果 5 个工作日');
  await form.getByLabel('情况描述').fill('营业员态度生硬');
  await form.getByLabel('地点').fill('星湖营业厅');
  await form.getByTestId('order-hall').selectOption('xinghu');
  await form.getByRole('button', { name: '提交' }).click();
  await expect(customer.page.getByTestId('order-status')).toHaveText('已提交');
  const number = (await customer.page.getByRole('heading', { level: 1 }).textContent()).split(' ')[0];

  // The ten-minute sweep, run by the admin at 10:05 the next day.
  const admin = await personAt(browser, '2031-03-06T02:05:00Z');
  await login(admin.page, 'admin');
  await openSection(admin.page, '服务承诺');
  // The admin names the customer service head, who is told of overdue orders of that department.
  const head = admin.page.getByTestId('head-customer_service');
  await head.selectOption({ index: 1 });
  const chosen = await head.inputValue();
  await admin.page.getByTestId('department-heads').getByRole('row').filter({ has: head }).getByRole('button', { name: '保存' }).click();
  await expect(admin.page.getByText('已保存', { exact: true })).toBeVisible();
  await admin.page.reload();
  await expect(admin.page.getByTestId('head-customer_service')).toHaveValue(chosen);
  for (let i = 0; i < 50; i++) {
    const run = await (await admin.page.request.post('/api/admin/work-order-escalations', { data: {}, headers: OUR_PAGES })).json();
    if (run.escalated === 0) break;
  }

  const manager = await personAt(browser, '2031-03-06T02:10:00Z');
  await login(manager.page, 'manager.xinghu');
  await manager.page.goto('/work-orders');
  const escalation = manager.page.getByTestId('escalation').filter({ hasText: number });
  await expect(escalation).toHaveCount(1);
  await expect(escalation).toContainText('联系客户');
  await manager.page.goto('/inbox');
  await expect(manager.page.getByText(`工单 ${number}「联系客户」已超过承诺时限`)).toBeVisible();
  for (const person of [customer, admin, manager]) await person.context.close();
});
