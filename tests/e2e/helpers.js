// Shared steps of the browser tests.
import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Fails with the rule ids and the offending elements when axe finds any violation. */
export async function expectNoAxeViolations(page, label) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** Waits until the app has replaced the static skeleton and finished loading. */
export async function waitForApp(page) {
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('.g-loading')).toHaveCount(0);
}

/** Opens a path in a language, choosing it through the app's own storage key. */
export async function openIn(page, path, lang) {
  await page.addInitScript((l) => window.localStorage.setItem('gishe.lang', l), lang);
  await page.goto(path);
  await waitForApp(page);
}

export async function fetchJson(page, path) {
  const res = await page.request.get(path);
  expect(res.ok()).toBeTruthy();
  return res.json();
}
