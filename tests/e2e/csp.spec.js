// The Content-Security-Policy holds the whole app: no page, step or language switch makes the
// browser report a violation.
import { test, expect } from '@playwright/test';
import { PAGES, waitForApp } from './helpers.js';

/** Collects the page's CSP violation reports (and the console's) from the first script on. */
async function watchViolations(page) {
  const seen = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) seen.push(msg.text());
  });
  await page.exposeFunction('reportCspViolation', (v) => seen.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  return seen;
}

test('no CSP violation on any page, in either language', async ({ page }) => {
  test.setTimeout(240_000);
  const seen = await watchViolations(page);
  for (const path of [...PAGES, '/radomir/services/2016', '/radomir/services/2016/apply/applicant']) {
    const res = await page.goto(path);
    const csp = res.headers()['content-security-policy'] ?? '';
    expect(csp, path).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
    await waitForApp(page);
    await page.getByRole('button', { name: /English|Български/ }).first().click();
    await waitForApp(page);
    expect(seen, `CSP violations on ${path}`).toEqual([]);
  }
});

test('an inline script that is not the loader is refused', async ({ page }) => {
  const seen = await watchViolations(page);
  await page.goto('/radomir');
  await waitForApp(page);
  // What an injection would try: the policy must stop it, and the browser must say so.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.injected = true;';
    document.body.append(s);
  });
  await expect.poll(() => seen.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.injected)).toBeUndefined();
});
