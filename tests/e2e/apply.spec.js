// Applying for a service: every step, check your answers, exactly-once submission, drafts.
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, fetchJson, fileRequest, openIn, waitForApp } from './helpers.js';

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
  await expect(page.locator('h1')).toHaveText('Данни за заявителя');
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
  await page.getByLabel('Дата на смъртта').fill('2025-03-01');
  await page.getByLabel('Последен постоянен адрес на починалото лице').fill('гр. Радомир, ул. „Образцова“ 1');
  await page.getByLabel('Брой екземпляри').fill('2');
  await continueTo(page, 'Вид на услугата');
  await expectNoAxeViolations(page, 'tier');
  await expect(page.getByText('Обикновена – 3,00 €')).toBeVisible();
  await page.getByLabel(/^Бърза/).check();
  await continueTo(page, 'Получаване на резултата');
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
  await page.getByRole('link', { name: 'Промяна Електронна поща' }).click();
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
  await expect(page.locator('h1')).toHaveText('About the applicant');
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
  await continueTo(page, 'Type of service');
  await expectNoAxeViolations(page, 'Type of service (en)');
  await page.getByLabel(/^Ordinary/).check();
  await continueTo(page, 'Receiving the result');
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
  await expect(page).toHaveTitle('Грешка: Данни за заявителя – Община Радомир – Гише');
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
  await page.getByLabel('Дата на смъртта').fill('2024-12-24');
  await page.getByLabel('Последен постоянен адрес на починалото лице').fill('гр. Радомир');
  await page.getByLabel('Брой екземпляри').fill('1');
  await continueTo(page, 'Вид на услугата');
  await page.getByLabel(/^Обикновена/).check();
  await continueTo(page, 'Получаване на резултата');
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
