// A transfer filed at the kiosk, with photos from its camera (Chromium's fake camera here).
import { test, expect } from '@playwright/test';
import { kioskAt, login, openPairedKiosk, otherPerson, smsTo, testDayAfterMonday, WITH_FAKE_MEDIA } from './helpers.mjs';

test.use(WITH_FAKE_MEDIA);

test('a transfer filed at the kiosk with photos of its documents reaches hall staff, and the slip prints', async ({ browser }) => {
  const now = testDayAfterMonday(12);
  const kiosk = await kioskAt(browser, now);
  const page = kiosk.page;
  await openPairedKiosk(page, 'binjiang');
  await page.getByTestId('kiosk-apply-start').tap();

  // An application needs the mobile confirmed: its progress is sent there.
  await expect(page.getByTestId('by-account')).toHaveCount(0);
  const identify = page.getByTestId('identify-phone');
  await identify.getByLabel('手机号').fill('13800138002');
  await identify.getByRole('button', { name: '获取验证码' }).tap();
  let code;
  await expect(async () => {
    const texts = await smsTo('13800138002');
    code = (texts.filter((t) => t.includes('验证码')).at(-1) ?? '').match(/\d{6}/)?.[0];
    expect(code).toBeTruthy();
  }).toPass({ timeout: 10_000 });
  await identify.getByLabel('短信验证码（6 位）').fill(code);
  await identify.getByRole('button', { name: '查询' }).tap();

  const apply = page.getByTestId('kiosk-apply');
  await apply.getByTestId('apply-kind').filter({ hasText: '更名/过户' }).tap();
  await expect(apply.getByTestId('kiosk-guide')).toContainText('户主有效身份证明');
  await apply.getByRole('button', { name: '下一步' }).tap();
  await apply.getByTestId('apply-account').filter({ hasText: '3301000003' }).tap();
  // One question per screen; a wrong answer sends the customer back to that question.
  await apply.getByLabel('新户主姓名').fill('陈小英');
  await apply.getByRole('button', { name: '下一步' }).tap();
  await apply.getByLabel('新户主身份证号（18 位）').fill('12345');
  await apply.getByRole('button', { name: '下一步' }).tap();
  await apply.getByLabel('新户主手机号').fill('13800138000');
  await apply.getByRole('button', { name: '下一步' }).tap();

  // Two photos from the camera.
  await expect(apply.getByTestId('take-photo')).toBeVisible();
  await apply.getByTestId('take-photo').tap();
  await expect(apply.getByTestId('photo-count')).toHaveText('已拍 1 张');
  await apply.getByTestId('take-photo').tap();
  await expect(apply.getByTestId('photo-count')).toHaveText('已拍 2 张');
  await apply.getByRole('button', { name: '下一步' }).tap();

  await expect(apply.getByTestId('kiosk-review')).toContainText('陈小英');
  await apply.getByTestId('kiosk-submit-application').tap();
  await expect(apply.getByLabel('新户主身份证号（18 位）')).toBeVisible();
  await expect(apply.getByRole('alert')).not.toBeEmpty();
  await apply.getByLabel('新户主身份证号（18 位）').fill('11010519491231002X');
  // On through the screens already answered, each tap once its screen is up.
  await apply.getByRole('button', { name: '下一步' }).tap();
  await expect(apply.getByLabel('新户主手机号')).toHaveValue('13800138000');
  await apply.getByRole('button', { name: '下一步' }).tap();
  await expect(apply.getByTestId('photo-count')).toHaveText('已拍 2 张');
  await apply.getByRole('button', { name: '下一步' }).tap();
  await expect(apply.getByTestId('kiosk-review')).toContainText('陈小英');
  await apply.getByTestId('kiosk-submit-application').tap();

  const slip = page.getByTestId('kiosk-slip');
  await expect(slip.getByTestId('slip-number')).toHaveText(/^SQ\d{4}-\d{6}$/);
  const number = await slip.getByTestId('slip-number').textContent();
  await expect(slip.getByTestId('slip-photos')).toHaveText('2');
  await expect(slip.getByTestId('slip-qr')).toHaveAttribute('data-link', /\/applications\/\d+$/);
  await page.emulateMedia({ media: 'print' });
  await expect(slip.getByTestId('slip-number')).toBeVisible();
  await expect(slip.getByTestId('slip-qr').locator('svg')).toBeVisible();
  await expect(page.getByTestId('kiosk-done')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await page.getByTestId('kiosk-done').tap();
  await expect(page.getByTestId('kiosk-business').first()).toBeVisible();

  // The hall's clerk finds it on the board with its two photos.
  const { context: staff, page: clerk } = await otherPerson(browser);
  await login(clerk, 'staff.binjiang.1');
  await clerk.goto('/applications');
  await clerk.getByTestId('application-row').filter({ hasText: number }).getByRole('link').click();
  await expect(clerk.getByText(number)).toBeVisible();
  await expect(clerk.getByTestId('application-documents').locator('li')).toHaveCount(2);
  await expect(clerk.getByTestId('application-documents')).toContainText('photo-1.jpg');
  await staff.close();
  await kiosk.context.close();
});
