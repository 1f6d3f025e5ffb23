// Screenshots for people to look at (phone and desktop, both languages). Run with
// GISHE_SCREENSHOTS=1 cargo xtask test --e2e-only -- screenshots
// GISHE_SCREENSHOTS=docs writes the review set kept in the repository (docs/screenshots/):
// the pages issue 9 changed, at 320, 360 and 1280 px and at 360 px with 200 % text.
import { test } from '@playwright/test';
import { fetchJson, fileReport, openIn, useTextSize, walkApplication } from './helpers.js';

const SHOTS = ['/', '/radomir', '/radomir/charter', '/nova-zagora/charter', '/radomir/services', '/radomir/services?q=naslednici', '/radomir/status', '/radomir/report', '/radomir/feedback', '/radomir/accountability', '/privacy', '/accessibility', '/nowhere'];

test.skip(!process.env.GISHE_SCREENSHOTS, 'screenshots only on request');

const DOCS_VARIANTS = [
  ['320', { width: 320, height: 740 }, 100],
  ['360', { width: 360, height: 740 }, 100],
  ['1280', { width: 1280, height: 800 }, 100],
  ['360-text200', { width: 360, height: 740 }, 200],
];

test('screenshots of the changed pages, kept in docs/screenshots', async ({ browser }) => {
  test.skip(process.env.GISHE_SCREENSHOTS !== 'docs', 'the review set only on request');
  test.setTimeout(600_000);
  for (const [variant, viewport, size] of DOCS_VARIANTS) {
    for (const lang of variant === '360' ? ['bg', 'en'] : ['bg']) {
      const context = await browser.newContext({ viewport });
      if (size !== 100) await useTextSize(context, size);
      const page = await context.newPage();
      const shot = async (name, focus) => {
        if (focus) await page.locator(focus).first().scrollIntoViewIfNeeded();
        await page.screenshot({ path: `docs/screenshots/${name}-${lang}-${variant}.png` });
      };
      const catalogue = await fetchJson(page, '/api/v1/municipalities/radomir/services');
      await openIn(page, `/radomir/services?category=${catalogue.categories[1].id}`, lang);
      await shot('catalogue-category', '.g-filter');
      await openIn(page, `/radomir/services?q=${encodeURIComponent(lang === 'bg' ? 'адресна регистрация' : 'address registration')}`, lang);
      await shot('catalogue-synonym', '#results-title');
      await openIn(page, `/radomir/services?q=${encodeURIComponent(lang === 'bg' ? 'разрешение за риболов' : 'fishing permit')}`, lang);
      await shot('catalogue-nothing-found', '.g-results-none');
      await openIn(page, '/radomir/services/2016', lang);
      await shot('service-fee-table', '.g-table-wrap');
      await openIn(page, '/radomir/accountability', lang);
      await shot('accountability-table', '.g-table-wrap');
      await openIn(page, '/radomir', lang);
      await page.keyboard.press('Tab');
      await shot('skip-link-focused');
      await openIn(page, '/radomir/services/2016/apply/applicant', lang);
      await shot('question-as-h1');
      await openIn(page, '/ruse/report', lang);
      await page.locator('form button[type="submit"]').last().click();
      await page.locator('.g-error-summary').waitFor();
      await shot('report-errors');
      const signal = await fileReport(page.request, { slug: 'ruse', kind: 'signal' });
      await openIn(page, '/ruse/status', lang);
      const en = lang === 'en';
      await page.getByLabel(en ? 'Registry number' : 'Входящ номер').fill(signal.registry_number);
      await page.getByLabel(en ? 'Access code' : 'Код за достъп').fill(signal.access_code);
      await page.getByRole('button', { name: en ? 'Check' : 'Проверете' }).click();
      await page.locator('.g-status-result').waitFor();
      await shot('signal-status', '.g-status-result');
      if (lang === 'bg') {
        await openIn(page, '/radomir/services/2016/apply/applicant', lang);
        await walkApplication(page);
        await page.locator('dl.g-summary--check').waitFor();
        await shot('check-answers', 'dl.g-summary--check');
        await page.getByRole('button', { name: 'Изпратете заявлението' }).click();
        await page.locator('.g-panel').waitFor();
        await shot('application-confirmation', '.g-panel__number');
        await page.goBack();
        await page.locator('h1').waitFor();
        await shot('application-back-after-sending', '.g-sent-number');
      }
      await context.close();
    }
  }
});

test('screenshots of every page', async ({ browser }) => {
  for (const [device, viewport] of [['phone', { width: 360, height: 740 }], ['desktop', { width: 1280, height: 800 }]]) {
    for (const lang of ['bg', 'en']) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      for (const path of SHOTS) {
        await openIn(page, path, lang);
        const name = path === '/' ? 'choose' : path.slice(1).replaceAll(/[/?=]/g, '_');
        await page.screenshot({ path: `tests/e2e/screenshots/${device}-${lang}-${name}.png`, fullPage: true });
      }
      await context.close();
    }
  }
});

test('screenshots of the application flow', async ({ browser }) => {
  for (const [device, viewport] of [['phone', { width: 360, height: 740 }], ['desktop', { width: 1280, height: 800 }]]) {
    const context = await browser.newContext({ viewport, locale: 'bg-BG' });
    const page = await context.newPage();
    const shot = (name) => page.screenshot({ path: `tests/e2e/screenshots/${device}-bg-flow-${name}.png`, fullPage: true });
    await openIn(page, '/radomir/services/2016', 'bg');
    await shot('1-start');
    await page.getByRole('link', { name: 'Започнете' }).click();
    await page.getByLabel('Физическо лице').check();
    await page.getByLabel('ЕГН или ЛНЧ').fill('123');
    await page.getByRole('button', { name: 'Продължете' }).click();
    await page.locator('.g-error-summary').waitFor();
    await shot('2-applicant-error');
    await walkApplication(page, { tier: /^Бърза/, address: '2400 Радомир, ул. „Първа“ 5', shot });
    await page.locator('dl.g-summary--check').waitFor();
    await shot('6-check');
    await page.getByRole('button', { name: 'Изпратете заявлението' }).click();
    await page.locator('.g-panel').waitFor();
    await shot('7-confirmation');
    await context.close();
  }
});
