import { test, expect } from '@playwright/test';
import { kioskAt, login, openPairedKiosk, OUR_PAGES, personAt, testDayAfterMonday } from './helpers.mjs';

test('at the kiosk anyone finds a planned outage by estate and the city’s halls on a map with how to get there', async ({ browser }) => {
  const now = testDayAfterMonday(11);
  const manager = await personAt(browser, now);
  await login(manager.page, 'manager.binjiang');
  const day = 86_400_000;
  const starts = new Date(Date.parse(now) + 8 * day).toISOString();
  const ends = new Date(Date.parse(now) + 8 * day + 6 * 3_600_000).toISOString();
  const area = '滨河东路 8–20 号、柳岸小区';
  const created = await manager.page.request.post('/api/staff/outages', {
    data: { hall_id: 'binjiang', area, reason: '10kV 滨河线计划检修', starts_at: starts, ends_at: ends },
    headers: OUR_PAGES,
  });
  expect(created.status()).toBe(201);

  const kiosk = await kioskAt(browser, now);
  const page = kiosk.page;
  await openPairedKiosk(page, 'binjiang');
  await page.getByTestId('kiosk-outages').tap();
  // Tapped from the places with outages coming, or typed: the estate finds it.
  await expect(page.getByTestId('outage-place').filter({ hasText: area })).toBeVisible();
  await page.getByTestId('kiosk-outage-search').fill('柳岸小区');
  await page.getByRole('button', { name: '查询', exact: true }).tap();
  const found = page.getByTestId('outage');
  await expect(found).toHaveCount(1);
  await expect(found).toContainText(area);
  await page.getByTestId('kiosk-outage-search').fill('没有这个小区');
  await page.getByRole('button', { name: '查询', exact: true }).tap();
  await expect(page.getByTestId('no-outages')).toBeVisible();
  await page.getByRole('button', { name: '返回' }).tap();

  await page.getByTestId('kiosk-halls').tap();
  const map = page.getByTestId('hall-map');
  await expect(map.getByTestId('map-hall')).toHaveCount(3);
  await expect(map.locator('.here')).toContainText('您在这里');
  await expect(map.locator('.here')).toContainText('滨江营业厅');
  await expect(page.getByTestId('hall-transit')).toContainText('江南大道站');
  await page.getByTestId('kiosk-hall').filter({ hasText: '星湖营业厅' }).getByRole('button').tap();
  await expect(page.getByTestId('kiosk-directions')).toContainText('星湖营业厅');
  await expect(page.getByTestId('hall-transit')).toContainText('湖滨路站');
  await expect(page.getByTestId('hall-parking')).toContainText('免费停 1 小时');
  for (const p of [manager, kiosk]) await p.context.close();
});
