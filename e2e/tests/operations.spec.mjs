// Operations as the people who use them: a hall manager reads the dashboard on the demo
// history and exports CSV that matches the figures on screen; the admin looks at the whole
// city; anyone reads the public live wait.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { APP_LOAD, login } from './helpers.mjs';

/** The CSV a button saves, as rows of cells (quotes are not needed for these tables). */
async function exportCsv(page, table) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    table.getByTestId('export-csv').click(),
  ]);
  const text = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
  return { name: download.suggestedFilename(), rows: text.trim().split('\n').map((line) => line.split(',')) };
}

test('a manager opens the dashboard and exports CSV that matches the totals on screen', async ({ page }) => {
  await login(page, 'manager.xinghu');
  await page.getByRole('link', { name: '运营看板' }).click();
  await expect(page.getByRole('heading', { name: '运营看板' })).toBeVisible();
  await expect(page.getByTestId('ops-scope')).toContainText('星湖营业厅');
  const tickets = Number(await page.getByTestId('kpi-tickets').textContent());
  // The dates shown are the range the figures cover: the last seven days.
  const to = await page.getByTestId('ops-to').inputValue();
  expect(to).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByTestId('ops-scope')).toContainText(`${await page.getByTestId('ops-from').inputValue()} – ${to}`);
  expect(tickets).toBeGreaterThan(1000);
  // Each tile says how it changed against the week before.
  await expect(page.getByTestId('kpi-compared')).toContainText('与上一时段相比');
  await expect(page.locator('.kpi').first().getByTestId('kpi-change')).toHaveText(/^(▲ \+|▼ −)\d+\.\d%$|^持平$/);

  // Business types: one line each, their tickets add up to the total shown.
  const byBusiness = await exportCsv(page, page.getByTestId('ops-by-business'));
  expect(byBusiness.name).toMatch(/^business-xinghu-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(byBusiness.rows[0].slice(0, 2)).toEqual(['按业务', '取号数']);
  expect(byBusiness.rows.map((r) => r[0])).toContain('缴费');
  const sum = byBusiness.rows.slice(1).reduce((n, r) => n + Number(r[1]), 0);
  expect(sum).toBe(tickets);

  // The totals file holds the same figures as the tiles.
  const totals = await exportCsv(page, page.getByTestId('ops-totals'));
  expect(Number(totals.rows[1][1])).toBe(tickets);
  expect(totals.rows[1][3]).toBe(await page.getByTestId('kpi-wait').textContent());
  // Days add up too, and each counter and clerk has a line.
  const days = await exportCsv(page, page.getByTestId('ops-per-day'));
  expect(days.rows.slice(1).reduce((n, r) => n + Number(r[1]), 0)).toBe(tickets);
  await expect(page.getByTestId('ops-by-counter').locator('tbody tr')).toHaveCount(6);
  await expect(page.getByTestId('ops-by-staff')).toContainText('王晓梅');

  // Heatmap, forecast and staffing: Monday's row, seven days ahead, recommended beside actual.
  await expect(page.getByTestId('ops-heatmap').locator('tbody tr')).toHaveCount(7);
  await expect(page.getByTestId('ops-forecast').locator('tbody tr')).toHaveCount(7);
  // The staffing plan is a chart of recommended against signed-in counters; the table opens on demand.
  await expect(page.getByTestId('ops-staffing-chart').locator('svg g').first()).toBeVisible();
  const staffing = page.getByTestId('ops-staffing');
  await expect(staffing).toBeHidden();
  await page.getByText('显示表格').click();
  await expect(staffing).toContainText('全部业务');
  await expect(staffing.locator('thead')).toContainText('建议（Erlang A）');
  await expect(page.getByTestId('ops-chart-hours').locator('svg g').first()).toBeVisible();

  // A narrower range and a stricter Tmax change the figures; a reversed range says why.
  await page.getByTestId('ops-tmax').fill('1');
  await page.getByTestId('ops-show').click();
  await expect(page.getByTestId('ops-scope')).toContainText('Tmax 1');
  await page.getByTestId('ops-from').fill('2026-12-31');
  await page.getByTestId('ops-to').fill('2026-12-01');
  await page.getByTestId('ops-show').click();
  await expect(page.getByText('开始日期不能晚于结束日期')).toBeVisible();
});

test('the admin sees the whole city, hall by hall', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/staff/operations');
  await expect(page.getByTestId('ops-scope')).toContainText('全市', APP_LOAD);
  const halls = page.getByTestId('ops-by-hall');
  await expect(halls.locator('tbody tr')).toHaveCount(3);
  await expect(halls).toContainText('滨江营业厅');
  await expect(page.getByText('请选择一个营业厅查看窗口配置建议。')).toBeVisible();
  await page.getByTestId('ops-hall').selectOption('gaoxin');
  await page.getByTestId('ops-show').click();
  await expect(page.getByTestId('ops-scope')).toContainText('高新营业厅');
  await expect(page.getByTestId('ops-staffing-chart')).toBeVisible();
});

test('anyone reads every hall\'s live wait, with the open data linked', async ({ page, request }) => {
  await page.goto('/');
  await page.getByTestId('quick-links').getByRole('link', { name: /实时排队/ }).click();
  await expect(page.getByTestId('live-hall')).toHaveCount(3);
  await expect(page.getByTestId('live-hall').first()).toContainText('星湖营业厅');
  const res = await request.get('/api/live-wait');
  expect(res.headers()['cache-control']).toBe('public, max-age=5');
  const body = await res.json();
  expect(body.halls.map((h) => h.hall_id)).toEqual(['xinghu', 'binjiang', 'gaoxin']);
  await expect(page.getByRole('link', { name: '/api/live-wait' })).toBeVisible();
});
