import { test, expect } from '@playwright/test';
import { kioskAt, login, openSection, personAt, testDayAfterMonday } from './helpers.mjs';

test('a kiosk paired in the console reports in, is flagged when it goes quiet, and stops within 5 s of being revoked', async ({ browser }) => {
  const now = testDayAfterMonday(10);
  const manager = await personAt(browser, now);
  await login(manager.page, 'manager.binjiang');
  await openSection(manager.page, '屏幕与自助机');
  const screens = manager.page.getByTestId('hall-screens');
  // A name of this run's own: a retry finds its own kiosk, not the first attempt's.
  const name = `东门自助机 ${Date.now() % 100000}`;
  await screens.getByLabel('屏幕名称').fill(name);
  await screens.getByLabel('设备类型').selectOption('kiosk');
  await screens.getByRole('button', { name: '新建屏幕' }).click();
  const link = await screens.getByTestId('pair-link').getAttribute('href');
  expect(link).toMatch(/\/kiosk\/binjiang\?token=[\w-]{20,}/);

  const kiosk = await kioskAt(browser, now);
  await kiosk.page.goto(link);
  await expect(kiosk.page.getByTestId('kiosk-business').first()).toBeEnabled();

  // Listed as a kiosk, seen just now: no warning.
  const row = () => screens.getByTestId('display-row').filter({ hasText: name });
  await manager.page.reload();
  await expect(row()).toContainText('自助机 · 最近连接');
  await expect(row().getByTestId('device-offline')).toHaveCount(0);

  // Four minutes on, nothing heard since: the console says it is offline.
  const later = await personAt(browser, new Date(Date.parse(now) + 4 * 60_000).toISOString());
  await login(later.page, 'manager.binjiang');
  await openSection(later.page, '屏幕与自助机');
  await expect(later.page.getByTestId('display-row').filter({ hasText: name }).getByTestId('device-offline')).toHaveText('离线');

  manager.page.on('dialog', (dialog) => dialog.accept());
  await row().getByRole('button', { name: '停用' }).click();
  await expect(kiosk.page.getByTestId('kiosk-unpaired')).toBeVisible({ timeout: 5000 });
  await expect(kiosk.page.getByTestId('kiosk-business')).toHaveCount(0);
  await kiosk.page.goto(link);
  await expect(kiosk.page.getByTestId('kiosk-unpaired')).toContainText('本取号机尚未配对');
  for (const p of [manager, later, kiosk]) await p.context.close();
});
