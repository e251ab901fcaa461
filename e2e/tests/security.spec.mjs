// The browser enforces the policy every page is served with (domain/src/security/headers.rs):
// each app loads and draws under it with no violation, also when the service worker serves the
// page from its cache, and a script injected into the page does not run.
import { test, expect } from '@playwright/test';

test.use({ serviceWorkers: 'allow' });

/** Records every policy violation the page reports, from before the app starts. */
function recordViolations() {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
  });
}

test('every app runs under its policy, from the network and from the service worker, and an injected script does not', async ({ page }) => {
  await page.addInitScript(recordViolations);
  const apps = [
    ['/no/such/page', 'home'],
    ['/halls/xinghu/no-such-page', 'customer'],
    ['/halls/xinghu/tickets/1/no-such-page', 'ticket'],
    ['/services/1/no-such-page', 'account'],
    ['/applications/1/no-such-page', 'service'],
    ['/projects/1/no-such-page', 'projects'],
    ['/staff/no-such-page', 'staff'],
    ['/kiosk/xinghu/no-such-page', 'kiosk'],
    ['/video/room/no-such-page', 'video'],
  ];
  for (const visit of ['network', 'service worker']) {
    for (const [path, app] of apps) {
      await page.goto(path);
      await expect(page.getByTestId('not-found'), `${app} from the ${visit}`).toHaveAttribute('data-app', app);
      if (visit === 'service worker') {
        expect(await page.evaluate(() => navigator.serviceWorker.controller !== null), `${app} served by the worker`).toBe(true);
      }
      const injected = await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.__injected = true';
        document.head.append(script);
        return window.__injected === true;
      });
      expect(injected, `an injected script ran in ${app} from the ${visit}`).toBe(false);
      const violations = await page.evaluate(() => window.__violations);
      // The injected script is the one violation expected.
      expect(violations.filter((v) => !v.startsWith('script-src-elem inline')), `${app} from the ${visit}`).toEqual([]);
    }
    if (visit === 'network') {
      await page.evaluate(() => navigator.serviceWorker.ready);
    }
  }
});
