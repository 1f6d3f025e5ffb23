// Being heard: reports with the law's anonymity rules, tracked like requests; satisfaction feedback.
import { test, expect } from '@playwright/test';
import {
  countPosts, expectNoAxeViolations, focused, openIn, staffEvent, switchLanguage, waitForApp,
} from './helpers.js';

test('a signal needs a name and a way to reply; then it is filed and tracked like a request', async ({ page }) => {
  await page.goto('/ruse/report');
  await waitForApp(page);
  await expect(page.locator('h1')).toHaveText('Жалби, сигнали, предложения и похвали');
  await expectNoAxeViolations(page, 'report (bg)');
  await page.getByLabel('Сигнал').check();
  await page.getByLabel('Опишете какво се случи').fill('Разбита пейка в парка пред общината.');
  await expect(page.locator('#report-text-count')).toHaveText('Остават 4964 знака');
  await page.getByRole('button', { name: 'Изпратете' }).click();
  const summary = page.locator('.g-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('За сигнал или предложение въведете име и фамилия');
  await expect(summary).toContainText('Посочете електронна поща, телефон или адрес');
  await page.getByLabel('Име и фамилия').fill('Мария Петрова');
  await page.getByLabel('Телефон').fill('0888 123 456');
  await page.getByLabel('Съгласен съм данните ми да бъдат обработени, за да получа отговор').check();
  await page.getByRole('button', { name: 'Изпратете' }).click();
  await expect(page.locator('h1')).toHaveText('Изпратено');
  const number = await page.locator('.g-panel__number').textContent();
  expect(number).toMatch(/^RSE-\d{4}-\d{6}$/);
  await expect(page.getByText('законовия срок от два месеца')).toBeVisible();
  await expectNoAxeViolations(page, 'report sent (bg)');
  await page.getByRole('link', { name: 'Проверете какво става с подаденото' }).click();
  await expect(page.getByLabel('Код за достъп')).not.toHaveValue('');
  await page.getByRole('button', { name: 'Проверете' }).click();
  await expect(page.locator('.g-status-result')).toContainText('Заведено');
  // Staff take it up through the API; the citizen sees it on the same page.
  await staffEvent(page.request, number, { kind: 'note', note: 'Екип е изпратен да поправи пейката.' });
  await page.getByRole('button', { name: 'Проверете' }).click();
  await expect(page.locator('.g-timeline__note')).toHaveText('Екип е изпратен да поправи пейката.');
  const timeline = await page.getByRole('list', { name: 'История на сигнала' }).ariaSnapshot();
  expect(timeline).toContain('Сигналът е заведен');
  expect(timeline).toContain('Бележка от общината');
  expect(timeline).toContain('Екип е изпратен да поправи пейката.');
});

test('anonymous praise is accepted and says plainly that there is no personal reply', async ({ page }) => {
  await openIn(page, '/radomir/report', 'en');
  await page.getByLabel('Praise').check();
  await page.getByLabel('Describe what happened').fill('The registry office was quick and kind.');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.locator('h1')).toHaveText('Sent');
  await expect(page.getByText('you get no personal reply')).toBeVisible();
  await expectNoAxeViolations(page, 'report sent (en)');
});

test('feedback: radios 1–5 with words, each question required, then thanks', async ({ page }) => {
  await page.goto('/kostinbrod/feedback');
  await waitForApp(page);
  await expectNoAxeViolations(page, 'feedback (bg)');
  const groups = page.getByRole('group');
  await expect(groups.filter({ hasText: 'Любезност на служителите' }).getByRole('radio')).toHaveCount(5);
  await expect(page.getByLabel('5 – отлично').first()).toBeVisible();
  await page.getByRole('group', { name: 'Любезност на служителите' }).getByLabel('5 – отлично').check();
  await page.getByRole('button', { name: 'Изпратете оценката' }).click();
  await expect(page.locator('.g-error-summary')).toBeFocused();
  await expect(page.locator('.g-error-summary li')).toHaveCount(4);
  for (const q of ['Яснота на информацията', 'Спазване на сроковете', 'Достъпност на услугите', 'Цялостна оценка']) {
    await page.getByRole('group', { name: q }).getByLabel('4 – добро').check();
  }
  await page.getByLabel('Коментар (по желание)').fill('Повече информация на английски.');
  await page.getByRole('button', { name: 'Изпратете оценката' }).click();
  await expect(page.locator('h1')).toHaveText('Оценката е изпратена');
  await expect(page.locator('h1')).toBeFocused();
  await expect(page.getByText('Благодарим ви')).toBeVisible();
});

test('axe finds no violations on the feedback page in English', async ({ page }) => {
  await openIn(page, '/kostinbrod/feedback', 'en');
  await expect(page.locator('h1')).toHaveText('Rate the service');
  await expectNoAxeViolations(page, 'feedback (en)');
});

test('sent: the "Sent" heading takes focus, survives a reload, and a new report is a choice (bg)', async ({ page }) => {
  await page.goto('/radomir/report');
  await waitForApp(page);
  const posts = countPosts(page, /\/reports$/);
  await page.getByLabel('Похвала').check();
  await page.getByLabel('Опишете какво се случи').fill('Служителката на гишето беше много любезна.');
  await page.getByRole('button', { name: 'Изпратете' }).click();
  await expect(page.locator('h1')).toHaveText('Изпратено');
  expect(await focused(page)).toEqual({ tag: 'h1', text: 'Изпратено' });
  const number = await page.locator('.g-panel__number').textContent();
  await page.reload();
  await waitForApp(page);
  await expect(page.locator('h1')).toHaveText('Изпратено');
  await expect(page.locator('.g-panel__number')).toHaveText(number);
  await page.getByRole('button', { name: 'Напишете нова жалба, сигнал, предложение или похвала' }).click();
  await expect(page.locator('h1')).toHaveText('Жалби, сигнали, предложения и похвали');
  await expect(page.locator('h1')).toBeFocused();
  await expect(page.getByLabel('Похвала')).not.toBeChecked();
  await expect(page.getByLabel('Опишете какво се случи')).toHaveValue('');
  expect(posts.count).toBe(1);
});

test('sent in English: focus on "Sent"; feedback thanks take focus too', async ({ page }) => {
  await openIn(page, '/radomir/report', 'en');
  await page.getByLabel('Complaint').check();
  await page.getByLabel('Describe what happened').fill('The queue was long.');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.locator('h1')).toHaveText('Sent');
  expect(await focused(page)).toEqual({ tag: 'h1', text: 'Sent' });
  await page.goto('/radomir/feedback');
  await waitForApp(page);
  for (const q of ['Courtesy of staff', 'Clarity of information', 'Keeping deadlines', 'Accessibility of services', 'Overall']) {
    await page.getByRole('group', { name: q }).getByRole('radio').nth(3).check();
  }
  const posts = countPosts(page, /\/feedback$/);
  await page.getByRole('button', { name: 'Send the rating' }).click();
  await expect(page.locator('h1')).toHaveText('Rating sent');
  expect(await focused(page)).toEqual({ tag: 'h1', text: 'Rating sent' });
  await expectNoAxeViolations(page, 'feedback sent (en)');
  // A reload does not offer the same survey again to be sent twice.
  await page.reload();
  await waitForApp(page);
  await expect(page.locator('h1')).toHaveText('Rating sent');
  expect(posts.count).toBe(1);
});

test('the error summary is an alert, and switching language keeps and translates it', async ({ page }) => {
  await page.goto('/ruse/report');
  await waitForApp(page);
  await page.getByRole('button', { name: 'Изпратете' }).click();
  const summary = page.locator('.g-error-summary');
  await expect(summary).toHaveAttribute('role', 'alert');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Изберете какво искате да подадете');
  await switchLanguage(page);
  await expect(page.locator('h1')).toHaveText('Complaints, signals, proposals and praise');
  await expect(summary).toContainText('Choose what you want to send');
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.locator('#report-kind-error')).toContainText('Choose what you want to send');
  await switchLanguage(page);
  await expect(summary).toContainText('Изберете какво искате да подадете');
});
