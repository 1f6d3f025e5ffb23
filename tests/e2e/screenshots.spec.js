// Screenshots for people to look at (phone and desktop, both languages). Run with
// GISHE_SCREENSHOTS=1 cargo xtask test --e2e-only -- screenshots
import { test } from '@playwright/test';
import { openIn } from './helpers.js';

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
    await page.getByLabel('Име, презиме и фамилия').fill('Мария Иванова');
    await page.getByLabel('ЕГН или ЛНЧ').fill('8032056031');
    await page.getByRole('button', { name: 'Продължете' }).click();
    await page.getByLabel('Електронна поща').fill('maria@example.bg');
    await page.getByRole('button', { name: 'Продължете' }).click();
    await page.getByLabel('Име, презиме и фамилия на починалото лице').fill('Иван Иванов');
    await page.getByLabel('Дата на смъртта').fill('2025-03-01');
    await page.getByLabel('Последен постоянен адрес на починалото лице').fill('гр. Радомир');
    await page.getByLabel('Брой екземпляри').fill('1');
    await shot('3-questions');
    await page.getByRole('button', { name: 'Продължете' }).click();
    await page.getByLabel(/^Бърза/).check();
    await shot('4-tier');
    await page.getByRole('button', { name: 'Продължете' }).click();
    await page.getByLabel('С лицензиран пощенски оператор на посочен от вас адрес').check();
    await page.getByLabel('Пощенски адрес').fill('2400 Радомир, ул. „Първа“ 5');
    await shot('5-delivery');
    await page.getByRole('button', { name: 'Продължете' }).click();
    await page.getByLabel(/^Съгласен съм/).check();
    await page.getByRole('button', { name: 'Продължете' }).click();
    await page.locator('dl.g-summary--check').waitFor();
    await shot('6-check');
    await page.getByRole('button', { name: 'Изпратете заявлението' }).click();
    await page.locator('.g-panel').waitFor();
    await shot('7-confirmation');
    await context.close();
  }
});
