// Items and item groups (issue 20): two item groups with their accounts
// per region and tax codes created on the group screen (a bank account as
// revenue account refused with its sentence, nothing stored), items created
// through the form (an item without description refused at its field), one
// edited and the change in its history, the list filter finding it and the
// keyboard opening it, a CSV import with a bad row refused (its line and
// reason shown, nothing imported) and the fixed file imported; the partner
// card's price section. Screenshots in German and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, waitForApp, screenshot } from '../lib/app.mjs';
import { createCompany } from '../lib/company.mjs';
import { assertEnglish } from '../lib/english.mjs';

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

/** Screenshots of the current screen in German and English (no German
 * left on the English one), back in German. */
async function shots(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await setLang(page, 'de');
  await screenshot(page, `${name}-de`);
  await setLang(page, 'en');
  await screenshot(page, `${name}-en`);
  await assertEnglish(page, name);
  await setLang(page, 'de');
}

async function go(page, path) {
  await page.goto(app.url + path);
  await waitForApp(page);
}

const tid = (id) => `[data-testid="${id}"]`;

/** Item codes in the list, in order. */
async function listedItems(page) {
  return page.$$eval('[data-testid="item-list"] tbody tr', (rows) => rows.map((r) => r.dataset.code));
}

/** Waits until the item list shows exactly `codes`. */
async function waitForItems(page, codes) {
  await page.waitForFunction((want) => {
    const rows = [...document.querySelectorAll('[data-testid="item-list"] tbody tr')].map((r) => r.dataset.code);
    return rows.join(',') === want.join(',');
  }, codes);
}

async function fillGroup(page, { code, de, en, revenue, expense }) {
  await page.fill(tid('group-code'), code);
  await page.fill(tid('group-name-de'), de);
  await page.fill(tid('group-name-en'), en);
  await page.fill(tid('group-revenue-domestic'), revenue[0]);
  await page.fill(tid('group-revenue-eu'), revenue[1]);
  await page.fill(tid('group-expense-domestic'), expense[0]);
  await page.fill(tid('group-expense-eu'), expense[1]);
  await page.selectOption(tid('group-sales-tax'), 'U19');
  await page.selectOption(tid('group-purchase-tax'), 'V19');
}

test('item groups with accounts per region and tax codes; a bank account as revenue account is refused', async () => {
  await createCompany(page, app.url, { name: 'Artikel GmbH', chart: 'skr03', year: '2026' });
  await setLang(page, 'de');
  await go(page, '/master-data');
  await page.click('a[href="/master-data/item-groups"]');
  await page.waitForSelector(tid('group-form'));
  await fillGroup(page, { code: 'HW', de: 'Handelswaren', en: 'Merchandise', revenue: ['1200', '8125'], expense: ['3400', '3425'] });
  await page.click(tid('group-save'));
  const refused = await page.waitForSelector('.error-box');
  assert.match(await refused.textContent(), /Konto 1200 taugt nicht als Erlöskonto/);
  assert.equal(await page.$('[data-testid="item-groups"] tr[data-code="HW"]'), null, 'nothing stored');

  await page.fill(tid('group-revenue-domestic'), '8400');
  await page.click(tid('group-save'));
  await page.waitForSelector('[data-testid="item-groups"] tr[data-code="HW"]');
  const row = await page.textContent('[data-testid="item-groups"] tr[data-code="HW"]');
  assert.match(row, /Handelswaren/);
  assert.match(row, /8400 \/ 8125 \/ –/);
  assert.match(row, /U19 \/ V19/);
  // The form is empty again for the next group; Ctrl+Enter saves it.
  assert.equal(await page.inputValue(tid('group-code')), '');
  await fillGroup(page, { code: 'DL', de: 'Dienstleistungen', en: 'Services', revenue: ['8400', ''], expense: ['3400', ''] });
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector('[data-testid="item-groups"] tr[data-code="DL"]');
  await shots(page, 'items-groups');
});

test('items through the form; one without description is refused at its field', async () => {
  await go(page, '/master-data/items');
  await page.waitForSelector(tid('item-search'));
  assert.match(await page.textContent(tid('item-empty')), /Noch keine Artikel/);
  await page.keyboard.press('Alt+A');
  await page.waitForSelector(tid('item-form'));
  await page.fill(tid('item-code'), 'A-100');
  await page.selectOption(tid('item-group'), 'HW');
  await page.selectOption(tid('item-unit'), 'H87');
  await page.fill(tid('item-price'), '12,50');
  await page.click(tid('item-save'));
  const error = await page.waitForSelector(tid('error-description'));
  assert.match(await error.textContent(), /Bezeichnung: Das Feld ist leer/);

  await page.fill(tid('item-description-de'), 'Kaffeemühle Classic');
  await page.fill(tid('item-description-en'), 'Coffee grinder Classic');
  // The group's accounts are the placeholders of the item's empty fields.
  assert.equal(await page.getAttribute(tid('item-revenue-domestic'), 'placeholder'), '8400');
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="item-title"]')?.textContent === 'A-100 Kaffeemühle Classic');
  assert.match(await page.textContent(tid('item-created')), /Angelegt von kontor/);

  await go(page, '/master-data/items/new');
  await page.waitForSelector(tid('item-form'));
  await page.fill(tid('item-code'), 'D-200');
  await page.fill(tid('item-description-de'), 'Beratung je Stunde');
  await page.fill(tid('item-description-en'), 'Consulting per hour');
  await page.selectOption(tid('item-group'), 'DL');
  await page.selectOption(tid('item-unit'), 'HUR');
  await page.fill(tid('item-price'), '95');
  await page.uncheck(tid('item-purchase'));
  await page.click(tid('item-save'));
  await page.waitForFunction(() => document.querySelector('[data-testid="item-title"]')?.textContent === 'D-200 Beratung je Stunde');

  // A new item under a taken code would replace it: refused at the code.
  await go(page, '/master-data/items/new');
  await page.waitForSelector(tid('item-form'));
  await page.fill(tid('item-code'), 'A-100');
  await page.fill(tid('item-description-de'), 'Doppelt');
  await page.click(tid('item-save'));
  const taken = await page.waitForSelector(tid('error-code'));
  assert.match(await taken.textContent(), /Den Artikel „A-100“ gibt es schon/);
});

test('editing an item shows the change in its history', async () => {
  await go(page, '/master-data/items/A-100');
  await page.waitForSelector(tid('item-form'));
  assert.equal(await page.inputValue(tid('item-price')), '12,5');
  assert.match(await page.textContent(tid('item-no-changes')), /Noch keine Änderungen/);
  await page.fill(tid('item-price'), '13,90');
  await page.fill(tid('item-revenue-abroad'), '8100');
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector('[data-testid="item-history"] tbody tr');
  const rows = await page.$$eval('[data-testid="item-history"] tbody tr', (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((t) => t.textContent.trim())));
  const price = rows.find((r) => r[2] === 'Standardpreis');
  assert.ok(price, JSON.stringify(rows));
  assert.equal(price[1], 'kontor');
  assert.match(price[0], /^\d\d\.\d\d\.\d{4} \d\d:\d\d$/);
  assert.match(price[3], /^12[.,]5/);
  assert.match(price[4], /^13[.,]9/);
  assert.ok(rows.some((r) => r[2] === 'Konten und Steuer' && r[4].includes('8100')), JSON.stringify(rows));
  await shots(page, 'items-form');
});

test('the list filter finds items by code, description and group; the keyboard opens one', async () => {
  await go(page, '/master-data/items');
  await waitForItems(page, ['A-100', 'D-200']);
  await page.fill(tid('item-search'), 'MÜHLE');
  await waitForItems(page, ['A-100']);
  await page.fill(tid('item-search'), 'dl');
  await waitForItems(page, ['D-200']);
  await page.fill(tid('item-search'), 'dienstleist');
  await waitForItems(page, ['D-200']);
  await page.fill(tid('item-search'), 'nichts');
  await page.waitForSelector(tid('item-empty'));
  assert.match(await page.textContent(tid('item-empty')), /Kein Artikel passt/);
  await page.fill(tid('item-search'), '');
  await waitForItems(page, ['A-100', 'D-200']);
  // ↓ into the list, ↑ from its first row back to the filter; ↓ into the
  // list, ↓ to the second row, Enter opens it.
  await page.focus(tid('item-search'));
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.activeElement?.dataset?.code === 'A-100');
  await page.keyboard.press('ArrowUp');
  await page.waitForFunction(() => document.activeElement?.dataset?.testid === 'item-search');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="item-title"]')?.textContent === 'D-200 Beratung je Stunde');
  // Deactivated items leave the list unless "inactive too" is ticked.
  await page.uncheck(tid('item-active'));
  await page.click(tid('item-save'));
  await page.waitForSelector(tid('notice'));
  await go(page, '/master-data/items');
  await waitForItems(page, ['A-100']);
  await page.check(tid('item-inactive'));
  await waitForItems(page, ['A-100', 'D-200']);
  await shots(page, 'items-list');
});

const HEADER = 'Artikelnummer;Bezeichnung;Gruppe;Einheit;Preis;Verkauf;Einkauf;Langtext';
const GOOD1 = 'B-300;Milchaufschäumer;HW;Stk;24,90;ja;ja;mit Induktion';
const GOOD2 = 'B-301;Espressotassen 6er;HW;Satz;18,00;ja;nein;';
const GOOD3 = 'B-302;Wartung Kaffeemaschine;DL;Std;65;ja;nein;';
const BAD_UNIT = 'B-303;Entkalker;HW;Fass;4,50;ja;ja;';
const BAD_PRICE = 'B-304;Reinigungstabletten;HW;Stk;vier;ja;ja;';
const BAD_GROUP = 'B-303;Entkalker;XX;Stk;4,50;ja;ja;';
const FIXED = 'B-303;Entkalker;HW;Stk;4,50;ja;ja;';

function csv(lines) {
  return { name: 'artikel.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n') + '\r\n', 'utf8') };
}

/** The sentences of the refused rows. */
async function refusedRows(page) {
  const box = await page.waitForSelector(tid('import-errors'));
  return box.$$eval('li', (lis) => lis.map((l) => l.textContent));
}

test('a CSV import with bad rows is refused with line and reason, nothing imported; the fixed file imports', async () => {
  await go(page, '/master-data/items');
  await page.click(tid('item-import-link'));
  await page.waitForSelector(tid('item-import-file'));
  await page.setInputFiles(tid('item-import-file'), csv([HEADER, GOOD1, GOOD2, BAD_UNIT, BAD_PRICE, GOOD3]));
  let rows = await refusedRows(page);
  assert.equal(rows.length, 2, rows.join('\n'));
  assert.match(rows[0], /^Zeile 4, Spalte Einheit: Unbekannte Mengeneinheit/);
  assert.match(rows[1], /^Zeile 5, Spalte Preis: Kein gültiger Betrag/);
  assert.equal(await page.$(tid('item-import-run')), null, 'no import offered');
  // The mapping names each header's field; the unknown one is ignored.
  const mapped = await page.$$eval('[data-testid="item-mapping"] tbody tr', (trs) =>
    trs.map((tr) => [tr.dataset.header, tr.querySelector('select').selectedOptions[0].textContent]));
  assert.deepEqual(mapped[0], ['Artikelnummer', 'Artikelnummer']);
  assert.deepEqual(mapped[4], ['Preis', 'Preis']);
  assert.deepEqual(mapped[7], ['Langtext', '– ignoriert –']);
  await shots(page, 'items-import-refused');

  // The engine's checks run on every row of a file that reads: an unknown group.
  await page.setInputFiles(tid('item-import-file'), csv([HEADER, GOOD1, BAD_GROUP, GOOD3]));
  await page.waitForFunction(() => /Zeile 3: Die Artikelgruppe „XX“ gibt es nicht/.test(
    document.querySelector('[data-testid="import-errors"]')?.textContent ?? ''));
  rows = await refusedRows(page);
  assert.equal(rows.length, 1, rows.join('\n'));

  await page.setInputFiles(tid('item-import-file'), csv([HEADER, GOOD1, GOOD2, FIXED, GOOD3]));
  await page.waitForSelector(tid('import-ready'));
  assert.match(await page.textContent(tid('import-ready')), /4 Artikel bereit zum Import/);
  // "Langtext" mapped to the remarks by hand: the file is read again.
  await page.selectOption(tid('mapping-7'), 'Remarks');
  await page.waitForSelector(tid('import-ready'));
  const preview = await page.$$eval('[data-testid="item-preview"] tbody tr', (trs) => trs.map((t) => t.dataset.code));
  assert.deepEqual(preview, ['B-300', 'B-301', 'B-303', 'B-302']);
  await shots(page, 'items-import-ready');
  await page.click(tid('item-import-run'));
  await page.waitForSelector(tid('import-notice'));
  assert.match(await page.textContent(tid('import-notice')), /4 Artikel importiert/);
  await go(page, '/master-data/items');
  await waitForItems(page, ['A-100', 'B-300', 'B-301', 'B-302', 'B-303']);
  await go(page, '/master-data/items/B-300');
  await page.waitForSelector(tid('item-form'));
  assert.equal(await page.inputValue(tid('item-remarks')), 'mit Induktion');
  assert.equal(await page.inputValue(tid('item-price')), '24,9');
});

test("the partner card's price section saves the partner's list and discount group", async () => {
  await go(page, '/master-data/partners/new');
  await page.waitForSelector(tid('partner-form'));
  await page.fill(tid('partner-name'), 'Café Morgenrot');
  await page.fill(tid('partner-town'), 'Köln');
  await page.click(tid('partner-save'));
  await page.waitForFunction(() => document.querySelector('[data-testid="partner-title"]')?.textContent === '10000 Café Morgenrot');
  await page.waitForSelector(tid('partner-pricing'));
  // No lists yet: the partner takes the lowest-numbered list once there is one.
  const lists = await page.$$eval('[data-testid="partner-price-list"] option', (os) => os.map((o) => o.textContent));
  assert.deepEqual(lists, ['– die Liste mit der kleinsten Nummer –']);
  await page.click(tid('partner-pricing-save'));
  await page.waitForSelector(tid('pricing-notice'));
  assert.match(await page.textContent(tid('pricing-notice')), /Preisliste und Rabattgruppe gespeichert/);
  await shots(page, 'items-partner-prices');
  assert.deepEqual(page.errors, []);
});
