// Shared steps of the browser tests.
import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';

/** Every page of the app, in each demonstration municipality. */
export const PAGES = [
  '/', '/accessibility', '/no-such-municipality', '/radomir/no-such-page',
  ...['ruse', 'radomir', 'kostinbrod', 'nova-zagora'].flatMap((s) => [`/${s}`, `/${s}/charter`, `/${s}/services`, `/${s}/status`, `/${s}/report`, `/${s}/feedback`, `/${s}/accountability`]),
  '/privacy',
];

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

/** Files an application for the heirs certificate (Radomir, 2016) through the API; the receipt. */
export async function fileRequest(request, key = `e2e-${Date.now()}-${Math.random()}`) {
  const res = await request.post('/api/v1/municipalities/radomir/requests', {
    headers: { 'Idempotency-Key': key },
    data: {
      service: '2016',
      applicant: { kind: 'person', name: 'Мария Иванова', personal_number: '8032056031' },
      contact: { email: 'maria@example.bg' },
      answers: { 'deceased-name': 'Иван', 'date-of-death': '2025-01-01', 'last-address': 'Радомир', copies: 1 },
      tier: 'ordinary', delivery: { method: 'counter' }, consent: true,
    },
  });
  expect(res.status()).toBe(201);
  return res.json();
}

/** Records a staff event on a request or report, as the registry office does. */
export async function staffEvent(request, number, data) {
  const res = await request.post(`/api/v1/staff/requests/${number}/events`, {
    headers: { Authorization: `Bearer ${process.env.GISHE_STAFF_TOKEN}` },
    data,
  });
  expect(res.status()).toBe(201);
}

/**
 * Walks the heirs certificate application (Radomir, 2016) in Bulgarian from the applicant page
 * to "check your answers". `tier` picks the urgency; with `address` the result comes by post,
 * else at the counter; `shot(name)` is called where the screenshots are taken.
 */
export async function walkApplication(page, { tier = /^Обикновена/, address = null, shot = async () => {} } = {}) {
  const next = () => page.getByRole('button', { name: 'Продължете' }).click();
  await page.getByLabel('Физическо лице').check();
  await page.getByLabel('Име, презиме и фамилия').fill('Мария Иванова');
  await page.getByLabel('ЕГН или ЛНЧ').fill('8032056031');
  await next();
  await page.getByLabel('Електронна поща').fill('maria@example.bg');
  await next();
  await page.getByLabel('Име, презиме и фамилия на починалото лице').fill('Иван Иванов');
  await fillDate(page, 'Дата на смъртта', '1', '3', '2025');
  await page.getByLabel('Последен постоянен адрес на починалото лице').fill('гр. Радомир');
  await page.getByLabel('Брой екземпляри').fill('1');
  await shot('3-questions');
  await next();
  await page.getByLabel(tier).check();
  await shot('4-tier');
  await next();
  if (address) {
    await page.getByLabel('С лицензиран пощенски оператор на посочен от вас адрес').check();
    await page.getByLabel('Пощенски адрес').fill(address);
  } else {
    await page.getByLabel('На гишето в общината').check();
  }
  await shot('5-delivery');
  await next();
  await page.getByLabel(/^Съгласен съм/).check();
  await next();
}

/** Files a report through the API (a signal by default, in Ruse); the receipt. */
export async function fileReport(request, { slug = 'ruse', kind = 'signal', key = `e2e-report-${Date.now()}-${Math.random()}` } = {}) {
  const res = await request.post(`/api/v1/municipalities/${slug}/reports`, {
    headers: { 'Idempotency-Key': key },
    data: {
      kind, text: 'Разбита пейка в парка.', name: 'Мария Петрова', phone: '0888 123 456', consent: true,
    },
  });
  expect(res.status()).toBe(201);
  return res.json();
}

/** Switches the interface language with the header's button, as a citizen does. */
export async function switchLanguage(page) {
  await page.locator('.g-header__lang').click();
}

/** Counts the POSTs the page sends to paths matching `re`, from now on. */
export function countPosts(page, re) {
  const seen = { count: 0 };
  page.on('request', (r) => {
    if (r.method() === 'POST' && re.test(new URL(r.url()).pathname)) seen.count += 1;
  });
  return seen;
}

/** The focused element's tag and text, as a screen reader would announce it. */
export async function focused(page) {
  return page.evaluate(() => ({ tag: document.activeElement?.tagName.toLowerCase(), text: document.activeElement?.textContent.trim() }));
}

/** Types a date into the day / month / year fields of the question named `legend`. */
export async function fillDate(page, legend, day, month, year) {
  const inputs = page.getByRole('group', { name: legend }).getByRole('textbox');
  await inputs.nth(0).fill(day);
  await inputs.nth(1).fill(month);
  await inputs.nth(2).fill(year);
}

/**
 * Text at `percent` of its normal size for every page the context opens: the root font size
 * changed, as a browser's or the app's text-size setting changes it (WCAG 1.4.4 / 1.4.10).
 */
export async function useTextSize(context, percent) {
  await context.addInitScript((p) => {
    const apply = () => { document.documentElement.style.fontSize = `${p}%`; };
    if (document.documentElement) apply();
    document.addEventListener('DOMContentLoaded', apply);
  }, percent);
}

/** How far the page reaches past the viewport sideways, with the elements that stick out. */
export async function sidewaysOverflow(page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        if (r.width === 0 || r.right <= width + 0.5) return false;
        // Inside a scrolling region the overflow is the region's, not the page's.
        for (let p = e.parentElement; p; p = p.parentElement) {
          if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return false;
        }
        return true;
      })
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} (${Math.round(e.getBoundingClientRect().right)}px)`);
    return { overflow: root.scrollWidth - width, culprits };
  });
}

/** What sticks out at `where` when the page reaches past the viewport sideways, else null. */
export async function overflowProblem(page, where) {
  const { overflow, culprits } = await sidewaysOverflow(page);
  return overflow > 0 ? `${where}: ${overflow}px wider (${culprits.join(', ')})` : null;
}
