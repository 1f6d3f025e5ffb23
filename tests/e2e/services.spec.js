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
    for (const path of ['/ruse/services', `/ruse/services?category=${all.categories[0].id}`, `/ruse/services?q=${encodeURIComponent('разрешение за куче')}`, `/ruse/services/${all.services[0].code}`, `/ruse/services/${all.services[all.services.length - 1].code}`]) {
      await openIn(page, path, lang);
      await expectNoAxeViolations(page, `${path} (${lang})`);
    }
    await context.close();
  });
}

// Search that finds what people type, the way out when it finds nothing, and category pills
// (issue 9, items 2 and 3). Each runs in both languages.
const TEXT = {
  bg: {
    locale: 'bg-BG', box: 'Търсене на услуга', none: 'Няма намерени услуги', nearest: 'Може би търсите',
    browse: 'Разгледайте услугите по категории', phone: 'Не намирате услугата? Обадете се на гишето:',
    all: 'Всички услуги', categories: 'Категории',
    // Plural, two swapped letters, a synonym the name does not hold, and words in another order.
    queries: [['удостоверения за наследници', '2016'], ['търпимсот', '2084'], ['адресна регистрация', '2128'], ['имот скица', '2027']],
    nothing: 'разрешение за куче',
  },
  en: {
    locale: 'en-GB', box: 'Search for a service', none: 'No services found', nearest: 'Perhaps you are looking for',
    browse: 'Browse the services by category', phone: 'Cannot find the service? Call the counter:',
    all: 'All services', categories: 'Categories',
    queries: [['certificates of heirs', '2016'], ['inheritence', '2016'], ['address registration', '1997'], ['heirs certificate', '2016']],
    nothing: 'permit for a dog',
  },
};

/** Opens the catalogue of a municipality in a language, as a citizen arrives at it. */
async function openCatalogue(browser, lang, slug = 'radomir', viewport = undefined) {
  const context = await browser.newContext({ locale: TEXT[lang].locale, ...(viewport ? { viewport } : {}) });
  const page = await context.newPage();
  await openIn(page, `/${slug}/services`, lang);
  return { context, page };
}

/** Types into the search box key by key, as a citizen does. */
async function typeSearch(page, lang, text) {
  const box = page.getByRole('searchbox', { name: TEXT[lang].box });
  await box.fill('');
  await box.pressSequentially(text, { delay: 20 });
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  await expect(page.locator('.g-loading')).toHaveCount(0);
  return box;
}

for (const lang of ['bg', 'en']) {
  const t = TEXT[lang];

  test(`plural, typo, synonym and reordered searches find the service in the first three (${lang})`, async ({ browser }) => {
    const { context, page } = await openCatalogue(browser, lang);
    for (const [query, code] of t.queries) {
      await typeSearch(page, lang, query);
      await expect(page.locator(`.g-result:nth-child(-n+3) a[href="/radomir/services/${code}"]`), `${query} → ${code}`).toHaveCount(1);
    }
    await context.close();
  });

  test(`a search that finds nothing offers the nearest services, every category and the counter's phone (${lang})`, async ({ browser }) => {
    const { context, page } = await openCatalogue(browser, lang);
    const all = await fetchJson(page, `/api/v1/municipalities/radomir/services?lang=${lang}`);
    const profile = await fetchJson(page, `/api/v1/municipalities/radomir?lang=${lang}`);
    await typeSearch(page, lang, t.nothing);
    await expect(page.getByRole('status').filter({ hasText: t.none })).toHaveText(t.none);
    const none = page.locator('.g-results-none');
    await expect(none.getByRole('heading', { name: t.nearest })).toBeVisible();
    await expect(none.locator('.g-result').first()).toBeVisible();
    await expect(none.getByRole('heading', { name: t.browse })).toBeVisible();
    for (const c of all.categories) {
      await expect(none.getByRole('link', { name: c.name.runs.map((r) => r.text).join('') })).toBeVisible();
    }
    await expect(none.getByText(t.phone)).toBeVisible();
    const phone = none.locator('a[href^="tel:"]').first();
    // Radomir publishes its departments' phones only: the counter's (registry office) is first.
    const phones = profile.phones.length ? profile.phones : profile.departments.flatMap((d) => d.phones);
    await expect(phone).toHaveText(phones.find((p) => p.kind === 'phone').display);
    // Tapping a category leaves the dead end for that category's services.
    const category = all.categories[2];
    await none.getByRole('link', { name: category.name.runs.map((r) => r.text).join('') }).click();
    await expect(page).toHaveURL(new RegExp(`/radomir/services\\?category=${category.id}$`));
    await expect(page.locator('.g-result')).toHaveCount(all.services.filter((s) => s.category === category.id).length);
    await expectNoAxeViolations(page, `after nothing found (${lang})`);
    await context.close();
  });

  test(`only the chosen category pill is current, and it looks different (${lang})`, async ({ browser }) => {
    const { context, page } = await openCatalogue(browser, lang);
    const all = await fetchJson(page, `/api/v1/municipalities/radomir/services?lang=${lang}`);
    const nav = page.getByRole('navigation', { name: t.categories });
    const current = nav.locator('[aria-current]');
    await expect(current).toHaveCount(1);
    await expect(current).toHaveText(t.all);
    const category = all.categories[1];
    const name = category.name.runs.map((r) => r.text).join('');
    await nav.getByRole('link', { name }).click();
    await expect(page).toHaveURL(new RegExp(`category=${category.id}$`));
    await expect(current).toHaveCount(1);
    await expect(current).toHaveText(name);
    await expect(current).toHaveAttribute('aria-current', 'page');
    const look = (el) => {
      const s = getComputedStyle(el);
      const tick = getComputedStyle(el, '::before');
      return { background: s.backgroundColor, weight: s.fontWeight, tick: tick.content !== 'none' && tick.borderRightWidth !== '0px' };
    };
    const chosen = await current.evaluate(look);
    const other = await nav.getByRole('link', { name: t.all }).evaluate(look);
    expect(chosen.background).not.toBe(other.background);
    // Not only by colour: bold and ticked.
    expect(Number(chosen.weight)).toBeGreaterThan(Number(other.weight));
    expect(chosen.tick).toBe(true);
    expect(other.tick).toBe(false);
    await context.close();
  });

  test(`on a phone, tapping a category or typing brings the results into view and keeps focus (${lang})`, async ({ browser }) => {
    const { context, page } = await openCatalogue(browser, lang, 'radomir', { width: 360, height: 740 });
    const all = await fetchJson(page, `/api/v1/municipalities/radomir/services?lang=${lang}`);
    const nav = page.getByRole('navigation', { name: t.categories });
    const category = all.categories[3];
    const pill = nav.getByRole('link', { name: category.name.runs.map((r) => r.text).join('') });
    // Below the fold before: the header, the search box and the pills come first.
    await expect(page.locator('.g-result').first()).not.toBeInViewport();
    await pill.click();
    await expect(page).toHaveURL(new RegExp(`category=${category.id}$`));
    await expect(page.locator('.g-result')).toHaveCount(all.services.filter((s) => s.category === category.id).length);
    await expect(page.locator('.g-result').first()).toBeInViewport();
    await expect(pill).toBeFocused();
    // Typing: the box keeps focus while the results come into view under it.
    await page.evaluate(() => window.scrollTo(0, 0));
    await nav.getByRole('link', { name: t.all }).click();
    const box = await typeSearch(page, lang, lang === 'bg' ? 'скица' : 'sketch');
    await expect(page.locator('.g-result').first()).toBeInViewport();
    await expect(box).toBeFocused();
    await expectNoAxeViolations(page, `catalogue on a phone (${lang})`);
    await context.close();
  });
}
