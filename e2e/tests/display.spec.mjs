import { test, expect } from '@playwright/test';
import { login, openPairedKiosk, OUR_PAGES, personAt, signInAtCounter, testDayAfterMonday, testMonday, openSection } from './helpers.mjs';

const shot = (name) => new URL(`../screenshots/${name}.png`, import.meta.url).pathname;
const ZH_DIGITS = '零一二三四五六七八九';

/** What the TV must say for a number at a counter: the digits one by one. */
const zhCall = (number, counter) =>
  `请 ${number[0]} ${[...number.slice(1)].map((d) => ZH_DIGITS[d]).join('')} 号到 ${counter} 号窗口`;

/** Records what the page asks the speech engine to say, and finishes each utterance at once. */
function spyOnSpeech() {
  window.__spoken = [];
  window.speechSynthesis.speak = (u) => {
    window.__spoken.push({ text: u.text, lang: u.lang });
    setTimeout(() => u.onend && u.onend(new Event('end')), 20);
  };
}
const spoken = (page) => page.evaluate(() => window.__spoken.map((u) => u.text));

/** A TV showing `link`, with speech spied on, once its feed is live. */
async function tvAt(browser, now, link) {
  const tv = await personAt(browser, now);
  await tv.page.addInitScript(spyOnSpeech);
  await tv.page.setViewportSize({ width: 1920, height: 1080 });
  await tv.page.goto(link);
  await expect(tv.page.getByTestId('display-feed')).toHaveAttribute('data-online', 'true');
  return tv;
}

async function takeNumbers(browser, now, hall, count) {
  const kiosk = await personAt(browser, now);
  const tickets = [];
  for (let i = 0; i < count; i++) {
    await openPairedKiosk(kiosk.page, hall);
    await kiosk.page.getByTestId('kiosk-business').filter({ hasText: '发票' }).click();
    const receipt = kiosk.page.getByTestId('kiosk-receipt');
    await expect(receipt.getByTestId('ticket-number')).toHaveText(/^E\d{3}$/);
    tickets.push({
      number: await receipt.getByTestId('ticket-number').textContent(),
      link: await receipt.getByTestId('ticket-qr').getAttribute('data-link'),
    });
  }
  await kiosk.context.close();
  return tickets;
}

test('a paired TV shows and says each call, shows the manager’s message, and goes dark when revoked', async ({ browser }) => {
  test.setTimeout(90_000);
  const now = testMonday();
  const manager = await personAt(browser, now);
  await login(manager.page, 'manager.gaoxin');
  await openSection(manager.page, '屏幕与自助机');
  const screens = manager.page.getByTestId('hall-screens');
  await screens.getByLabel('屏幕名称').fill('入口电视');
  await screens.getByRole('button', { name: '新建屏幕' }).click();
  const link = await screens.getByTestId('pair-link').getAttribute('href');
  expect(link).toMatch(/\/display\/gaoxin\?token=[\w-]{20,}/);
  await expect(screens.getByTestId('pairing-qr')).toHaveAttribute('data-link', link);

  const tv = await tvAt(browser, now, link);
  await expect(tv.page.getByRole('navigation')).toHaveCount(0); // full screen: no site header
  const tickets = await takeNumbers(browser, now, 'gaoxin', 2);

  const staff = await personAt(browser, now);
  await login(staff.page, 'staff.gaoxin.1');
  const console_ = await signInAtCounter(staff.page, 3);
  const [first, second] = tickets;
  await console_.getByTestId('waiting-ticket').filter({ hasText: first.number }).getByRole('button', { name: '叫此号' }).click();
  await expect(tv.page.getByTestId('now-number')).toHaveText(first.number, { timeout: 1000 });
  await expect(tv.page.getByTestId('now-counter')).toHaveText('请到 3号窗口');
  const said = zhCall(first.number, 3);
  await expect.poll(() => spoken(tv.page)).toEqual([said, said]);

  // A recall (allowed 30 s after the call, so a little later on the test clock) is said again.
  const later = new Date(Date.parse(now) + 31_000).toISOString();
  const ticketId = Number(first.link.match(/tickets\/(\d+)/)[1]);
  const recall = await staff.page.request.post('/api/halls/gaoxin/counters/3/actions', {
    headers: { 'x-test-now': later, ...OUR_PAGES }, data: { action: 'recall', ticket: ticketId },
  });
  expect(recall.status()).toBe(200);
  await expect.poll(() => spoken(tv.page)).toEqual([said, said, said, said]);

  // The manager's message reaches the TV and the waiting customer's ticket page.
  await screens.getByLabel('今日大厅通知').fill('今日16:00提前闭厅');
  await screens.getByRole('button', { name: '发布通知' }).click();
  await expect(tv.page.getByTestId('broadcast')).toContainText('今日16:00提前闭厅');
  const customer = await personAt(browser, now);
  await customer.page.goto(second.link);
  await expect(customer.page.getByTestId('broadcast')).toContainText('今日16:00提前闭厅');

  // With English on, the next call is also said in English.
  await screens.getByLabel('叫号时加播英文').check();
  await console_.getByRole('button', { name: '开始办理' }).click();
  await console_.getByTestId('finish').click();
  await console_.getByTestId('waiting-ticket').filter({ hasText: second.number }).getByRole('button', { name: '叫此号' }).click();
  await expect(tv.page.getByTestId('now-number')).toHaveText(second.number, { timeout: 1000 });
  await expect(tv.page.getByTestId('last-call').first()).toContainText(first.number);
  const english = `Number ${second.number[0]} ${[...second.number.slice(1)].join(' ')}, please go to counter 3`;
  await expect.poll(() => spoken(tv.page)).toEqual([said, said, said, said, zhCall(second.number, 3), zhCall(second.number, 3), english]);
  await screens.getByLabel('叫号时加播英文').uncheck();

  // Both layouts, for the record; the number is at least a tenth of the screen's height.
  const box = await tv.page.getByTestId('now-number').boundingBox();
  expect(box.height).toBeGreaterThanOrEqual(108);
  await tv.page.screenshot({ path: shot('display-landscape-1920x1080') });
  await tv.page.setViewportSize({ width: 1080, height: 1920 });
  await expect(tv.page.getByTestId('now-number')).toBeVisible();
  const portrait = await tv.page.getByTestId('now-number').boundingBox();
  expect(portrait.height).toBeGreaterThanOrEqual(192);
  await tv.page.screenshot({ path: shot('display-portrait-1080x1920') });

  await screens.getByRole('button', { name: '撤下通知' }).click();
  await expect(tv.page.getByTestId('broadcast')).toHaveCount(0);

  // Revoked: the TV stops showing the hall within 5 s, and stays stopped after a reload.
  manager.page.on('dialog', (dialog) => dialog.accept());
  await screens.getByTestId('display-row').filter({ hasText: '入口电视' }).getByRole('button', { name: '停用' }).click();
  await expect(tv.page.getByTestId('display-unpaired')).toBeVisible({ timeout: 5000 });
  await expect(tv.page.getByTestId('now-number')).toHaveCount(0);
  await tv.page.goto(link);
  await expect(tv.page.getByTestId('display-unpaired')).toBeVisible();
  for (const p of [tv, staff, manager, customer]) await p.context.close();
});

test('a TV says it is offline after 5 s, then catches up on the calls it missed', async ({ browser }) => {
  test.setTimeout(90_000);
  const now = testDayAfterMonday(3);
  const manager = await personAt(browser, now);
  await login(manager.page, 'manager.xinghu');
  const created = await manager.page.request.post('/api/halls/xinghu/displays', { data: { name: '测试电视' }, headers: OUR_PAGES });
  expect(created.status()).toBe(201);
  const { token } = await created.json();

  const tv = await personAt(browser, now);
  await tv.page.addInitScript(spyOnSpeech);
  let down = false;
  let open;
  await tv.page.routeWebSocket(/\/ws\/displays\//, (ws) => {
    if (down) return ws.close({ code: 1011, reason: 'outage' });
    open = ws;
    ws.connectToServer();
  });
  await tv.page.goto(`/display/xinghu?token=${token}`);
  await expect(tv.page.getByTestId('display-feed')).toHaveAttribute('data-online', 'true');
  const [missed] = await takeNumbers(browser, now, 'xinghu', 1);

  down = true;
  await open.close({ code: 1011, reason: 'outage' });
  await expect(tv.page.getByTestId('offline-badge')).toHaveCount(0);
  await expect(tv.page.getByTestId('offline-badge')).toBeVisible({ timeout: 7000 });

  const staff = await personAt(browser, now);
  await login(staff.page, 'staff.xinghu.1');
  const console_ = await signInAtCounter(staff.page, 1);
  await console_.getByTestId('waiting-ticket').filter({ hasText: missed.number }).getByRole('button', { name: '叫此号' }).click();

  down = false;
  await expect(tv.page.getByTestId('offline-badge')).toHaveCount(0, { timeout: 20_000 });
  await expect(tv.page.getByTestId('now-number')).toHaveText(missed.number);
  await expect.poll(() => spoken(tv.page)).toContain(zhCall(missed.number, 1));
  for (const p of [tv, staff, manager]) await p.context.close();
});
