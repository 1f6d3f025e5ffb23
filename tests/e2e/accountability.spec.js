// Published accountability: charts with captions, and tables that equal the API's numbers.
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, fetchJson, openIn, waitForApp } from './helpers.js';

const fmt = (v) => (v === null ? 'няма данни' : v.toFixed(2).replace('.', ','));
const pct = (part, whole) => (whole === 0 ? 'няма данни' : `${Math.round((100 * part) / whole)} %`);

test('the tables equal the API numbers, half-year by half-year', async ({ page }) => {
  await page.goto('/radomir/accountability');
  await waitForApp(page);
  const api = await fetchJson(page, '/api/v1/municipalities/radomir/accountability');
  expect(api.periods.length).toBeGreaterThanOrEqual(3);
  await expect(page.getByText('демонстрационна история')).toBeVisible();

  const satisfaction = page.locator('#satisfaction-table tbody tr');
  await expect(satisfaction).toHaveCount(api.periods.length);
  for (const [i, p] of api.periods.entries()) {
    const s = p.satisfaction;
    const cells = await satisfaction.nth(i).locator('td').allTextContents();
    expect(cells).toEqual([fmt(s.courtesy), fmt(s.clarity), fmt(s.deadlines), fmt(s.accessibility), fmt(s.overall), String(s.answers)]);
    const onTime = await page.locator('#on-time-table tbody tr').nth(i).locator('td').allTextContents();
    expect(onTime).toEqual([String(p.requests_completed), String(p.requests_on_time), pct(p.requests_on_time, p.requests_completed)]);
    const reports = await page.locator('#reports-table tbody tr').nth(i).locator('td').allTextContents();
    const r = p.reports;
    expect(reports).toEqual([
      String(r.complaint), String(r.signal), String(r.proposal), String(r.praise),
      String(p.reports_answered), pct(p.reports_answered_on_time, p.reports_answered),
    ]);
  }
  // Each chart is an image named by its caption, with one bar and one written value per period.
  const chart = page.getByRole('img', { name: 'Цялостна оценка по полугодия, средно от 1 до 5' });
  await expect(chart).toBeVisible();
  await expect(chart.locator('.g-chart__value')).toHaveCount(api.periods.length);
  const last = api.periods[api.periods.length - 1].satisfaction.overall;
  await expect(chart.locator('.g-chart__value').last()).toHaveText(fmt(last));
});

for (const lang of ['bg', 'en']) {
  test(`axe finds no violations on the accountability page (${lang})`, async ({ page }) => {
    await openIn(page, '/kostinbrod/accountability', lang);
    await expect(page.locator('#satisfaction-table')).toBeVisible();
    await expectNoAxeViolations(page, `accountability (${lang})`);
  });
}
