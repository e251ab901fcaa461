import { test, expect } from '@playwright/test';
import { APP_LOAD, login, otherPerson } from './helpers.mjs';

const shot = (name) => new URL(`../screenshots/${name}.png`, import.meta.url).pathname;

// Each role, where it lands and its sections (the side navigation's links, in order).
const ROLES = [
  { who: 'clerk', login: 'staff.gaoxin.3', lands: '/staff/counter', heading: '窗口叫号',
    sections: ['窗口叫号', '今日大厅', '视频服务', '在线咨询', '业务办理', '报修投诉', '业扩报装'] },
  { who: 'manager', login: 'manager.gaoxin', lands: '/staff/today', heading: '今日大厅',
    sections: ['今日大厅', '公告与海报', '屏幕与自助机', '大厅设置', '运营看板', '视频服务', '在线咨询', '业务办理', '报修投诉', '业扩报装'] },
  { who: 'admin', login: 'admin', lands: '/staff/operations', heading: '运营看板',
    sections: ['运营看板', '公告与海报', '账号与单位', '服务承诺', '消息记录', '视频服务', '在线咨询', '业务办理', '报修投诉', '业扩报装'] },
  { who: 'firm', login: 'design.jcdl', lands: '/projects', heading: '委托项目', current: '业扩报装', sections: ['业扩报装'] },
];

for (const role of ROLES) {
  test(`the ${role.who} lands on the first section of their day and reaches every section by keyboard`, async ({ browser }) => {
    const { page, context } = await otherPerson(browser);
    await page.setViewportSize({ width: 1280, height: 800 });
    await login(page, role.login);
    await expect(page).toHaveURL(new RegExp(`${role.lands}$`));
    await expect(page.getByRole('heading', { level: 1 }).first()).toHaveText(role.heading);
    const nav = page.getByTestId('workspace-nav');
    await expect(nav.getByRole('link')).toHaveText(role.sections);
    await expect(nav.getByRole('link', { name: role.current ?? role.heading, exact: true })).toHaveAttribute('aria-current', 'page');
    await page.screenshot({ path: shot(`workspace-${role.who}-1280x800`) });

    // From the top of the page, Tab alone reaches each section's link.
    await page.locator('body').focus();
    const reached = new Set();
    for (let i = 0; i < 60 && reached.size < role.sections.length; i++) {
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() => {
        const el = document.activeElement;
        return el?.closest('[data-testid="workspace-nav"]') ? el.textContent.trim() : null;
      });
      if (name) reached.add(name);
    }
    expect([...reached].sort()).toEqual([...role.sections].sort());

    // Enter on a focused link opens that section.
    const last = role.sections.length > 1 ? role.sections[1] : role.sections[0];
    await nav.getByRole('link', { name: last, exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(nav.getByRole('link', { name: last, exact: true })).toHaveAttribute('aria-current', 'page', APP_LOAD);

    // On a phone the sections are a bar along the bottom of the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(role.lands);
    await expect(nav).toBeVisible(APP_LOAD);
    const box = await nav.boundingBox();
    expect(box.y + box.height).toBeGreaterThan(840);
    await page.screenshot({ path: shot(`workspace-${role.who}-390x844`) });
    await context.close();
  });
}

test('a section of another role says so, and an unknown section is not found', async ({ page }) => {
  await login(page, 'staff.gaoxin.3');
  await page.goto('/staff/accounts');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('账号与单位');
  await expect(page.getByText('您的账号无权使用此功能')).toBeVisible();
  await expect(page.getByTestId('user-form')).toHaveCount(0);
  await page.goto('/staff/no-such-section');
  await expect(page.getByTestId('not-found')).toBeVisible();
});

test('a customer has no workspace navigation', async ({ page }) => {
  await login(page, '13800138001');
  await page.goto('/work-orders');
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible(APP_LOAD);
  await expect(page.getByTestId('workspace-nav')).toHaveCount(0);
});
