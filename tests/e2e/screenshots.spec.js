// Screenshots for people to look at (phone and desktop, both languages). Run with
// GISHE_SCREENSHOTS=1 cargo xtask test --e2e-only -- screenshots
import { test } from '@playwright/test';
import { openIn, walkApplication } from './helpers.js';

const SHOTS = ['/', '/radomir', '/radomir/charter', '/nova-zagora/charter', '/radomir/services', '/radomir/services?q=naslednici', '/radomir/status', '/radomir/report', '/radomir/feedback', '/radomir/accountability', '/privacy', '/accessibility', '/nowhere'];

test.skip(!process.env.GISHE_SCREENSHOTS, 'screenshots only on request');

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
