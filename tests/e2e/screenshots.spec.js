// Screenshots for people to look at (phone and desktop, both languages). Run with
// GISHE_SCREENSHOTS=1 cargo xtask test --e2e-only -- screenshots
import { test } from '@playwright/test';
import { openIn } from './helpers.js';

const SHOTS = ['/', '/radomir', '/radomir/charter', '/nova-zagora/charter', '/radomir/services', '/radomir/services?q=naslednici', '/accessibility', '/nowhere'];

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
