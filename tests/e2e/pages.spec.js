// Every page: accessibility checks in both languages, layout at phone width, not-found.
import { test, expect } from '@playwright/test';
import { PAGES, expectNoAxeViolations, openIn, waitForApp } from './helpers.js';


for (const lang of ['bg', 'en']) {
  for (const path of PAGES) {
    test(`axe finds no WCAG 2.2 AA violations on ${path} (${lang})`, async ({ browser }) => {
      const context = await browser.newContext({ locale: lang === 'bg' ? 'bg-BG' : 'en-GB' });
      const page = await context.newPage();
      await openIn(page, path, lang);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expectNoAxeViolations(page, `${path} (${lang})`);
      await context.close();
    });
  }
}

test('every page has one h1, the landmarks and a skip link', async ({ page }) => {
  test.setTimeout(120_000);
  for (const path of PAGES) {
    await page.goto(path);
    await waitForApp(page);
    await expect(page.locator('h1'), path).toHaveCount(1);
    await expect(page.getByRole('banner'), path).toHaveCount(1);
    await expect(page.getByRole('main'), path).toHaveCount(1);
    await expect(page.getByRole('contentinfo'), path).toHaveCount(1);
    await expect(page.locator('a.g-skip-link[href="#main"]'), path).toHaveCount(1);
    await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Декларация за достъпност' }), path).toBeVisible();
  }
});

test('an unknown municipality shows the not-found page with links onward', async ({ page }) => {
  await page.goto('/no-such-municipality');
  await waitForApp(page);
  await expect(page.locator('h1')).toHaveText('Страницата не е намерена');
  await expect(page).toHaveTitle('Страницата не е намерена – Гише');
  await expect(page.getByRole('main').getByRole('link', { name: 'Изберете община' })).toHaveAttribute('href', '/');
  await page.goto('/radomir/charter/extra/segments');
  await waitForApp(page);
  await expect(page.locator('h1')).toHaveText('Страницата не е намерена');
});

test('the accessibility statement gives the status, feedback contacts and enforcement', async ({ page }) => {
  await page.goto('/kostinbrod');
  await waitForApp(page);
  await page.getByRole('contentinfo').getByRole('link', { name: 'Декларация за достъпност' }).click();
  await expect(page.locator('h1')).toHaveText('Декларация за достъпност');
  await expect(page.locator('h1')).toBeFocused();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'Състояние на съответствие' })).toBeVisible();
  await expect(main.getByRole('heading', { name: 'Процедура по прилагане' })).toBeVisible();
  // The remembered municipality's contacts are the feedback mechanism.
  await expect(main.getByRole('link', { name: 'obshtina@kbrod.net' })).toHaveAttribute('href', 'mailto:obshtina@kbrod.net');
});

test('the API answers unknown slugs with a problem document', async ({ request }) => {
  const res = await request.get('/api/v1/municipalities/atlantis');
  expect(res.status()).toBe(404);
  expect(res.headers()['content-type']).toContain('application/problem+json');
  expect((await res.json()).code).toBe('municipality-not-found');
});

test('the statement says so plainly when a municipality has published no contacts', async ({ page }) => {
  await page.goto('/nova-zagora');
  await waitForApp(page);
  await page.goto('/accessibility');
  await waitForApp(page);
  await expect(page.getByRole('main')).toContainText('все още не е публикувала тук телефон');
  await page.goto('/radomir');
  await waitForApp(page);
  await page.goto('/accessibility');
  await waitForApp(page);
  await expect(page.getByRole('main')).not.toContainText('все още не е публикувала тук телефон');
  await expect(page.getByRole('main').getByRole('link', { name: '0777 80 381' })).toBeVisible();
});
