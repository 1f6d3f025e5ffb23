// Applying for a service: every step, check your answers, exactly-once submission, drafts.
import { test, expect } from '@playwright/test';
import {
  countPosts, expectNoAxeViolations, fetchJson, fileRequest, fillDate, focused, openIn, switchLanguage, waitForApp, walkApplication,
} from './helpers.js';

const HEIRS = '/radomir/services/2016';

async function continueTo(page, heading) {
  await page.getByRole('button', { name: /^(Продължете|Continue)$/ }).click();
  await expect(page.locator('h1')).toHaveText(heading);
}

/** Files a request through the API, to learn the next registry number without touching the database. */
async function nextRegistryNumber(request) {
  return (await fileRequest(request, `e2e-probe-${Date.now()}-${Math.random()}`)).registry_number;
}

function seq(number) {
  return Number(number.split('-').pop());
}

test('a whole application in Bulgarian, with axe on every step', async ({ page }) => {
  await page.goto(HEIRS);
  await waitForApp(page);
  await page.getByRole('link', { name: 'Започнете' }).click();
  await expect(page.locator('h1')).toHaveText('Кой подава заявлението?');
  await expect(page.locator('h1')).toBeFocused();
  await expectNoAxeViolations(page, 'applicant');
  await page.getByLabel('Физическо лице').check();
  await page.getByLabel('Име, презиме и фамилия').fill('Мария Иванова Петрова');
  await page.getByLabel('ЕГН или ЛНЧ').fill('8032056031');
  await continueTo(page, 'Как да се свържем с вас');
  await expectNoAxeViolations(page, 'contact');
  await page.getByLabel('Електронна поща').fill('maria@example.bg');
  await continueTo(page, 'Въпроси за услугата');
  await expectNoAxeViolations(page, 'questions');
  await page.getByLabel('Име, презиме и фамилия на починалото лице').fill('Иван Петров Иванов');
  await fillDate(page, 'Дата на смъртта', '1', '3', '2025');
  await page.getByLabel('Последен постоянен адрес на починалото лице').fill('гр. Радомир, ул. „Образцова“ 1');
  await page.getByLabel('Брой екземпляри').fill('2');
  await continueTo(page, 'Колко бързо ви е нужен резултатът?');
  await expectNoAxeViolations(page, 'tier');
  await expect(page.getByText('Обикновена – 3,00 €')).toBeVisible();
  await page.getByLabel(/^Бърза/).check();
  await continueTo(page, 'Как искате да получите резултата?');
  await expectNoAxeViolations(page, 'delivery');
  await page.getByLabel('С лицензиран пощенски оператор на посочен от вас адрес').check();
  await page.getByLabel('Пощенски адрес').fill('2400 Радомир, ул. „Първа“ 5');
  await continueTo(page, 'Съгласие за обработване на лични данни');
  await expectNoAxeViolations(page, 'consent');
  await page.getByLabel('Съгласен съм личните ми данни да бъдат обработвани за тази услуга').check();
  await continueTo(page, 'Проверете отговорите си');
  await expectNoAxeViolations(page, 'check');
  const summary = page.locator('dl.g-summary--check');
  await expect(summary).toContainText('Мария Иванова Петрова');
  await expect(summary).toContainText('Бърза – 6,00 €');
  // "Change" returns to the check page.
  await page.getByRole('link', { name: 'Промени Електронна поща' }).click();
  await expect(page.locator('h1')).toHaveText('Как да се свържем с вас');
  await page.getByLabel('Електронна поща').fill('maria.petrova@example.bg');
  await continueTo(page, 'Проверете отговорите си');
  await expect(summary).toContainText('maria.petrova@example.bg');

  const before = await nextRegistryNumber(page.request);
  await page.getByRole('button', { name: 'Изпратете заявлението' }).click();
  await expect(page.locator('h1')).toHaveText('Заявлението е подадено');
  const number = await page.locator('.g-panel__number').textContent();
  expect(number).toMatch(/^RDM-\d{4}-\d{6}$/);
  expect(seq(number)).toBe(seq(before) + 1);
  await expect(page.locator('.g-code')).toHaveText(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
  await expect(page).toHaveTitle('Заявлението е подадено – Община Радомир – Гише');
  await expectNoAxeViolations(page, 'confirmation');
  // The code is never in an address, and the draft is gone.
  expect(page.url()).not.toContain(await page.locator('.g-code').textContent());
  const draft = await page.evaluate(() => sessionStorage.getItem('gishe.draft.radomir.2016'));
  expect(draft).toBeNull();
});

test('a company applies in English for a sketch', async ({ page }) => {
  await openIn(page, '/radomir/services/2027/apply/applicant', 'en');
  await expect(page.locator('h1')).toHaveText('Who is applying?');
  await expectNoAxeViolations(page, 'applicant (en)');
  await page.getByLabel('A company or organisation').check();
  await page.getByLabel('Name of the company or organisation').fill('Example Ltd');
  await page.getByLabel('Company number (ЕИК or БУЛСТАТ)').fill('131071587');
  await page.getByLabel('Name of the representative').fill('Peter Petrov');
  await continueTo(page, 'How we can contact you');
  await expectNoAxeViolations(page, 'How we can contact you (en)');
  await page.getByLabel('Phone number').fill('0888 123 456');
  await continueTo(page, 'About the service');
  await expectNoAxeViolations(page, 'questions (en)');
  await page.getByLabel('Number of the property in the plan').fill('61813.501.123');
  await page.getByLabel('Address or locality of the property').fill('Radomir, 1 Main Street');
  await page.getByRole('group', { name: 'What you need the sketch for' }).getByRole('radio').first().check();
  await page.getByLabel('Number of copies').fill('1');
  await continueTo(page, 'How soon do you need the result?');
  await expectNoAxeViolations(page, 'tier (en)');
  await page.getByLabel(/^Ordinary/).check();
  await continueTo(page, 'How do you want to receive the result?');
  await expectNoAxeViolations(page, 'Receiving the result (en)');
  await page.getByLabel('By e-mail').check();
  await page.getByLabel('Email address to receive it').fill('office@example.bg');
  await continueTo(page, 'Consent to the processing of personal data');
  await expectNoAxeViolations(page, 'Consent to the processing of personal data (en)');
  await page.getByLabel('I agree to my personal data being processed for this service').check();
  await continueTo(page, 'Check your answers');
  await expectNoAxeViolations(page, 'check (en)');
  await page.getByRole('button', { name: 'Send the application' }).click();
  await expect(page.locator('h1')).toHaveText('Application submitted');
  await expect(page.locator('.g-panel__number')).toHaveText(/^RDM-\d{4}-\d{6}$/);
  await expectNoAxeViolations(page, 'confirmation (en)');
});

test('a wrong ЕГН: the error summary takes focus, links to the field, and the title says Грешка', async ({ page }) => {
  await page.goto(`${HEIRS}/apply/applicant`);
  await waitForApp(page);
  await page.getByLabel('Физическо лице').check();
  await page.getByLabel('Име, презиме и фамилия').fill('Мария Петрова');
  await page.getByLabel('ЕГН или ЛНЧ').fill('8032056032');
  await page.getByRole('button', { name: 'Продължете' }).click();
  const summary = page.locator('.g-error-summary');
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle('Грешка: Кой подава заявлението? – Община Радомир – Гише');
  const tree = await summary.ariaSnapshot();
  expect(tree).toContain('heading "Има проблем" [level=2]');
  expect(tree).toContain('link "Проверете ЕГН или ЛНЧ – някоя от цифрите е грешна"');
  // The field says it too, tied to the input, and the answer is kept.
  const input = page.getByLabel('ЕГН или ЛНЧ');
  await expect(input).toHaveValue('8032056032');
  await expect(input).toHaveAccessibleDescription(/Грешка: Проверете ЕГН или ЛНЧ – някоя от цифрите е грешна/);
  await summary.getByRole('link').click();
  await expect(input).toBeFocused();
  await expectNoAxeViolations(page, 'applicant with an error');
  await input.fill('8032056031');
  await continueTo(page, 'Как да се свържем с вас');
  await expect(page).toHaveTitle('Как да се свържем с вас – Община Радомир – Гише');
});

test('a reload in the middle restores the answers, with a notice and a way to start again', async ({ page }) => {
  await page.goto(`${HEIRS}/apply/applicant`);
  await waitForApp(page);
  await page.getByLabel('Физическо лице').check();
  await page.getByLabel('Име, презиме и фамилия').fill('Георги Димитров');
  await page.getByLabel('ЕГН или ЛНЧ').fill('0550290476');
  await continueTo(page, 'Как да се свържем с вас');
  await page.getByLabel('Електронна поща').fill('georgi@example.bg');
  await page.reload();
  await waitForApp(page);
  await expect(page.getByText('Възстановихме отговорите')).toBeVisible();
  await expect(page.getByLabel('Електронна поща')).toHaveValue('georgi@example.bg');
  await page.getByRole('link', { name: 'Назад' }).click();
  await expect(page.getByLabel('ЕГН или ЛНЧ')).toHaveValue('0550290476');
  // Drafts live in sessionStorage only: never in localStorage.
  const local = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('gishe.draft')));
  expect(local).toEqual([]);
  await page.getByRole('button', { name: 'Започнете отначало' }).click();
  await expect(page.getByLabel('Физическо лице')).not.toBeChecked();
});

test('offline at submit: the answers are kept, and the retry files exactly one request', async ({ page, context }) => {
  await page.goto(`${HEIRS}/apply/applicant`);
  await waitForApp(page);
  await page.getByLabel('Физическо лице').check();
  await page.getByLabel('Име, презиме и фамилия').fill('Елена Стоянова');
  await page.getByLabel('ЕГН или ЛНЧ').fill('8032056031');
  await continueTo(page, 'Как да се свържем с вас');
  await page.getByLabel('Телефон').fill('0888 123 456');
  await continueTo(page, 'Въпроси за услугата');
  await page.getByLabel('Име, презиме и фамилия на починалото лице').fill('Стоян Стоянов');
  await fillDate(page, 'Дата на смъртта', '24', '12', '2024');
  await page.getByLabel('Последен постоянен адрес на починалото лице').fill('гр. Радомир');
  await page.getByLabel('Брой екземпляри').fill('1');
  await continueTo(page, 'Колко бързо ви е нужен резултатът?');
  await page.getByLabel(/^Обикновена/).check();
  await continueTo(page, 'Как искате да получите резултата?');
  await page.getByLabel('На гишето в общината').check();
  await continueTo(page, 'Съгласие за обработване на лични данни');
  await page.getByLabel(/^Съгласен съм/).check();
  await continueTo(page, 'Проверете отговорите си');

  const before = await nextRegistryNumber(page.request);
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Изпратете заявлението' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Заявлението не беше изпратено');
  await expect(alert).toContainText('Отговорите ви са запазени');
  await expect(page.locator('dl.g-summary--check')).toContainText('Елена Стоянова');
  await context.setOffline(false);
  await page.getByRole('button', { name: 'Опитайте да изпратите отново' }).click();
  await expect(page.locator('h1')).toHaveText('Заявлението е подадено');
  const number = await page.locator('.g-panel__number').textContent();
  const after = await nextRegistryNumber(page.request);
  // Exactly one request between the two probes: this one.
  expect(seq(number)).toBe(seq(before) + 1);
  expect(seq(after)).toBe(seq(before) + 2);
});

test('the privacy notice names the data, the purpose, the legal basis, retention and rights', async ({ page }) => {
  for (const lang of ['bg', 'en']) {
    await openIn(page, '/privacy', lang);
    const tree = await page.locator('main').ariaSnapshot();
    for (const h of lang === 'bg'
      ? ['Какви данни събираме', 'Защо ги събираме', 'На какво основание', 'Колко дълго ги пазим', 'Вашите права']
      : ['What data we collect', 'Why we collect it', 'The legal basis', 'How long we keep it', 'Your rights']) {
      expect(tree).toContain(`heading "${h}" [level=2]`);
    }
    await expectNoAxeViolations(page, `/privacy (${lang})`);
  }
});

test('Back after sending leads to "already sent" with the number, never to an empty form; a new one is a choice', async ({ page }) => {
  await page.goto(`${HEIRS}/apply/applicant`);
  await waitForApp(page);
  await walkApplication(page);
  const posts = countPosts(page, /\/requests$/);
  await page.getByRole('button', { name: 'Изпратете заявлението' }).click();
  await expect(page.locator('h1')).toHaveText('Заявлението е подадено');
  const number = await page.locator('.g-panel__number').textContent();
  await page.goBack();
  await expect(page.locator('h1')).toHaveText('Заявлението вече е изпратено');
  await expect(page.locator('h1')).toBeFocused();
  await expect(page).toHaveTitle('Заявлението вече е изпратено – Община Радомир – Гише');
  await expect(page.locator('main')).toContainText(number);
  await expect(page.locator('.g-error-summary')).toHaveCount(0);
  await expect(page.getByText('Няма отговор')).toHaveCount(0);
  await expectNoAxeViolations(page, 'already sent (bg)');
  // Further back, on any step of that flow, the same.
  await page.goBack();
  await expect(page.locator('h1')).toHaveText('Заявлението вече е изпратено');
  await page.reload();
  await waitForApp(page);
  await expect(page.locator('h1')).toHaveText('Заявлението вече е изпратено');
  await page.getByRole('link', { name: 'Вижте потвърждението с кода за достъп' }).click();
  await expect(page.locator('h1')).toHaveText('Заявлението е подадено');
  await expect(page.locator('.g-panel__number')).toHaveText(number);
  await page.goBack();
  await page.getByRole('link', { name: 'Проверете докъде е стигнало заявлението' }).click();
  await expect(page.getByLabel('Входящ номер')).toHaveValue(number);
  await expect(page.getByLabel('Код за достъп')).not.toHaveValue('');
  await page.goBack();
  await page.getByRole('button', { name: 'Започнете ново заявление' }).click();
  await expect(page.locator('h1')).toBeFocused();
  await expect(page.getByLabel('Физическо лице')).not.toBeChecked();
  expect(posts.count).toBe(1);
});

test('in English: Back after sending says it was sent; the confirmation opened in a new tab explains where the number is', async ({ page, context }) => {
  await page.goto(`${HEIRS}/apply/applicant`);
  await waitForApp(page);
  await walkApplication(page);
  await switchLanguage(page);
  await expect(page.locator('h1')).toHaveText('Check your answers');
  const posts = countPosts(page, /\/requests$/);
  await page.getByRole('button', { name: 'Send the application' }).click();
  await expect(page.locator('h1')).toHaveText('Application submitted');
  const number = await page.locator('.g-panel__number').textContent();
  const confirmation = page.url();
  await page.goBack();
  await expect(page.locator('h1')).toHaveText('This application has already been sent');
  await expect(page.locator('main')).toContainText(number);
  await expect(page.getByRole('button', { name: 'Start a new application' })).toBeVisible();
  await expectNoAxeViolations(page, 'already sent (en)');
  expect(posts.count).toBe(1);

  // A new tab does not share this tab's storage: it explains where the number is.
  for (const [lang, title, where] of [
    ['bg', 'Няма подадено заявление', 'Къде да намерите входящия номер'],
    ['en', 'No application submitted', 'Where to find your registry number'],
  ]) {
    const tab = await context.newPage();
    await openIn(tab, new URL(confirmation).pathname, lang);
    await expect(tab.locator('h1')).toHaveText(title);
    await expect(tab.getByRole('heading', { level: 2, name: where })).toBeVisible();
    await expect(tab.getByRole('link', { name: lang === 'en' ? 'Check how far the application has got' : 'Проверете докъде е стигнало заявлението' })).toBeVisible();
    await expect(tab.locator('main')).not.toContainText(number);
    await expectNoAxeViolations(tab, `confirmation in a new tab (${lang})`);
    await tab.close();
  }
  // The tab that sent it still knows the number, even where this service's receipt is gone.
  await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('gishe.receipt')).forEach((k) => sessionStorage.removeItem(k)));
  await page.goto(confirmation);
  await waitForApp(page);
  await expect(page.locator('h1')).toHaveText('No application submitted');
  await expect(page.locator('main')).toContainText(number);
});

test('switching language keeps the problems on a step and translates them', async ({ page }) => {
  await page.goto(`${HEIRS}/apply/applicant`);
  await waitForApp(page);
  await page.getByLabel('Физическо лице').check();
  await page.getByLabel('Име, презиме и фамилия').fill('Мария Петрова');
  await page.getByLabel('ЕГН или ЛНЧ').fill('8032056032');
  await page.getByRole('button', { name: 'Продължете' }).click();
  const summary = page.getByRole('alert').filter({ has: page.locator('.g-error-summary__title') });
  await expect(summary).toContainText('Проверете ЕГН или ЛНЧ – някоя от цифрите е грешна');
  await switchLanguage(page);
  await expect(summary).toContainText('There is a problem');
  await expect(summary).not.toContainText('Проверете ЕГН');
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByLabel('Personal number (ЕГН or ЛНЧ)')).toHaveValue('8032056032');
  await switchLanguage(page);
  await expect(summary).toContainText('Проверете ЕГН или ЛНЧ – някоя от цифрите е грешна');
});

test('a question page asks its one question as the h1 inside the legend, in both languages', async ({ page }) => {
  for (const [lang, question, title] of [
    ['bg', 'Кой подава заявлението?', 'Кой подава заявлението? – Община Радомир – Гише'],
    ['en', 'Who is applying?', 'Who is applying? – Radomir Municipality – Gishe'],
  ]) {
    await openIn(page, `${HEIRS}/apply/applicant`, lang);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('fieldset > legend h1')).toHaveText(question);
    await expect(page.getByRole('group', { name: question })).toBeVisible();
    await expect(page).toHaveTitle(title);
    await expectNoAxeViolations(page, `applicant question (${lang})`);
  }
  // Continue with nothing chosen: the title says Error, the h1 stays the question.
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveTitle('Error: Who is applying? – Radomir Municipality – Gishe');
  await expect(page.locator('fieldset > legend h1')).toHaveText('Who is applying?');
});

test('a date is asked as day, month and year, with specific messages for a missing part, a day that does not exist and the future', async ({ page }) => {
  await page.goto(`${HEIRS}/apply/applicant`);
  await waitForApp(page);
  await page.getByLabel('Физическо лице').check();
  await page.getByLabel('Име, презиме и фамилия').fill('Мария Иванова');
  await page.getByLabel('ЕГН или ЛНЧ').fill('8032056031');
  await continueTo(page, 'Как да се свържем с вас');
  await page.getByLabel('Електронна поща').fill('maria@example.bg');
  await continueTo(page, 'Въпроси за услугата');
  const date = page.getByRole('group', { name: 'Дата на смъртта' });
  await expect(date).toHaveAccessibleDescription(/Например 14 3 2025/);
  for (const [label, width] of [['Ден', 2], ['Месец', 2], ['Година', 4]]) {
    const input = date.getByLabel(label);
    await expect(input).toHaveAttribute('inputmode', 'numeric');
    await expect(input).toHaveClass(new RegExp(`g-input--${width}`));
  }
  await page.getByLabel('Име, презиме и фамилия на починалото лице').fill('Иван Иванов');
  await page.getByLabel('Последен постоянен адрес на починалото лице').fill('гр. Радомир');
  await page.getByLabel('Брой екземпляри').fill('1');
  const summary = page.locator('.g-error-summary');
  const next = () => page.getByRole('button', { name: 'Продължете' }).click();

  await fillDate(page, 'Дата на смъртта', '31', '2', '2025');
  await next();
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('„Дата на смъртта“ трябва да е съществуваща дата – проверете деня и месеца');
  await expect(date.getByLabel('Ден')).toHaveValue('31');
  await expectNoAxeViolations(page, 'date that does not exist');

  await fillDate(page, 'Дата на смъртта', '3', '', '2025');
  await next();
  await expect(summary).toContainText('„Дата на смъртта“ трябва да съдържа месец');
  await summary.getByRole('link').click();
  await expect(date.getByLabel('Месец')).toBeFocused();

  await fillDate(page, 'Дата на смъртта', '1', '1', '2099');
  await next();
  await expect(summary).toContainText('„Дата на смъртта“ трябва да е днес или в миналото');
  await switchLanguage(page);
  await expect(summary).toContainText('“Date of death” must be today or in the past');
  await switchLanguage(page);

  await fillDate(page, 'Дата на смъртта', '29', '2', '2024');
  await continueTo(page, 'Колко бързо ви е нужен резултатът?');
  await page.getByLabel(/^Обикновена/).check();
  await continueTo(page, 'Как искате да получите резултата?');
  await page.getByLabel('На гишето в общината').check();
  await continueTo(page, 'Съгласие за обработване на лични данни');
  await page.getByLabel(/^Съгласен съм/).check();
  await continueTo(page, 'Проверете отговорите си');
  await expect(page.locator('dl.g-summary--check')).toContainText('29.02.2024 г.');
  // "Change" reads as an action, and names what it changes.
  await page.getByRole('link', { name: 'Промени Дата на смъртта' }).click();
  await expect(page.getByRole('group', { name: 'Дата на смъртта' }).getByLabel('Година')).toHaveValue('2024');
});

test('the access code sits in the confirmation panel with the number, with copy (announced) and print', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${HEIRS}/apply/applicant`);
  await waitForApp(page);
  await walkApplication(page);
  await page.getByRole('button', { name: 'Изпратете заявлението' }).click();
  const panel = page.locator('.g-panel');
  await expect(panel.locator('h1')).toHaveText('Заявлението е подадено');
  const number = await panel.locator('.g-panel__number').textContent();
  const code = await panel.locator('.g-code').textContent();
  expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
  await expect(panel.getByRole('button', { name: 'Отпечатване или запазване като PDF' })).toBeVisible();
  await panel.getByRole('button', { name: 'Копиране на входящия номер и кода за достъп' }).click();
  await expect(panel.getByRole('status')).toHaveText('Входящият номер и кодът за достъп са копирани.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(number);
  expect(copied).toContain(code);
  await expectNoAxeViolations(page, 'confirmation with copy (bg)');
  await switchLanguage(page);
  await expect(panel.getByRole('button', { name: 'Copy the registry number and the access code' })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Print or save as PDF' })).toBeVisible();
  await expectNoAxeViolations(page, 'confirmation with copy (en)');
});

test('Send on a check page with answers missing shows and focuses the problems again, and sends nothing', async ({ page }) => {
  await page.goto(`${HEIRS}/apply/check`);
  await waitForApp(page);
  const summary = page.locator('.g-error-summary');
  await expect(summary).toHaveAttribute('role', 'alert');
  const posts = countPosts(page, /\/requests$/);
  await page.getByRole('link', { name: 'Назад' }).focus();
  await page.getByRole('button', { name: 'Изпратете заявлението' }).click();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link').first()).toHaveAttribute('href', /\/apply\/applicant\?return=check$/);
  expect(posts.count).toBe(0);
});

test('a sent application reopened at its first step offers a new one, whose heading takes focus', async ({ page }) => {
  await page.goto(`${HEIRS}/apply/applicant`);
  await waitForApp(page);
  await walkApplication(page);
  await page.getByRole('button', { name: 'Изпратете заявлението' }).click();
  await expect(page.locator('h1')).toHaveText('Заявлението е подадено');
  await page.goto(`${HEIRS}/apply/applicant`);
  await waitForApp(page);
  await expect(page.locator('h1')).toHaveText('Заявлението вече е изпратено');
  await page.getByRole('button', { name: 'Започнете ново заявление' }).click();
  await expect(page.locator('h1')).toHaveText('Кой подава заявлението?');
  expect(await focused(page)).toEqual({ tag: 'h1', text: 'Кой подава заявлението?' });
  await expect(page.getByLabel('Физическо лице')).not.toBeChecked();
});
