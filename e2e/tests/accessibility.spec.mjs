import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { APP_LOAD, login, otherPerson } from './helpers.mjs';

// Evaluated, not added as a script tag: our pages' CSP refuses inline scripts.
const AXE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

// Every section of each role's workspace, those of the staff app and the boards of the
// service and projects apps.
const BOARDS = ['/applications', '/work-orders', '/projects'];
const ROLES = [
  ['staff.gaoxin.3', ['/staff/counter', '/staff/today', '/staff/video', '/staff/consultations', ...BOARDS]],
  ['manager.gaoxin', ['/staff/today', '/staff/content', '/staff/screens', '/staff/setup', '/staff/operations', ...BOARDS]],
  ['admin', ['/staff/operations', '/staff/content', '/staff/accounts', '/staff/rules', '/staff/outbox', ...BOARDS]],
  ['design.jcdl', ['/projects']],
];

/** axe-core's serious and critical findings on the page as it is, one line each. */
async function seriousFindings(page) {
  await page.evaluate(AXE);
  const results = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

for (const [loginName, sections] of ROLES) {
  for (const lang of ['zh-CN', 'en']) {
    test(`axe finds nothing serious on ${loginName}'s sections in ${lang}`, async ({ browser }) => {
      const { page, context } = await otherPerson(browser);
      await login(page, loginName);
      if (lang === 'en') {
        await page.getByTestId('lang-switch').click();
        await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      }
      const findings = {};
      for (const path of sections) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible(APP_LOAD);
        await page.waitForLoadState('networkidle');
        await expect(page.locator('.skeleton, .loading')).toHaveCount(0, APP_LOAD);
        const found = await seriousFindings(page);
        if (found.length) findings[path] = found;
      }
      expect(findings).toEqual({});
      await context.close();
    });
  }
}
