// Finding a service: search as you type, browse by category without typing, the start page.
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, fetchJson, openIn, waitForApp } from './helpers.js';

test('search as you type announces the count and keeps the search in the address', async ({ page }) => {
  await page.goto('/radomir/services');
  await waitForApp(page);
  const all = await fetchJson(page, '/api/v1/municipalities/radomir/services?lang=bg');
  const status = page.getByRole('status').filter({ hasText: /услуг/ });
  await expect(status).toHaveText(`Намерени са ${all.services.length} услуги`);
  const box = page.getByRole('searchbox', { name: 'Търсене на услуга' });
  await box.pressSequentially('naslednici', { delay: 30 });
  const found = await fetchJson(page, '/api/v1/municipalities/radomir/services?lang=bg&q=naslednici');
  await expect(page.locator('.g-result')).toHaveCount(found.services.length);
  await expect(page).toHaveURL(/\/radomir\/services\?q=naslednici$/);
  await expect(status).toHaveText(found.services.length === 1 ? 'Намерена е 1 услуга' : `Намерени са ${found.services.length} услуги`);
  await expect(page.locator('.g-result').first()).toContainText('наследници');
  // Nothing found: said plainly, with what to do.
  await box.fill('zzzqqq');
  await expect(status).toHaveText('Няма намерени услуги');
  await expect(page.getByText('Проверете как е изписана думата')).toBeVisible();
});

test('browsing by category works without typing', async ({ page }) => {
  await page.goto('/kostinbrod/services');
  await waitForApp(page);
  const all = await fetchJson(page, '/api/v1/municipalities/kostinbrod/services?lang=bg');
  const category = all.categories[1];
  const nav = page.getByRole('navigation', { name: 'Категории' });
  await nav.getByRole('link', { name: category.name.runs[0].text }).click();
  await expect(page).toHaveURL(new RegExp(`category=${category.id}$`));
  const expected = all.services.filter((s) => s.category === category.id);
  await expect(page.locator('.g-result')).toHaveCount(expected.length);
  await expect(nav.getByRole('link', { name: category.name.runs[0].text })).toHaveAttribute('aria-current', 'page');
  await nav.getByRole('link', { name: 'Всички услуги' }).click();
  await expect(page.locator('.g-result')).toHaveCount(all.services.length);
});

test('the start page shows each tier with its deadline and fee in euro', async ({ page }) => {
  await page.goto('/radomir');
  await waitForApp(page);
  await page.getByRole('link', { name: 'Намерете административна услуга' }).click();
  await expect(page.locator('h1')).toHaveText('Административни услуги');
  await expect(page.locator('h1')).toBeFocused();
  const first = page.locator('.g-result').first().getByRole('link');
  const name = await first.textContent();
  await first.click();
  await expect(page.locator('h1')).toHaveText(name);
  await expect(page).toHaveTitle(`${name} – Община Радомир – Гише`);
  const code = page.url().split('/').pop();
  const s = await fetchJson(page, `/api/v1/municipalities/radomir/services/${code}?lang=bg`);
  const rows = page.getByRole('table').locator('tbody tr');
  await expect(rows).toHaveCount(s.tiers.length);
  for (const [i, t] of s.tiers.entries()) {
    const euros = (t.fee / 100).toFixed(2).replace('.', ',');
    await expect(rows.nth(i).locator('td').last()).toHaveText(`${euros}\u00a0€`);
  }
  await expect(page.getByRole('heading', { name: 'Необходими документи' })).toBeVisible();
  await page.getByRole('link', { name: 'Обратно към всички услуги' }).click();
  await expect(page.locator('h1')).toHaveText('Административни услуги');
});

test('an unknown service code shows the not-found page', async ({ page }) => {
  await page.goto('/radomir/services/9999999');
  await waitForApp(page);
  await expect(page.locator('h1')).toHaveText('Страницата не е намерена');
});

for (const lang of ['bg', 'en']) {
  test(`axe finds no violations on the catalogue and a start page (${lang})`, async ({ browser }) => {
    const context = await browser.newContext({ locale: lang === 'bg' ? 'bg-BG' : 'en-GB' });
    const page = await context.newPage();
    const all = await (await page.request.get('/api/v1/municipalities/ruse/services')).json();
    for (const path of ['/ruse/services', `/ruse/services?category=${all.categories[0].id}`, `/ruse/services/${all.services[0].code}`, `/ruse/services/${all.services[all.services.length - 1].code}`]) {
      await openIn(page, path, lang);
      await expectNoAxeViolations(page, `${path} (${lang})`);
    }
    await context.close();
  });
}
