import { test, expect } from '@playwright/test';
import { login, personAt, testMonday } from './helpers.mjs';

/** The test Monday at a China local time "HH:MM", as an ISO instant. */
function at(monday, hhmm) {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(Date.parse(monday.slice(0, 10) + 'T00:00:00Z') + ((h - 8) * 60 + m) * 60000).toISOString();
}

test('a customer books an appointment, arrives within the window and goes ahead of walk-ins', async ({ browser }) => {
  const monday = testMonday();
  const customer = await personAt(browser, at(monday, '08:00'));
  await customer.page.clock.setFixedTime(new Date(at(monday, '08:00')));
  await login(customer.page, '13800138003');
  await customer.page.goto('/halls/binjiang');
  const book = customer.page.getByTestId('book');
  await book.getByLabel('办理业务').selectOption('consultation');
  await book.getByTestId('slot').filter({ hasText: '10:00' }).click();
  await expect(customer.page).toHaveURL(/\/appointments$/);
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
