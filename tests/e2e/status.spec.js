// Following a request: the confirmation's link, the status page, a staff event appearing.
import { test, expect } from '@playwright/test';
import {
  expectNoAxeViolations, fileReport, fileRequest, openIn, staffEvent, waitForApp, walkApplication,
} from './helpers.js';

async function check(page, number, code) {
  await page.getByLabel('Входящ номер').fill(number);
  await page.getByLabel('Код за достъп').fill(code);
  await page.getByRole('button', { name: 'Проверете' }).click();
}

test('a request is followed: registered, then a staff extension appears with its reason', async ({ page }) => {
  const r = await fileRequest(page.request, `e2e-status-${Date.now()}`);
  await page.goto('/radomir/status');
  await waitForApp(page);
  await expect(page.locator('h1')).toHaveText('Проверка по входящ номер');
  // Tolerant of case, spaces and dashes.
  await check(page, r.registry_number.toLowerCase().replaceAll('-', ' '), r.access_code.toLowerCase().replace('-', ''));
  const result = page.locator('.g-status-result');
  await expect(result.getByRole('heading', { level: 2 })).toHaveText(`Заявление ${r.registry_number}`);
  await expect(result).toContainText('Заведено');
  await expectNoAxeViolations(page, 'status (bg)');

  await staffEvent(page.request, r.registry_number, { kind: 'in_progress' });
  await staffEvent(page.request, r.registry_number, { kind: 'deadline_extended', reason: 'Чакаме справка от НАП', new_expected: '2099-01-05' });
  await staffEvent(page.request, r.registry_number, { kind: 'note', note: 'Ще ви се обадим по телефона.' });
  await page.getByRole('button', { name: 'Проверете' }).click();
  await expect(result).toContainText('В процес на изпълнение');
  await expect(result).toContainText('5.01.2099 г.');
  // The timeline as a screen reader meets it: an ordered list, oldest first.
  const tree = await page.getByRole('list', { name: 'История на заявлението' }).ariaSnapshot();
  const items = tree.split('\n').filter((l) => l.trim().startsWith('- listitem'));
  expect(items.length).toBe(4);
  expect(tree).toMatch(/Заявлението е заведено[\s\S]*Работата по заявлението започна[\s\S]*Срокът е удължен[\s\S]*Причина: Чакаме справка от НАП[\s\S]*Бележка от общината[\s\S]*Ще ви се обадим по телефона\./);
});

test('an unknown number and a wrong code get the same answer, announced', async ({ page }) => {
  const r = await fileRequest(page.request, `e2e-status-wrong-${Date.now()}`);
  await page.goto('/radomir/status');
  await waitForApp(page);
  await check(page, r.registry_number, '00000-00000');
  const live = page.locator('.g-status-result[aria-live="polite"]');
  await expect(live).toContainText('Не намерихме заявление или сигнал с този входящ номер и код за достъп');
  const first = await live.textContent();
  await check(page, 'RDM-2026-999999', r.access_code);
  await expect(live).toHaveText(first);
  // A malformed number is caught before asking the server, in the error summary.
  await check(page, 'RDM-26', 'ABC');
  await expect(page.locator('.g-error-summary')).toBeFocused();
  await expect(page).toHaveTitle(/^Грешка: Проверка по входящ номер/);
});

test('the confirmation link fills the number from the address and the code from memory only', async ({ page }) => {
  await page.goto('/radomir/services/2016/apply/applicant');
  await waitForApp(page);
  await walkApplication(page);
  await page.getByRole('button', { name: 'Изпратете заявлението' }).click();
  const number = await page.locator('.g-panel__number').textContent();
  const code = await page.locator('.g-code').textContent();
  await page.getByRole('link', { name: 'Проверете докъде е стигнало заявлението' }).click();
  await expect(page.locator('h1')).toHaveText('Проверка по входящ номер');
  expect(page.url()).toContain(number);
  expect(page.url()).not.toContain(code);
  await expect(page.getByLabel('Входящ номер')).toHaveValue(number);
  await expect(page.getByLabel('Код за достъп')).toHaveValue(code);
  // A fresh tab (no memory) gets the number from the address but never the code.
  await page.goto(page.url());
  await waitForApp(page);
  await expect(page.getByLabel('Входящ номер')).toHaveValue(number);
  await expect(page.getByLabel('Код за достъп')).toHaveValue('');
});

test('the status page in English passes axe with a result shown', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  const r = await fileRequest(page.request, `e2e-status-en-${Date.now()}`);
  await openIn(page, '/radomir/status', 'en');
  await page.getByLabel('Registry number').fill(r.registry_number);
  await page.getByLabel('Access code').fill(r.access_code);
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.locator('.g-status-result')).toContainText('Registered');
  await expectNoAxeViolations(page, 'status (en)');
  await context.close();
});

test('when the municipality cannot be loaded the status page says so, and Try again recovers', async ({ page }) => {
  const profile = /\/api\/v1\/municipalities\/radomir(\?|$)/;
  await page.route(profile, (route) => route.fulfill({ status: 500, body: 'Internal Server Error' }));
  await page.goto('/radomir/status');
  await waitForApp(page);
  await expect(page.locator('h1')).toHaveText('Не успяхме да заредим страницата');
  await expect(page).toHaveTitle('Не успяхме да заредим страницата – Гише');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Няма връзка със сървъра');
  await expectNoAxeViolations(page, 'status, municipality failed (bg)');
  await page.unroute(profile);
  await alert.getByRole('button', { name: 'Опитайте отново' }).click();
  await expect(page.locator('h1')).toHaveText('Проверка по входящ номер');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByLabel('Входящ номер')).toBeVisible();
});

test('a signal\'s status speaks of the signal and its answer due date, in both languages', async ({ page }) => {
  const r = await fileReport(page.request, { slug: 'ruse', kind: 'signal' });
  await page.goto('/ruse/status');
  await waitForApp(page);
  await check(page, r.registry_number, r.access_code);
  const result = page.locator('.g-status-result');
  await expect(result.getByRole('heading', { level: 2 })).toHaveText(`Сигнал ${r.registry_number}`);
  await expect(result).toContainText('Срок за отговор');
  await expect(result).not.toContainText('Очаквана дата на изпълнение');
  await expect(result).not.toContainText('заявлени');
  await expect(page.getByRole('list', { name: 'История на сигнала' })).toContainText('Сигналът е заведен');
  await expectNoAxeViolations(page, 'signal status (bg)');

  await openIn(page, '/ruse/status', 'en');
  await page.getByLabel('Registry number').fill(r.registry_number);
  await page.getByLabel('Access code').fill(r.access_code);
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(result.getByRole('heading', { level: 2 })).toHaveText(`Signal ${r.registry_number}`);
  await expect(result).toContainText('Answer due by');
  await expect(result).not.toContainText('Expected completion');
  await expect(result).not.toContainText('application');
  await expect(page.getByRole('list', { name: 'History of the signal' })).toContainText('The signal was registered');
});
