// The foundation flow: choose a municipality, read its Client Charter in both languages.
import { test, expect } from '@playwright/test';
import { fetchJson, openIn, waitForApp } from './helpers.js';

test('choosing a municipality leads to its home and its charter, in Bulgarian', async ({ page }) => {
  await page.goto('/');
  await waitForApp(page);
  await expect(page.locator('h1')).toHaveText('Изберете своята община');
  await expect(page).toHaveTitle('Изберете своята община – Гише');
  await page.getByRole('link', { name: 'Община Радомир' }).click();
  await expect(page.locator('h1')).toHaveText('Община Радомир');
  await expect(page).toHaveTitle('Община Радомир – Гише');
  // Focus moves to the new page's heading so a screen reader announces it.
  await expect(page.locator('h1')).toBeFocused();
  // Published contacts, with tap-to-call links; what is not published says so.
  const phone = page.getByRole('link', { name: '0777 80 381' }).first();
  await expect(phone).toHaveAttribute('href', 'tel:+35977780381');
  await expect(page.getByText('Не е публикувано').first()).toBeVisible();

  await page.getByRole('link', { name: 'Прочетете Хартата на клиента' }).click();
  await expect(page.locator('h1')).toHaveText('Харта на клиента');
  await expect(page).toHaveTitle('Харта на клиента – Община Радомир – Гише');
  await expect(page.locator('h1')).toBeFocused();
  await expect(page.getByRole('heading', { level: 2, name: /^II\. СТАНДАРТИ ЗА ИЗВЪРШВАНЕ/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'bg');
});

test('the charter in English marks untranslated Bulgarian text with lang="bg"', async ({ page }) => {
  await openIn(page, '/radomir/charter', 'en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('h1')).toHaveText('Client Charter');
  await expect(page).toHaveTitle('Client Charter – Radomir Municipality – Gishe');
  const api = await fetchJson(page, '/api/v1/municipalities/radomir/charter?lang=en');
  // Every section heading shows the text the API gives, and Bulgarian fallbacks say so.
  const headings = page.locator('section.g-charter-section > h2');
  await expect(headings).toHaveCount(api.sections.length);
  for (const [i, s] of api.sections.entries()) {
    const text = s.title.runs.map((r) => r.text).join('');
    await expect(headings.nth(i)).toContainText(text);
    const fallback = headings.nth(i).locator('[lang="bg"]');
    await expect(fallback).toHaveCount(s.title.lang === 'bg' ? 1 : 0);
  }
  const items = api.sections.flatMap((s) => [...s.blocks, ...s.subsections.flatMap((u) => u.blocks)])
    .filter((b) => b.type === 'list').flatMap((b) => b.items);
  const bgItems = items.filter((i) => i.lang === 'bg').length;
  await expect(page.locator('main li[lang="bg"]')).toHaveCount(bgItems);
});

test('the language choice survives a reload and is named in its own language', async ({ page }) => {
  await page.goto('/kostinbrod');
  await waitForApp(page);
  const toEnglish = page.getByRole('button', { name: 'English' });
  await expect(toEnglish).toHaveAttribute('lang', 'en');
  await toEnglish.click();
  await expect(page.locator('h1')).toHaveText('Kostinbrod Municipality');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await waitForApp(page);
  await expect(page.locator('h1')).toHaveText('Kostinbrod Municipality');
  const toBulgarian = page.getByRole('button', { name: 'Български' });
  await expect(toBulgarian).toHaveAttribute('lang', 'bg');
  await toBulgarian.click();
  await expect(page.locator('h1')).toHaveText('Община Костинброд');
});

test('the charter outline is one h1, then a heading per section and subsection', async ({ page }) => {
  await page.goto('/radomir/charter');
  await waitForApp(page);
  const api = await fetchJson(page, '/api/v1/municipalities/radomir/charter?lang=bg');
  const snapshot = await page.locator('main').ariaSnapshot();
  const headings = snapshot.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('- heading'));
  const expected = ['- heading "Харта на клиента" [level=1]', '- heading "Съдържание" [level=2]'];
  for (const s of api.sections) {
    const title = s.title.runs.map((r) => r.text).join('');
    expected.push(`- heading "${s.numeral ? `${s.numeral}. ` : ''}${title}" [level=2]`);
    for (const u of s.subsections) {
      const t = u.title.runs.map((r) => r.text).join('');
      expected.push(`- heading "${u.number ? `${u.number}. ` : ''}${t}" [level=3]`);
    }
  }
  expect(headings).toEqual(expected);
  // The table of contents links every section, and each link lands on its section.
  const toc = page.getByRole('navigation', { name: 'Съдържание' });
  await expect(toc.locator(':scope > ol > li > a')).toHaveCount(api.sections.length);
  const last = api.sections[api.sections.length - 1];
  await toc.locator(`a[href="#${last.id}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/radomir/charter#${last.id}$`));
  await expect(page.locator(`#${last.id}`)).toBeInViewport();
  // Keyboard and screen-reader focus follow the link to the section's heading.
  await expect(page.locator(`#${last.id}-heading`)).toBeFocused();
});

test('a section link opened directly shows the charter at that section', async ({ page }) => {
  await page.goto('/ruse/charter#iv');
  await waitForApp(page);
  await expect(page.locator('#iv h2')).toContainText('IV.');
  await expect(page.locator('#iv')).toBeInViewport();
});

test('the skip link is the first Tab stop and moves focus to main', async ({ page }) => {
  await page.goto('/radomir/charter');
  await waitForApp(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Към основното съдържание' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  // The next Tab stop is inside main, not back in the header.
  await page.keyboard.press('Tab');
  const inMain = await page.evaluate(() => document.querySelector('main').contains(document.activeElement));
  expect(inMain).toBe(true);
});

test('the remembered municipality is offered first on the choice page', async ({ page }) => {
  await page.goto('/nova-zagora');
  await waitForApp(page);
  await page.goto('/');
  await waitForApp(page);
  const first = page.locator('.g-choice-list__item').first();
  await expect(first).toContainText('Община Нова Загора');
  await expect(first).toContainText('Последно избрана');
});

test('demo mode says so on every page', async ({ page }) => {
  for (const path of ['/', '/ruse', '/ruse/charter', '/accessibility']) {
    await page.goto(path);
    await waitForApp(page);
    await expect(page.getByRole('banner')).toContainText('Това е демонстрационна версия');
  }
});

test('when the network fails the page says so, and Try again recovers', async ({ page, context }) => {
  await page.goto('/radomir');
  await waitForApp(page);
  await context.setOffline(true);
  await page.getByRole('link', { name: 'Прочетете Хартата на клиента' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Няма връзка със сървъра');
  await context.setOffline(false);
  await alert.getByRole('button', { name: 'Опитайте отново' }).click();
  await expect(page.getByRole('navigation', { name: 'Съдържание' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the printed charter leaves out the contents and the interface controls', async ({ page }) => {
  await page.goto('/radomir/charter');
  await waitForApp(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Съдържание' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'English' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: /^IV\./ })).toBeVisible();
});
