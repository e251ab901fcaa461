import { test, expect } from '@playwright/test';
import { login, OUR_PAGES, personAt, testMonday, openSection } from './helpers.mjs';

const plus = (iso, minutes) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();
/** The value a datetime-local field takes for `iso`, in China time. */
const local = (iso) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16);
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

async function pairedTv(manager, hall) {
  const res = await manager.page.request.post(`/api/halls/${hall}/displays`, { data: { name: '内容测试' }, headers: OUR_PAGES });
  expect(res.status()).toBe(201);
  return `/display/${hall}?token=${(await res.json()).token}`;
}

test('a scheduled poster shows on the hall TV and the hall page only inside its window', async ({ browser }) => {
  test.setTimeout(90_000);
  const now = testMonday();
  const manager = await personAt(browser, now);
  await login(manager.page, 'manager.binjiang');
  await openSection(manager.page, '公告与海报');
  await manager.page.getByRole('button', { name: '新建海报' }).click();
  const form = manager.page.getByTestId('poster-form');
  const title = `限时海报 ${Date.now() % 1e6}`;
  await form.getByLabel('海报标题').fill(title);
  await form.getByLabel('海报文字').fill('扫码开通电子账单');
  await form.getByLabel('开始时间').fill(local(plus(now, 60)));
  await form.getByLabel('结束时间').fill(local(plus(now, 120)));
  await form.getByLabel('排序').fill('-100');
  await form.getByTestId('poster-submit').click();
  await expect(manager.page.getByTestId('staff-poster').filter({ hasText: title })).toContainText('待发布');
  const link = await pairedTv(manager, 'binjiang');

  for (const [minutes, shown] of [[0, false], [90, true], [120, false]]) {
    const tv = await personAt(browser, plus(now, minutes));
    await tv.page.goto(link);
    await expect(tv.page.getByTestId('display-feed')).toHaveAttribute('data-online', 'true');
    const slides = tv.page.getByTestId('display-slides');
    await expect(slides.locator('article, figure').first()).toBeVisible(); // the demo notices rotate too
    if (shown) await expect(slides.getByTestId('poster')).toContainText(title);
    else await expect(slides).not.toContainText(title);
    await tv.page.goto('/halls/binjiang');
    await expect(tv.page.getByRole('heading', { name: '本厅公告' })).toBeVisible();
    const posters = tv.page.getByTestId('poster').filter({ hasText: title });
    await expect(posters).toHaveCount(shown ? 1 : 0);
    await tv.context.close();
  }
  await manager.context.close();
});

test('a manager publishes an image poster and a planned outage; they show on the TV and the pages', async ({ browser }) => {
  const now = testMonday();
  const manager = await personAt(browser, now);
  await login(manager.page, 'manager.binjiang');
  await openSection(manager.page, '公告与海报');
  await manager.page.getByRole('button', { name: '新建海报' }).click();
  const form = manager.page.getByTestId('poster-form');
  await form.getByLabel('海报图片').setInputFiles({ name: 'bad.svg', mimeType: 'image/png', buffer: Buffer.from('<svg onload="alert(1)"/>') });
  await expect(form.locator('.field-error')).toBeVisible();
  await form.getByLabel('海报图片').setInputFiles({ name: 'bill.png', mimeType: 'image/png', buffer: PNG });
  await expect(form.getByTestId('image-ready')).toBeVisible();
  const title = `图片海报 ${Date.now() % 1e6}`;
  await form.getByLabel('海报标题').fill(title);
  await form.getByTestId('poster-submit').click();
  await expect(manager.page.getByTestId('staff-poster').filter({ hasText: title })).toContainText('已发布');

  await manager.page.getByRole('button', { name: '发布停电通知' }).click();
  const outage = manager.page.getByTestId('outage-form');
  const area = `江南大道 1–200 号 ${Date.now() % 1e6}`;
  await outage.getByLabel('停电范围').fill(area);
  await outage.getByLabel('停电原因').fill('10kV 线路检修');
  await outage.getByLabel('开始时间').fill(local(plus(now, 30)));
  await outage.getByLabel('结束时间').fill(local(plus(now, 240)));
  // Half an hour from now is short notice: refused until the manager confirms it is urgent.
  await outage.getByTestId('outage-submit').click();
  await expect(outage.getByRole('alert')).toContainText('不足 7 天');
  await outage.getByLabel('紧急停电：不足 7 天通知，确认无法提前告知').check();
  await outage.getByTestId('outage-submit').click();
  await expect(manager.page.getByTestId('staff-outage').filter({ hasText: area })).toBeVisible();

  const tv = await personAt(browser, now);
  await tv.page.goto(await pairedTv(manager, 'binjiang'));
  await expect(tv.page.getByTestId('outage-ticker')).toContainText(area);
  await expect(tv.page.getByTestId('outage-ticker')).toContainText('10kV 线路检修');
  await tv.page.goto('/halls/binjiang');
  const image = tv.page.getByTestId('poster').filter({ hasText: title }).locator('img');
  await expect(image).toHaveAttribute('src', /^\/api\/poster-images\/[0-9a-f]{32}\.png$/);
  await expect.poll(() => image.evaluate((img) => img.naturalWidth)).toBe(1);
  await expect(tv.page.getByTestId('outage').filter({ hasText: area })).toContainText('10kV 线路检修');
  await tv.page.goto('/');
  await expect(tv.page.getByTestId('outage').filter({ hasText: area })).toBeVisible();
  for (const p of [tv, manager]) await p.context.close();
});
