import { test, expect } from '@playwright/test';
import { login, openPairedKiosk, personAt, testMonday } from './helpers.mjs';

/** The test Monday at a China local time "HH:MM", as an ISO instant. */
function at(monday, hhmm) {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(Date.parse(monday.slice(0, 10) + 'T00:00:00Z') + ((h - 8) * 60 + m) * 60000).toISOString();
}

/** A customer signed in at 08:00 on the test Monday who has booked `business` at `hhmm`. */
async function customerWithBooking(browser, monday, mobile, hall, business, hhmm) {
  const customer = await personAt(browser, at(monday, '08:00'));
  await customer.page.clock.setFixedTime(new Date(at(monday, '08:00')));
  await login(customer.page, mobile);
  await customer.page.goto(`/halls/${hall}`);
  const book = customer.page.getByTestId('book');
  await book.getByLabel('办理业务').selectOption(business);
  await book.getByTestId('slot').filter({ hasText: hhmm }).click();
  await expect(customer.page).toHaveURL(/\/appointments$/);
  return customer;
}

test('a customer books an appointment, arrives within the window and goes ahead of walk-ins', async ({ browser }) => {
  const monday = testMonday();
  const customer = await customerWithBooking(browser, monday, '13800138003', 'binjiang', 'consultation', '10:00');
  const appointment = customer.page.getByTestId('appointment').first();
  await expect(appointment).toContainText('10:00');
  await expect(appointment.getByTestId('arrival')).toContainText('09:45');
  await expect(appointment.getByTestId('arrive')).toHaveCount(0);

  await customer.context.setExtraHTTPHeaders({ 'x-test-now': at(monday, '09:50') });
  await customer.page.clock.setFixedTime(new Date(at(monday, '09:50')));
  await customer.page.reload();
  await expect(appointment.getByTestId('arrival')).toHaveText('现在签到可优先办理');
  await appointment.getByTestId('arrive').click();
  await expect(customer.page).toHaveURL(/\/halls\/binjiang\/tickets\/\d+/);
  await expect(customer.page.getByTestId('ticket-number')).toHaveText(/^D\d{3}$/);
  await expect(customer.page.getByTestId('ticket-priority')).toHaveText('预约');
  await customer.context.close();
});

test('a customer books in the app and checks in at the hall kiosk with the booking code', async ({ browser }) => {
  const monday = testMonday();
  const customer = await customerWithBooking(browser, monday, '13800138001', 'xinghu', 'change_transfer', '11:00');
  const code = customer.page.getByTestId('appointment').filter({ hasText: '11:00' }).getByTestId('appointment-code');
  await expect(code).toHaveText(/^\d{6}$/);
  const digits = await code.textContent();

  const kiosk = await personAt(browser, at(monday, '10:55'));
  await openPairedKiosk(kiosk.page, 'xinghu');
  await kiosk.page.getByRole('button', { name: '预约签到' }).click();
  await kiosk.page.getByLabel('预约码（6 位数字，见预约记录）').fill('000000' === digits ? '111111' : '000000');
  await kiosk.page.getByRole('button', { name: '签到取号' }).click();
  await expect(kiosk.page.getByText('预约码不正确，请核对预约记录上的 6 位数字')).toBeVisible();
  await kiosk.page.getByLabel('预约码（6 位数字，见预约记录）').fill(digits);
  await kiosk.page.getByRole('button', { name: '签到取号' }).click();
  const receipt = kiosk.page.getByTestId('kiosk-receipt');
  await expect(receipt.getByTestId('ticket-number')).toHaveText(/^C\d{3}$/);
  await expect(receipt.getByTestId('ticket-priority')).toHaveText('预约');
  await customer.context.close();
  await kiosk.context.close();
});
