// Administration: company details, posting periods (status, lock with
// confirmation, next fiscal year), exchange rates, G/L account
// determination; each change survives a reload. Screenshots in de and en.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, waitForApp, screenshot } from '../lib/app.mjs';
import { createCompany } from '../lib/company.mjs';

const COMPANY = 'Admin Muster GmbH';
let app;
let page;

before(async () => {
  app = await startApp();
  page = await app.page();
});
after(async () => { await app?.close(); });

async function go(path, selector) {
  await page.goto(app.url + path);
  await waitForApp(page);
  await page.waitForSelector(selector, { timeout: 20000 });
}

const text = (selector) => page.locator(selector).first().textContent();

test('without a company, admin screens point to the start page', async () => {
  await go('/admin/periods', '[data-testid="no-company"]');
  assert.equal(await page.locator('[data-testid="no-company"] a').getAttribute('href'), '/');
  await screenshot(page, 'admin-no-company-de');
  await createCompany(page, app.url, { name: COMPANY, chart: 'skr03', year: '2026' });
});

test('company details: edited and saved, a malformed VAT ID refused, fixed settings read-only, rename', async () => {
  await go('/admin/company', '[data-testid="company-settings"]');
  assert.equal(await page.inputValue('[data-testid="details-name"]'), COMPANY);
  assert.equal(await page.inputValue('[data-testid="details-vat-id"]'), 'DE123456788');
  assert.equal(await text('[data-fact="lc"]'), 'EUR');
  assert.equal(await text('[data-fact="years"]'), '2026');
  // A malformed VAT ID is marked as typed and refused on save; nothing stored.
  await page.fill('[data-testid="details-vat-id"]', 'DE12345');
  await page.waitForSelector('[data-testid="details-form"] .field-error');
  await page.click('[data-testid="save-details"]');
  assert.match(await text('[data-testid="details-form"] [data-testid="error"]'), /USt-IdNr\. hat nicht das Format/);
  // An empty name is the engine's refusal, named by its field.
  await page.fill('[data-testid="details-vat-id"]', 'de 987 654 328');
  await page.fill('[data-testid="details-name"]', '   ');
  await page.press('[data-testid="details-tax-number"]', 'Enter');
  await page.waitForFunction(() => /Firmenname/.test(document.querySelector('[data-testid="details-form"] [data-testid="error"]')?.textContent ?? ''));
  // A move: new address and tax number; Enter saves; survives a reload.
  await page.fill('[data-testid="details-name"]', COMPANY);
  await page.fill('[data-testid="details-address"]', 'Hafenstraße 7\n20457 Hamburg');
  await page.fill('[data-testid="details-tax-number"]', '22/815/00042');
  await page.press('[data-testid="details-tax-number"]', 'Enter');
  assert.equal(await text('[data-testid="details-saved"]'), 'Firmendaten gespeichert.');
  await page.reload();
  await waitForApp(page);
  await page.waitForSelector('[data-testid="details-form"]');
  assert.equal(await page.inputValue('[data-testid="details-address"]'), 'Hafenstraße 7\n20457 Hamburg');
  assert.equal(await page.inputValue('[data-testid="details-tax-number"]'), '22/815/00042');
  assert.equal(await page.inputValue('[data-testid="details-vat-id"]'), 'DE987654328');
  assert.match(await text('[data-fact="chart"]'), /SKR03/);
  assert.match(await text('[data-testid="what-can-change"]'), /endgültig/);
  await screenshot(page, 'admin-company-de');
  await page.fill('#company-list-name', 'Admin Muster GmbH & Co. KG');
  await page.press('#company-list-name', 'Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="status-company"]')?.textContent === 'Admin Muster GmbH & Co. KG');
  await page.fill('#company-list-name', COMPANY);
  await page.click('[data-testid="rename-company"]');
  await page.waitForFunction((n) => document.querySelector('[data-testid="status-company"]')?.textContent === n, COMPANY);
});

test('a period status change persists after reload', async () => {
  await go('/admin/periods', '[data-testid="period-status-2026-2"]');
  assert.equal(await page.locator('section[data-fiscal-year="2026"] tbody tr').count(), 12);
  await page.selectOption('[data-testid="period-status-2026-2"]', 'closing');
  await page.waitForSelector('tr[data-period="2026-2"][data-status="closing"]');
  await page.reload();
  await waitForApp(page);
  await page.waitForSelector('tr[data-period="2026-2"][data-status="closing"]');
  assert.equal(await page.inputValue('[data-testid="period-status-2026-2"]'), 'closing');
  assert.equal(await page.inputValue('[data-testid="period-status-2026-3"]'), 'unlocked');
});

test('locking a period asks first, then marks it locked for good', async () => {
  await go('/admin/periods', '[data-testid="period-status-2026-1"]');
  await page.selectOption('[data-testid="period-status-2026-1"]', 'locked');
  await page.waitForSelector('[data-testid="confirm-lock"]');
  // Cancel keeps the period open.
  await page.click('tr[data-period="2026-1"] .lock-confirm button:not(.danger)');
  assert.equal(await page.locator('[data-testid="confirm-lock"]').count(), 0);
  assert.equal(await page.inputValue('[data-testid="period-status-2026-1"]'), 'unlocked');
  await page.selectOption('[data-testid="period-status-2026-1"]', 'locked');
  await page.waitForSelector('[data-testid="confirm-lock"]');
  await screenshot(page, 'admin-periods-confirm-de');
  await page.click('[data-testid="confirm-lock"]');
  await page.waitForSelector('tr[data-period="2026-1"][data-status="locked"]');
  assert.equal(await text('tr[data-period="2026-1"] .status-badge'), 'gesperrt (endgültig)');
  assert.equal(await page.locator('[data-testid="period-status-2026-1"]').count(), 0);
  await page.reload();
  await waitForApp(page);
  await page.waitForSelector('tr[data-period="2026-1"][data-status="locked"]');
});

test('the next fiscal year opens with twelve unlocked periods', async () => {
  await go('/admin/periods', '[data-testid="open-next-year"]');
  assert.match(await text('[data-testid="open-next-year"]'), /2027/);
  await page.click('[data-testid="open-next-year"]');
  await page.waitForSelector('section[data-fiscal-year="2027"]');
  assert.equal(await page.locator('section[data-fiscal-year="2027"] tr[data-status="unlocked"]').count(), 12);
  await page.waitForFunction(() => /2028/.test(document.querySelector('[data-testid="open-next-year"]')?.textContent ?? ''));
  await screenshot(page, 'admin-periods-de');
});

test('exchange rates are entered and listed newest first; a bad rate is explained', async () => {
  await go('/admin/currencies', '[data-testid="rate-form"]');
  assert.equal(await text('[data-testid="lc"]'), 'EUR');
  await page.selectOption('#rate-currency', 'USD');
  await page.fill('#rate-date', '02.01.2026');
  await page.fill('#rate-value', '1,0956');
  await page.press('#rate-value', 'Enter');
  await page.waitForSelector('[data-testid="rate-history"] tr[data-date="2026-01-02"]');
  assert.match(await text('[data-testid="rate-saved"]'), /1 EUR = 1,0956 USD ab 02\.01\.2026/);
  await page.fill('#rate-date', '05.01.2026');
  await page.fill('#rate-value', '1,0837');
  await page.click('[data-testid="save-rate"]');
  await page.waitForSelector('[data-testid="rate-history"] tr[data-date="2026-01-05"]');
  const dates = await page.locator('[data-testid="rate-history"] tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.date));
  assert.deepEqual(dates, ['2026-01-05', '2026-01-02']);
  assert.match(await text('tr[data-currency="USD"]'), /1,0837/);
  await page.fill('#rate-value', '1,08x');
  await page.press('#rate-value', 'Enter');
  await page.waitForSelector('[data-testid="rate-form"] [data-testid="error"]');
  assert.match(await text('[data-testid="rate-form"] [data-testid="error"]'), /kein gültiger Kurs/);
  await page.fill('#rate-value', '1,0837');
  await page.reload();
  await waitForApp(page);
  await page.waitForSelector('[data-testid="rate-history"] tr[data-date="2026-01-05"]');
  await screenshot(page, 'admin-currencies-de');
});

test('a determination account is changed by searching its name', async () => {
  await go('/admin/determination', '[data-testid="det-input-bank_fees"]');
  assert.match(await text('[data-testid="det-current-bank_fees"]'), /4970/);
  await page.fill('[data-testid="det-input-bank_fees"]', 'bürobe');
  await page.waitForSelector('tr[data-key="bank_fees"] .suggestions li');
  assert.match(await text('tr[data-key="bank_fees"] .suggestions li'), /4930/);
  await screenshot(page, 'admin-determination-search-de');
  await page.press('[data-testid="det-input-bank_fees"]', 'Enter');
  await page.waitForFunction(() => /4930/.test(document.querySelector('[data-testid="det-current-bank_fees"]')?.textContent ?? ''));
  assert.match(await text('[data-testid="determination-saved"]'), /Bankgebühren → 4930/);
  // A number that is not in the chart is refused with the engine's reason.
  await page.fill('[data-testid="det-input-rounding"]', '9999');
  await page.press('[data-testid="det-input-rounding"]', 'Escape');
  await page.press('[data-testid="det-input-rounding"]', 'Enter');
  await page.waitForSelector('[data-testid="error"]');
  assert.match(await text('[data-testid="error"]'), /9999/);
  await page.reload();
  await waitForApp(page);
  await page.waitForSelector('[data-testid="det-current-bank_fees"]');
  assert.match(await text('[data-testid="det-current-bank_fees"]'), /4930 Bürobedarf/);
  await screenshot(page, 'admin-determination-de');
});

test('every admin screen in English', async () => {
  await go('/admin/company', '[data-testid="company-settings"]');
  await page.click('[data-testid="lang-switch"]');
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Company details');
  await screenshot(page, 'admin-company-en');
  await go('/admin/periods', 'section[data-fiscal-year="2027"]');
  assert.equal(await text('tr[data-period="2026-1"] .status-badge'), 'locked (final)');
  await screenshot(page, 'admin-periods-en');
  await go('/admin/currencies', '[data-testid="rate-history"]');
  assert.match(await text('tr[data-currency="USD"]'), /1\.0837/);
  await screenshot(page, 'admin-currencies-en');
  await go('/admin/determination', '[data-testid="det-current-bank_fees"]');
  assert.match(await text('[data-testid="det-current-bank_fees"]'), /4930 Office supplies/);
  await screenshot(page, 'admin-determination-en');
  assert.deepEqual(page.errors, []);
});
