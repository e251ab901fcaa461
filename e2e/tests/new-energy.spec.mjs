// Rooftop PV end to end: a customer applies from the page of their account, the utility and
// the installer (a construction firm) walk it to connected with uploads at every gate, and the
// customer sees the whole-process days used against the limit and, on the account, what the
// roof fed into the grid beside each month's use.
import { test, expect } from '@playwright/test';
import { login, otherPerson, projectAct as act } from './helpers.mjs';

async function party(browser, loginName) {
  const { page } = await otherPerson(browser);
  await login(page, loginName);
  return page;
}

test('a customer applies for rooftop PV from their account and follows it to connected', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await login(page, '13800138003');
  await page.goto('/services/3302000004');
  const pv = page.getByTestId('apply-pv');
  await pv.getByText('申请屋顶光伏并网').click();
  // The guide comes from the process: what to bring, the steps, the limit.
  await expect(pv).toContainText('屋顶产权证明');
  await expect(pv).toContainText('并网验收及调试');
  await expect(pv).toContainText('全流程时限：5 个工作日');
  await pv.getByLabel('装机容量（千瓦）').fill('10');
  await expect(pv.getByTestId('pv-estimate')).toContainText('11000 千瓦时');
  await pv.getByTestId('submit-pv').click();
  await expect(page).toHaveURL(/\/projects\/\d+$/);
  const url = new URL(page.url()).pathname;
  await expect(page.getByTestId('project-stage')).toHaveText('申请受理');
  await expect(page.getByTestId('expected-generation')).toContainText('11000 kWh');
  await expect(page.getByTestId('project-whole')).toHaveText(/^全流程 \d\/5 个工作日$/);
  await expect(page.getByText('国家电网有限公司供电服务“十项承诺”')).toBeVisible();

  const utility = await party(browser, 'staff.gaoxin.1');
  const installer = await party(browser, 'build.xinghu');
  await act(utility, url, 'accept', '现场勘查');
  await act(utility, url, 'survey', '接入方案及并网意见函');
  await act(utility, url, 'issue_access_plan', '选择安装单位');
  await act(page, url, 'choose_installer', '光伏安装', null, { construction: '3' });
  await act(installer, url, 'accept_assignment');
  await act(installer, url, 'complete_installation', '并网验收及调试');
  await act(utility, url, 'pass_grid_acceptance', '签订购售电合同');
  await act(page, url, 'sign_purchase_agreement', '装表');
  await act(utility, url, 'install_meter', '接电');
  await act(utility, url, 'energize', '已送电');

  await page.goto(url);
  await expect(page.getByTestId('project-stage')).toHaveText('已送电');
  await expect(page.getByTestId('project-whole')).toHaveText(/^全流程 \d\/5 个工作日$/);
  await expect(page.getByTestId('documents')).toContainText('并网意见函');
  await expect(page.getByTestId('documents')).toContainText('已签购售电合同');
  await expect(page.getByTestId('audit')).toContainText('并网验收通过');

  await page.goto('/services/3302000004');
  const months = page.getByTestId('usage-months');
  await expect(months).toContainText('光伏上网电量');
  await expect(months.locator('rect.bar-beside')).toHaveCount(24);
  await expect(page.getByTestId('feed-in-total')).toContainText(/近 12 个月光伏上网 [1-9]\d* 千瓦时/);
});

test('the guides page explains rooftop PV and home chargers', async ({ page }) => {
  await page.goto('/guides');
  const guides = page.getByTestId('home-guide');
  await expect(guides).toHaveCount(2);
  await expect(guides.first()).toContainText('分布式光伏并网');
  await expect(guides.first()).toContainText('邻里或业主同意书');
  await expect(guides.nth(1)).toContainText('车位产权或使用证明');
  await expect(guides.nth(1)).toContainText('全流程时限：5 个工作日');
});
