// Business expansion end to end: a customer applies, and the six parties, each logged in as
// itself in its own browser, walk the project to power-on, with uploads at every gate and a
// design returned for rework at review.
import { test, expect } from '@playwright/test';
import { login, otherPerson, projectAct } from './helpers.mjs';

async function party(browser, loginName) {
  const { page } = await otherPerson(browser);
  await login(page, loginName);
  return page;
}

const act = projectAct;

test('six parties walk a connection project from application to power-on', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await login(page, '13800138003');
  await page.getByRole('link', { name: '业扩报装' }).click();
  // Firms are chosen openly: the directory shows each one's qualification and record.
  await expect(page.getByTestId('firm-directory')).toContainText('江城电力设计院');
  await expect(page.getByTestId('firm-directory')).toContainText('2026-06-30');
  await page.getByTestId('apply-open').click();
  await page.getByLabel('项目名称').fill('创新路厂房新装');
  await page.getByLabel('用电地址').fill('江城市高新区创新路 18 号 7 幢');
  await page.getByLabel('所属营业厅').selectOption('gaoxin');
  await page.getByLabel('申请容量（kVA）').fill('400');
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page).toHaveURL(/\/projects\/\d+$/);
  const url = new URL(page.url()).pathname;
  // Its public reference (YK2026-0057): the inbox is read for this project's messages, as other
  // tests move 13800138003's other projects at the same time.
  const number = new RegExp(`YK\\d{4}-0*${url.split('/').pop()}(?!\\d)`);
  await expect(page.getByTestId('project-stage')).toHaveText('申请受理');
  await expect(page.getByTestId('energize-on')).toBeVisible();

  const utility = await party(browser, 'staff.gaoxin.1');
  const design = await party(browser, 'design.jcdl');
  const construction = await party(browser, 'build.xinghu');
  const test_ = await party(browser, 'test.jcsy');
  const supervision = await party(browser, 'supervise.zhengheng');

  // The new application is on the utility's board and waits for it.
  await utility.goto('/projects');
  await utility.getByTestId('project-search').fill('创新路厂房新装');
  await utility.getByTestId('project-search').press('Enter');
  await expect(utility.getByTestId('project-row').filter({ hasText: number })).toContainText('待您办理');

  await act(utility, url, 'accept', '现场勘查');
  await act(utility, url, 'survey', '供电方案答复');
  await act(utility, url, 'issue_plan', '选择设计单位');
  await act(page, url, 'choose_design_firm', '工程设计', null, { design: '1' });

  // The design firm sees the project only now, and accepts it.
  await design.goto('/inbox');
  await expect(design.getByTestId('inbox-item').filter({ hasText: number }).filter({ hasText: '贵单位被选中' })).toHaveCount(1);
  await act(design, url, 'accept_assignment');
  await act(design, url, 'submit_design', '设计审查');
  await act(utility, url, 'return_design', '工程设计', '计量方式与供电方案不一致，请修改');
  await design.goto(url);
  await expect(design.getByTestId('audit')).toContainText('计量方式与供电方案不一致');
  await act(design, url, 'submit_design', '设计审查');
  await act(utility, url, 'pass_design', '选择施工、试验、监理单位');

  await act(page, url, 'choose_firms', '工程施工', null, { construction: '3', test: '5', supervision: '6' });
  await act(construction, url, 'accept_assignment');
  await act(test_, url, 'accept_assignment');
  await act(supervision, url, 'accept_assignment');
  await act(construction, url, 'report_progress', '工程施工');
  await act(construction, url, 'request_mid_inspection', '监理确认');
  await act(supervision, url, 'confirm_for_inspection', '中间检查');
  await act(utility, url, 'pass_mid_inspection', '竣工前施工');
  await act(construction, url, 'complete_construction', '电气试验');
  await act(test_, url, 'submit_test_report', '竣工检验');
  await act(utility, url, 'pass_acceptance', '签订供用电合同');
  await act(page, url, 'sign_contract', '装表');
  await act(utility, url, 'install_meter', '接电');
  await act(utility, url, 'energize', '已送电');

  // The customer sees power on, every document and every step with who and when.
  await page.goto(url);
  await expect(page.getByTestId('project-stage')).toHaveText('已送电');
  await expect(page.getByText('目前没有需要您办理的事项')).toBeVisible();
  await expect(page.getByTestId('audit')).toContainText('设计退回修改 (设计审查 → 工程设计)');
  await expect(page.getByTestId('audit')).toContainText('送电 (接电 → 已送电)');
  await expect(page.getByTestId('documents').locator('tr')).toHaveCount(17);
  await page.goto('/inbox');
  await expect(page.getByTestId('inbox-item').filter({ hasText: number }).first()).toContainText('当前进度：已送电');
});

test('firms see only their projects and the board filters overdue ones first', async ({ page, browser }) => {
  await login(page, 'manager.gaoxin');
  await page.goto('/projects');
  const first = page.getByTestId('project-row').first();
  await expect(first).toContainText('已超期');
  await page.getByTestId('filter-overdue').check();
  await expect(page.getByTestId('project-row').first()).toContainText('已超期');
  await expect(page.getByTestId('on-time')).toBeVisible();
  // The rates and the CSV cover a chosen period: a year with no projects has none.
  await page.getByTestId('report-from').fill('2020-01-01');
  await page.getByTestId('report-to').fill('2020-12-31');
  await page.getByTestId('report-show').click();
  await expect(page.getByText('这段时间没有办结或在办的环节。')).toBeVisible();
  await expect(page.getByTestId('durations-csv')).toHaveAttribute('href', /from=2020-01-01&to=2020-12-31/);
  await page.getByTestId('report-from').fill('2021-01-01');
  await page.getByTestId('report-show').click();
  await expect(page.getByText('开始日期不能晚于结束日期。')).toBeVisible();

  const other = await party(browser, 'design.hengyuan');
  await other.goto('/projects');
  await expect(other.getByRole('heading', { name: '委托项目' })).toBeVisible();
  const rows = other.getByTestId('project-row');
  const count = await rows.count();
  for (let i = 0; i < count; i++) await expect(rows.nth(i)).not.toContainText('充电桩（申请受理）');
});
