import { expect, request } from '@playwright/test';
import { baseURL } from '../playwright.config.mjs';

export const DEMO_PASSWORD = 'Gridhall2026';

/** A mobile number nobody has registered in this run. */
export function freshMobile() {
  const n = (Date.now() * 7 + Math.floor(Math.random() * 1e6)) % 1e8;
  return '159' + String(n).padStart(8, '0');
}

/** The first load of an app in a new browser profile: its WebAssembly is downloaded and compiled,
 *  on a machine that also runs the server and another test. */
export const APP_LOAD = { timeout: 15_000 };

/** Logs in through the login page, as a person would. Staff land in the staff workspace, which is
 *  another app: a new page load. */
export async function login(page, loginName, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('手机号或工号').fill(loginName);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  // Where a login lands is usually another app: a new document. The login page's own header
  // shows the account for a moment first, so wait for the move, not just the link.
  await page.waitForURL((url) => url.pathname !== '/login', APP_LOAD);
  await expect(page.getByTestId('account-link')).toBeVisible(APP_LOAD);
}

/** Opens a section of the staff workspace from its side navigation, as a person would. */
export async function openSection(page, name) {
  await page.getByTestId('workspace-nav').getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible(APP_LOAD);
}

/** A second, separate browser context (another person on another device); `init` runs in
 *  every page of it before the app (e.g. to take a camera away). */
export async function otherPerson(browser, init) {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', serviceWorkers: 'block' });
  if (init) await context.addInitScript(init);
  return { context, page: await context.newPage() };
}

/** 10:00 China time on a Monday that no other test run uses: the halls are open. */
export function testMonday() {
  const base = Date.UTC(2240, 0, 1);
  const monday = base + ((8 - new Date(base).getUTCDay()) % 7) * 86400000; // the first Monday of 2240
  const weeks = Math.floor(Date.now() / 1000) % 100000;
  return new Date(monday + weeks * 7 * 86400000 + 2 * 3600000).toISOString();
}

/** 10:00 on the day `days` after `testMonday()`: a test whose counters or ticket numbers no
 *  other test may touch takes a day of its own: Tuesday queue.spec's sign-in, Wednesday
 *  notify.spec's SMS, Thursday display.spec's offline TV, Friday queue.spec's remote ticket. */
export function testDayAfterMonday(days) {
  return new Date(Date.parse(testMonday()) + days * 86_400_000).toISOString();
}

/** Sent by the tests' own API calls as a browser on our pages sends it: the server refuses
 *  writes that did not come from its own origin. */
export const OUR_PAGES = { origin: baseURL };

/** A network address of one person's own (as Cloudflare reports it), so limits per address
 *  (texted codes) are theirs alone. */
function ownAddress() {
  const n = Math.floor(Math.random() * 2 ** 24);
  return `10.${n >> 16}.${(n >> 8) & 255}.${n & 255}`;
}

/** A browser context whose requests all act at `now` on the server's test clock; its service
 *  worker is blocked unless `serviceWorkers: 'allow'` is given. */
export async function personAt(browser, now, { serviceWorkers = 'block' } = {}) {
  const extraHTTPHeaders = { 'x-test-now': now, 'cf-connecting-ip': ownAddress() };
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', extraHTTPHeaders, serviceWorkers });
  return { context, page: await context.newPage() };
}

/** Registers a new customer called `name` with a fresh mobile number; returns the number. */
export async function registerFresh(page, name) {
  const phone = freshMobile();
  // From a network of their own: registrations are limited per address (10 an hour), and a
  // run's retried tests would otherwise share the default page's one.
  await page.setExtraHTTPHeaders({ 'cf-connecting-ip': ownAddress() });
  await page.goto('/register');
  await page.getByLabel('手机号').fill(phone);
  await page.getByLabel('姓名').fill(name);
  await page.getByLabel('密码', { exact: true }).fill('Sunshine2026');
  await page.getByLabel('确认密码').fill('Sunshine2026');
  await page.getByRole('button', { name: '注册' }).click();
  // Registering lands on the front door, another app: wait for that page, not the old one.
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('account-link')).toHaveText(name);
  return phone;
}

/** At the counter console: chooses counter `number` and signs in to it, which opens it (or
 *  finds the clerk already signed in there). */
export async function signInAtCounter(page, number) {
  const console_ = page.getByTestId('counter-console');
  await console_.getByLabel('我的窗口').selectOption(String(number));
  const signIn = console_.getByTestId('sign-in');
  const signOut = console_.getByTestId('sign-out');
  await expect(signIn.or(signOut)).toBeVisible();
  if (await signIn.isVisible()) await signIn.click();
  await expect(signOut).toBeVisible();
  return console_;
}

/** A clerk of `hall` signs in at `counter` through the API (a day's counters start closed, and
 *  only open counters give a ticket its place and wait). */
export async function staffCounter(browser, now, hall, clerk, counter) {
  const staff = await personAt(browser, now);
  await login(staff.page, clerk);
  const res = await staff.page.request.post(`/api/halls/${hall}/counters/${counter}/actions`, { data: { action: 'sign_in' }, headers: OUR_PAGES });
  expect(res.status()).toBe(200);
  await staff.context.close();
}

const kioskTokens = new Map();

/** The token of a kiosk paired with `hall`, made once per worker by its manager (a kiosk pairs
 *  with the same kind of token as a TV). */
export async function kioskToken(hall) {
  if (!kioskTokens.has(hall)) {
    const api = await request.newContext({ baseURL, extraHTTPHeaders: OUR_PAGES });
    const login = await api.post('/api/auth/login', { data: { login: `manager.${hall}`, password: DEMO_PASSWORD } });
    expect(login.status()).toBe(200);
    const res = await api.post(`/api/halls/${hall}/displays`, { data: { name: 'e2e kiosk' } });
    expect(res.status()).toBe(201);
    kioskTokens.set(hall, (await res.json()).token);
    await api.dispose();
  }
  return kioskTokens.get(hall);
}

/** A browser with Chromium's fake camera and microphone, allowed without asking: for
 *  `test.use(WITH_FAKE_MEDIA)` in the specs that film or photograph. */
export const WITH_FAKE_MEDIA = {
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic',
      '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
      '--autoplay-policy=no-user-gesture-required',
    ],
  },
};

/** A kiosk as it stands in the hall: an upright 1080×1920 touch screen, its own browser. */
export async function kioskAt(browser, now) {
  const extraHTTPHeaders = { 'x-test-now': now, 'cf-connecting-ip': ownAddress() };
  const context = await browser.newContext({
    baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', extraHTTPHeaders, serviceWorkers: 'block',
    viewport: { width: 1080, height: 1920 }, hasTouch: true,
  });
  return { context, page: await context.newPage() };
}

/** The kiosk page of `hall`, opened as its paired kiosk. */
export async function openPairedKiosk(page, hall) {
  await page.goto(`/kiosk/${hall}?token=${await kioskToken(hall)}`);
}

/** A number taken at `hall`'s paired kiosk through `api` (a page's or a context's request). */
export async function kioskTicket(api, hall, data) {
  return api.post(`/api/halls/${hall}/tickets`, {
    data: { channel: 'kiosk', ...data },
    headers: { 'x-device-token': await kioskToken(hall), ...OUR_PAGES },
  });
}

const sink = process.env.SMS_SINK_URL ?? 'http://127.0.0.1:8789';

/** The bodies of the SMS the gateway's stand-in (scripts/sms-sink.mjs) received for `phone`. */
export async function smsTo(phone) {
  const res = await fetch(`${sink}/messages?to=${phone}`);
  return (await res.json()).map((m) => m.body);
}

/** Without an account, on a hall page: gives `phone` in the take-number form, asks for the
 *  code and types the one the SMS brought, as a customer at home does. Returns the phone. */
export async function confirmPhone(page, phone = freshMobile()) {
  const form = page.getByTestId('take-number');
  await form.getByLabel('手机号', { exact: true }).fill(phone);
  await form.getByTestId('send-code').click();
  await expect(form.getByText('验证码已发送，10 分钟内有效。')).toBeVisible();
  let code;
  await expect.poll(async () => {
    code = (await smsTo(phone)).map((b) => b.match(/验证码是 (\d{6})/)?.[1]).find(Boolean);
    return code;
  }, { timeout: 10_000 }).toBeTruthy();
  await form.getByLabel('短信验证码').fill(code);
  return phone;
}

const PROJECT_PDF = { name: '资料.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n') };

/** Takes `action` on the project page: uploads a PDF for every document the gate asks for,
 *  gives a reason when asked, submits, and waits for the stage the project moves to. */
export async function projectAct(page, url, action, stage, reason, choose = {}) {
  await page.goto(url);
  const form = page.getByTestId(`action-${action}`);
  await expect(form).toBeVisible();
  for (const [kind, firm] of Object.entries(choose)) await form.getByTestId(`choose-${kind}`).selectOption(firm);
  const uploads = form.locator('input[type=file]');
  const count = await uploads.count();
  for (let i = 0; i < count; i++) {
    await uploads.nth(i).setInputFiles(PROJECT_PDF);
    await expect(form.getByTestId('uploaded')).toHaveCount(i + 1);
  }
  if (reason) await form.getByTestId('action-comment').fill(reason);
  await form.getByRole('button', { name: '提交' }).click();
  if (stage) await expect(page.getByTestId('project-stage')).toHaveText(stage);
  else await expect(page.getByTestId(`action-${action}`)).toHaveCount(0);
}
