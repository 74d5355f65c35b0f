// Business-partner master data (issue 13): payment terms "14 Tage 2 %
// Skonto, 30 Tage netto" created on the terms page, a customer and a vendor
// with those terms, an IBAN with a wrong check digit and a VAT ID in the
// wrong format refused with their sentences next to the field (nothing
// stored), the customer edited and the change in its history, and a CSV
// import with one bad row refused (its line shown, nothing imported) and
// the fixed file imported. Screenshots of list, form and terms page in
// German and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, waitForApp, screenshot } from '../lib/app.mjs';
import { createCompany } from '../lib/company.mjs';

let app;
let page;
before(async () => {
  app = await startApp();
  page = await app.page();
});
after(async () => { await app?.close(); });

async function setLang(page, lang) {
  const current = await page.evaluate(() => document.documentElement.lang);
  if (current !== lang) {
    await page.keyboard.press('Alt+L');
    const other = lang === 'de' ? 'EN' : 'DE';
    await page.waitForFunction(([l, o]) => document.documentElement.lang === l
      && document.querySelector('[data-testid="lang-switch"]')?.textContent === o, [lang, other]);
  }
}

/** Screenshots of the current screen in German and English, back in German. */
async function shots(page, name) {
  await setLang(page, 'de');
  await screenshot(page, `${name}-de`);
  await setLang(page, 'en');
  await screenshot(page, `${name}-en`);
  await setLang(page, 'de');
}

async function go(page, path) {
  await page.goto(app.url + path);
  await waitForApp(page);
}

const tid = (id) => `[data-testid="${id}"]`;

/** Partner codes in the list, in order. */
async function listedCodes(page) {
  return page.$$eval('[data-testid="partner-list"] tbody tr', (rows) => rows.map((r) => r.dataset.code));
}

test('payment terms "14 Tage 2 % Skonto, 30 Tage netto" are created on the terms page', async () => {
  await createCompany(page, app.url, { name: 'Partner GmbH', chart: 'skr03', year: '2026' });
  await setLang(page, 'de');
  await go(page, '/master-data');
  await page.click('a[href="/master-data/payment-terms"]');
  await page.waitForSelector(tid('terms-form'));
  await page.fill(tid('terms-code'), 'S14N30');
  await page.fill(tid('terms-name-de'), '14 Tage 2 % Skonto, 30 Tage netto');
  await page.fill(tid('terms-name-en'), '14 days 2 % discount, 30 days net');
  await page.fill(tid('terms-days'), '30');
  await page.fill(tid('discount-days-1'), '14');
  await page.fill(tid('discount-percent-1'), '2');
  await page.click(tid('terms-save'));
  await page.waitForSelector('[data-testid="payment-terms"] tr[data-code="S14N30"]');
  const row = await page.textContent('[data-testid="payment-terms"] tr[data-code="S14N30"]');
  assert.match(row, /14 Tage 2 % Skonto, 30 Tage netto/);
  assert.match(row, /30 Tage netto · 14 Tage 2 %/);
  await shots(page, 'partners-terms');
});

test('a customer with terms and bank account; a wrong IBAN check digit and a malformed VAT ID are refused at their fields', async () => {
  await go(page, '/master-data/partners');
  await page.waitForSelector(tid('partner-search'));
  // Alt+A opens an empty form with the first customer code proposed.
  await page.keyboard.press('Alt+A');
  await page.waitForSelector(tid('partner-form'));
  assert.equal(await page.inputValue(tid('partner-code')), '10000');
  await page.fill(tid('partner-name'), 'Bäckerei Sonnenschein');
  await page.fill(tid('partner-street'), 'Marktstraße');
  await page.fill(tid('partner-house'), '5');
  await page.fill(tid('partner-postcode'), '10115');
  await page.fill(tid('partner-town'), 'Berlin');
  await page.selectOption(tid('partner-terms'), 'S14N30');
  await page.click(tid('add-bank'));
  await page.fill(tid('bank-iban'), 'DE45 5001 0517 5407 3249 31');
  await page.fill(tid('partner-credit'), '5000');
  await page.click(tid('partner-save'));
  const iban = await page.waitForSelector(tid('error-bank'));
  assert.match(await iban.textContent(), /Bankverbindung 1: die IBAN ist ungültig \(Prüfziffer oder Länge stimmt nicht\)/);
  await shots(page, 'partners-form-refused');

  await page.fill(tid('bank-iban'), 'DE44 5001 0517 5407 3249 31');
  await page.fill(tid('partner-vat-id'), 'DE12345');
  await page.click(tid('partner-save'));
  await page.waitForFunction(() => /USt-IdNr\. hat nicht das Format von DE/.test(
    document.querySelector('[data-testid="error-vatid"]')?.textContent ?? ''));
  assert.equal(await page.$(tid('error-bank')), null, 'the IBAN error is gone');

  // Nothing was stored by the refusals.
  await go(page, '/master-data/partners');
  await page.waitForSelector(tid('partner-search'));
  assert.deepEqual(await listedCodes(page), []);

  await page.click(tid('partner-new'));
  await page.waitForSelector(tid('partner-form'));
  await page.fill(tid('partner-name'), 'Bäckerei Sonnenschein');
  await page.fill(tid('partner-town'), 'Berlin');
  await page.selectOption(tid('partner-terms'), 'S14N30');
  await page.click(tid('add-bank'));
  await page.fill(tid('bank-iban'), 'DE44 5001 0517 5407 3249 31');
  await page.fill(tid('partner-credit'), '5000');
  await page.click(tid('partner-save'));
  await page.waitForFunction(() => document.querySelector('[data-testid="partner-title"]')?.textContent === '10000 Bäckerei Sonnenschein');
  assert.match(await page.textContent(tid('partner-created')), /Angelegt von kontor/);
  assert.equal(await page.inputValue(tid('bank-iban')), 'DE44500105175407324931');
  await shots(page, 'partners-form');
});

test('a vendor with the same terms gets the first vendor code', async () => {
  await go(page, '/master-data/partners/new');
  await page.waitForSelector(tid('partner-form'));
  await page.selectOption(tid('partner-kind'), 'vendor');
  await page.waitForFunction(() => document.querySelector('[data-testid="partner-code"]')?.value === '70000');
  await page.fill(tid('partner-name'), 'Mühle Korn AG');
  await page.fill(tid('partner-town'), 'Hamburg');
  await page.selectOption(tid('partner-terms'), 'S14N30');
  await page.click(tid('partner-save'));
  await page.waitForFunction(() => document.querySelector('[data-testid="partner-title"]')?.textContent === '70000 Mühle Korn AG');
  await go(page, '/master-data/partners');
  await page.waitForSelector('[data-testid="partner-list"] tr[data-code="70000"]');
  assert.deepEqual(await listedCodes(page), ['10000', '70000']);
  await page.selectOption(tid('partner-filter-kind'), 'vendors');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="partner-list"] tbody tr').length === 1);
  assert.deepEqual(await listedCodes(page), ['70000']);
  await page.selectOption(tid('partner-filter-kind'), 'all');
  await page.fill(tid('partner-search'), 'bäck');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="partner-list"] tbody tr').length === 1);
  assert.deepEqual(await listedCodes(page), ['10000']);
  await page.fill(tid('partner-search'), '');
  await page.waitForSelector('[data-testid="partner-list"] tr[data-code="70000"]');
});

test('editing the customer shows the change in its history', async () => {
  await page.fill(tid('partner-search'), '10000');
  await page.press(tid('partner-search'), 'Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="partner-title"]')?.textContent === '10000 Bäckerei Sonnenschein');
  await page.fill(tid('partner-town'), 'Potsdam');
  await page.click(tid('partner-save'));
  const row = await page.waitForSelector('[data-testid="partner-history"] tbody tr');
  const cells = await row.$$eval('td', (tds) => tds.map((t) => t.textContent.trim()));
  assert.equal(cells[1], 'kontor');
  assert.equal(cells[2], 'Ort');
  assert.equal(cells[3], 'Berlin');
  assert.equal(cells[4], 'Potsdam');
  assert.match(cells[0], /^\d\d\.\d\d\.\d{4} \d\d:\d\d$/);
  await shots(page, 'partners-card');
});

const HEADER = 'Nummer;Name;Straße;Hausnummer;PLZ;Ort;IBAN;Zahlungsbedingung';
const GOOD1 = '10100;Café Morgenrot;Lindenallee;3;50667;Köln;DE44 5001 0517 5407 3249 31;S14N30';
const GOOD2 = '70100;Druckerei Blau;Hafenweg;12;20457;Hamburg;;';
const BAD = '10200;Weinhandel Rot;Bergstraße;1;55116;Mainz;DE45 5001 0517 5407 3249 31;S14N30';
const FIXED = '10200;Weinhandel Rot;Bergstraße;1;55116;Mainz;;S14N30';

function csv(lines) {
  return { name: 'partner.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n') + '\r\n', 'utf8') };
}

test('a CSV import with one bad row is refused with its line, nothing imported; the fixed file imports', async () => {
  await go(page, '/master-data/partners');
  await page.waitForSelector(tid('partner-import-file'));
  await page.setInputFiles(tid('partner-import-file'), csv([HEADER, GOOD1, BAD, GOOD2]));
  const box = await page.waitForSelector(tid('import-errors'));
  const items = await box.$$eval('li', (lis) => lis.map((l) => l.textContent));
  assert.equal(items.length, 1, items.join('\n'));
  assert.match(items[0], /^Zeile 3, Spalte IBAN: Die IBAN ist ungültig/);
  assert.equal(await page.$(tid('partner-import-run')), null, 'no import offered');
  assert.deepEqual(await listedCodes(page), ['10000', '70000']);
  await shots(page, 'partners-import-refused');

  await page.setInputFiles(tid('partner-import-file'), csv([HEADER, GOOD1, FIXED, GOOD2]));
  await page.waitForSelector(tid('import-ready'));
  assert.match(await page.textContent(tid('import-ready')), /3 Geschäftspartner bereit zum Import/);
  await page.click(tid('partner-import-run'));
  await page.waitForSelector(tid('import-notice'));
  await page.waitForSelector('[data-testid="partner-list"] tr[data-code="10200"]');
  assert.deepEqual(await listedCodes(page), ['10000', '10100', '10200', '70000', '70100']);
  await shots(page, 'partners-list');
  assert.deepEqual(page.errors, []);
});
