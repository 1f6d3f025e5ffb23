// Reflow (WCAG 1.4.10) and text resize (1.4.4): no page scrolls sideways at 320 and 360 px,
// at normal text and at 200 % text; tables scroll inside a labelled, focusable region that
// shows it scrolls; the skip link gets a band of its own instead of covering the header.
import { test, expect } from '@playwright/test';
import { PAGES, openIn, overflowProblem, sidewaysOverflow, useTextSize, waitForApp, walkApplication } from './helpers.js';

// Every page, and the pages that are not in PAGES because they need a service or a step.
const REFLOW_PAGES = [
  ...PAGES,
  '/radomir/services/2016',
  '/radomir/services/2016/apply/applicant',
  '/kostinbrod/services',
];

// Both languages at the hardest setting (English words are shorter, its sentences longer).
const REFLOW_RUNS = [[100, 320, 'bg'], [100, 360, 'bg'], [200, 320, 'bg'], [200, 360, 'bg'], [200, 320, 'en']];

for (const [size, width, lang] of REFLOW_RUNS) {
  test(`no page scrolls sideways at ${width} px with ${size} % text (${lang})`, async ({ browser }) => {
    test.setTimeout(240_000);
    const context = await browser.newContext({ viewport: { width, height: 740 }, locale: 'bg-BG' });
    if (size !== 100) await useTextSize(context, size);
    await context.addInitScript((l) => window.localStorage.setItem('gishe.lang', l), lang);
    const page = await context.newPage();
    const failures = [];
    for (const path of REFLOW_PAGES) {
      await page.goto(path);
      await waitForApp(page);
      if (size !== 100) {
        expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe(`${16 * size / 100}px`);
      }
      const problem = await overflowProblem(page, path);
      if (problem) failures.push(problem);
    }
    expect(failures).toEqual([]);
    await context.close();
  });
}

for (const lang of ['bg', 'en']) {
  test(`a fee table too wide for a 320 px phone scrolls in a labelled, focusable region (${lang})`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 320, height: 740 } });
    await useTextSize(context, 200);
    const page = await context.newPage();
    await openIn(page, '/radomir/services/2016', lang);
    const caption = lang === 'bg' ? 'Сроковете и таксите според вида на услугата' : 'Deadlines and fees by type of service';
    const region = page.getByRole('region', { name: caption });
    await expect(region).toHaveCount(1);
    await expect(region.locator('table')).toHaveCount(1);
    // The region, not the page, scrolls: and a keyboard user can scroll it.
    const sizes = await region.evaluate((r) => ({ scroll: r.scrollWidth, client: r.clientWidth }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    expect((await sidewaysOverflow(page)).overflow).toBeLessThanOrEqual(0);
    await region.focus();
    await expect(region).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((r) => r.scrollLeft)).toBeGreaterThan(0);
    // It shows that it scrolls: shadows at the edges with more to see.
    const background = await region.evaluate((r) => getComputedStyle(r).backgroundImage);
    expect(background).toContain('gradient');
    await context.close();
  });

  test(`the accountability tables keep their column headers apart on a desktop (${lang})`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await openIn(page, '/radomir/accountability', lang);
    const tables = page.locator('.g-table-wrap table');
    expect(await tables.count()).toBeGreaterThanOrEqual(3);
    for (const table of await tables.all()) {
      const gaps = await table.evaluate((t) => {
        const texts = [...t.querySelectorAll('thead th')].map((th) => {
          const range = document.createRange();
          range.selectNodeContents(th);
          const rects = [...range.getClientRects()];
          return { left: Math.min(...rects.map((r) => r.left)), right: Math.max(...rects.map((r) => r.right)) };
        });
        return texts.slice(1).map((t, i) => t.left - texts[i].right);
      });
      for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(8);
      // A table wider than the column scrolls in its region, named by its caption.
      const wrap = table.locator('xpath=..');
      await expect(wrap).toHaveAttribute('role', 'region');
      await expect(wrap).toHaveAttribute('tabindex', '0');
      const caption = await table.locator('caption').innerText();
      await expect(page.getByRole('region', { name: caption })).toHaveCount(1);
    }
    await context.close();
  });

  test(`the focused skip link has a band of its own above the header on a phone (${lang})`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await openIn(page, '/radomir', lang);
    const brand = page.locator('.g-header__brand');
    const before = await brand.boundingBox();
    await page.keyboard.press('Tab');
    const skip = page.locator('a.g-skip-link');
    await expect(skip).toBeFocused();
    await expect(skip).toHaveText(lang === 'bg' ? 'Към основното съдържание' : 'Skip to main content');
    const band = await skip.boundingBox();
    const after = await brand.boundingBox();
    const language = await page.locator('.g-header__lang').boundingBox();
    // The header moved down below the band: a tap on the brand or the language switch
    // cannot land on the skip link.
    expect(after.y).toBeGreaterThan(before.y);
    expect(after.y).toBeGreaterThanOrEqual(band.y + band.height);
    expect(language.y).toBeGreaterThanOrEqual(band.y + band.height);
    expect(band.width).toBeGreaterThanOrEqual(300);
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    await context.close();
  });
}

test('the application flow, its confirmation and "already sent" fit a 320 px phone at 200 % text', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ viewport: { width: 320, height: 740 }, locale: 'bg-BG' });
  await useTextSize(context, 200);
  const page = await context.newPage();
  const failures = [];
  const check = async (where) => {
    const problem = await overflowProblem(page, where);
    if (problem) failures.push(problem);
  };
  await openIn(page, '/radomir/services/2016/apply/applicant', 'bg');
  await walkApplication(page, { shot: async (name) => check(name) });
  await page.locator('dl.g-summary--check').waitFor();
  await check('check answers');
  await page.getByRole('button', { name: 'Изпратете заявлението' }).click();
  await page.locator('.g-panel').waitFor();
  await check('confirmation');
  await page.goBack();
  await expect(page.locator('.g-sent-number')).toBeVisible();
  await check('already sent');
  expect(failures).toEqual([]);
  await context.close();
});
