// Reading the ledger: trial balance with subtotals and drill-down to the
// account sheet and the entry, the journal with filters, reversal (Storno)
// with links both ways and balances that net out, the chart of accounts,
// CSV downloads in German and English, and the demo company's year.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
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

const ENTRIES = [
  { date: '05.01.2026', reference: 'ER-1', memo: 'Miete Januar', lines: [['4210', '1.000,00'], ['1200', '', '1.000,00']] },
  { date: '10.01.2026', reference: 'AR-1', memo: 'Verkauf Januar', lines: [['1200', '1.190,00'], ['8400', '', '1.000,00'], ['1776', '', '190,00']] },
  { date: '20.02.2026', reference: 'ER-2', memo: 'Büromaterial; "Sonderposten"', lines: [['4930', '100,00'], ['1576', '19,00'], ['1200', '', '119,00']] },
];

async function postEntry(page, { date, reference, memo, lines }) {
  await page.fill('[data-testid="posting-date"]', date);
  await page.fill('[data-testid="reference"]', reference);
  await page.fill('[data-testid="memo"]', memo);
  for (const [i, [account, debit, credit]] of lines.entries()) {
    await page.fill(`[data-testid="account-${i}"]`, account);
    await page.fill(`[data-testid="debit-${i}"]`, debit ?? '');
    await page.fill(`[data-testid="credit-${i}"]`, credit ?? '');
  }
  await page.focus('[data-testid="account-0"]');
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector('[data-testid="entry-posted"]');
}

/** Cell texts of the table row for `account` in the trial balance. */
async function tbRow(page, account) {
  return page.$$eval(`[data-testid="trial-balance"] tr[data-account="${account}"] td`, (tds) => tds.map((td) => td.textContent.trim()));
}

async function text(page, selector) {
  return (await page.textContent(selector)).trim();
}

async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const content = await readFile(await dl.path(), 'utf8');
  return { name: dl.suggestedFilename(), content: content.replace(/^\uFEFF/, '') };
}

async function setLang(page, lang) {
  const current = await page.evaluate(() => document.documentElement.lang);
  if (current !== lang) {
    await page.keyboard.press('Alt+L');
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  }
}

test('without a company, the report screens point to the start page', async () => {
  for (const path of ['/reports/trial-balance', '/financials/journal', '/financials/accounts', '/reports/account/1200']) {
    await page.goto(app.url + path);
    await waitForApp(page);
    await page.waitForSelector('[data-testid="no-company"]');
  }
  await screenshot(page, 'reports-no-company-de');
});

test('entries posted in the grid appear in a balanced trial balance with type subtotals', async () => {
  await createCompany(page, app.url, { name: 'Bericht GmbH', chart: 'skr03', year: '2026' });
  await page.goto(app.url + '/financials/entry');
  await page.waitForSelector('[data-testid="account-0"]');
  for (const e of ENTRIES) await postEntry(page, e);

  await page.goto(app.url + '/reports/trial-balance');
  await page.waitForSelector('[data-testid="trial-balance"]');
  // Default range: the fiscal year of the last posting, all its periods.
  assert.equal(await page.$eval('[data-testid="tb-year"]', (s) => s.value), '2026');
  assert.deepEqual(await tbRow(page, '1200'), ['1200', await page.$eval('tr[data-account="1200"] td:nth-child(2)', (t) => t.textContent), '0,00', '1.190,00', '1.119,00', '71,00']);
  assert.deepEqual((await tbRow(page, '4210')).slice(2), ['0,00', '1.000,00', '', '1.000,00']);
  const total = await page.$$eval('[data-testid="tb-total"] td', (tds) => tds.map((t) => t.textContent.trim()));
  assert.deepEqual(total.slice(2), ['0,00', '2.309,00', '2.309,00', '0,00']);
  assert.match(await text(page, '[data-testid="tb-balanced"]'), /stimmen überein/);
  const subtotals = await page.$$eval('tr.subtotal', (rows) => rows.map((r) => r.dataset.subtotal));
  assert.deepEqual(subtotals, ['asset', 'liability', 'revenue', 'expense']);
  await screenshot(page, 'trial-balance-de');

  // A single period: only February's movements, January as opening.
  await page.selectOption('[data-testid="tb-from"]', { index: 1 });
  await page.selectOption('[data-testid="tb-to"]', { index: 1 });
  await page.waitForFunction(() => document.querySelector('tr[data-account="1200"] td:nth-child(3)')?.textContent === '190,00');
  assert.deepEqual((await tbRow(page, '1200')).slice(2), ['190,00', '', '119,00', '71,00']);
  assert.deepEqual(page.errors, []);
});

test('the trial balance exports CSV with semicolons and decimal commas in German', async () => {
  await page.selectOption('[data-testid="tb-year"]', '2026');
  await page.waitForFunction(() => document.querySelector('tr[data-account="1200"] td:nth-child(3)')?.textContent === '0,00');
  const { name, content } = await download(page, '[data-testid="export-csv"]');
  assert.equal(name, 'summen-und-saldenliste_2026-01-01_2026-12-31.csv');
  const lines = content.split('\r\n');
  assert.equal(lines[0], 'Konto;Bezeichnung;Eröffnung;Soll;Haben;Saldo');
  assert.ok(lines.some((l) => /^1200;[^;]+;0,00;1190,00;1119,00;71,00$/.test(l)), content);
  assert.ok(lines.some((l) => l === ';Gesamtsumme;0,00;2309,00;2309,00;0,00'), content);
});

test('drill-down: account → account sheet with running balance → entry', async () => {
  await page.click('tr[data-account="1200"] [data-testid="tb-account"]');
  await page.waitForSelector('[data-testid="account-sheet"]');
  assert.match(await text(page, '[data-testid="sheet-title"]'), /^Kontoblatt 1200 /);
  const lines = await page.$$eval('[data-testid="sheet-line"]', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent.trim())));
  assert.equal(lines.length, 3);
  // Number, contra account (the largest line of the other side, "+1" for
  // one more account there), debit, credit, balance.
  assert.deepEqual(lines.map((l) => [l[0], l[3], l[5], l[6], l[7]]), [
    ['2026/1', '4210', '', '1.000,00', '-1.000,00'],
    ['2026/2', '8400 +1', '1.190,00', '', '190,00'],
    ['2026/3', '4930 +1', '', '119,00', '71,00'],
  ]);
  const closing = await page.$$eval('[data-testid="sheet-closing"] td', (tds) => tds.map((t) => t.textContent.trim()));
  assert.deepEqual(closing.slice(5), ['1.190,00', '1.119,00', '71,00']);
  await screenshot(page, 'account-sheet-de');

  // A narrower date range: January's line becomes the opening balance.
  await page.fill('[data-testid="sheet-from"]', '01.02.2026');
  await page.press('[data-testid="sheet-from"]', 'Enter');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="sheet-line"]').length === 1);
  assert.match(await text(page, '[data-testid="sheet-opening"] td:last-child'), /^190,00$/);

  const { name, content } = await download(page, '[data-testid="export-csv"]');
  assert.equal(name, 'kontoblatt_1200_2026-02-01_2026-12-31.csv');
  assert.match(content, /^Nr\.;Datum;Referenz;Gegenkonto;Buchungstext;Soll;Haben;Saldo\r\n/);
  assert.match(content, /2026\/3;20\.02\.2026;ER-2;4930 \+1;"Büromaterial; ""Sonderposten""";;119,00;71,00\r\n/);

  await page.click('[data-testid="sheet-entry"]');
  await page.waitForSelector('[data-testid="entry-lines"]');
  assert.equal(await text(page, '[data-testid="entry-title"]'), 'Buchung 2026/3');
  assert.equal((await page.$$('[data-testid="entry-line"]')).length, 3);
  await screenshot(page, 'entry-detail-de');
  assert.deepEqual(page.errors, []);
});

test('the journal lists entries newest first and filters by text, account, amount, number and date', async () => {
  await page.goto(app.url + '/financials/journal');
  await page.waitForSelector('[data-testid="journal"]');
  const numbers = () => page.$$eval('[data-testid="journal-entry"]', (as) => as.map((a) => a.textContent));
  assert.deepEqual(await numbers(), ['2026/3', '2026/2', '2026/1']);
  // The text field has the focus: typing filters (after a short pause).
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'journal-text');
  await page.keyboard.type('miete');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="journal-row"]').length === 1);
  assert.deepEqual(await numbers(), ['2026/1']);
  await page.click('[data-testid="journal-clear"]');
  await page.fill('[data-testid="journal-account"]', '4930');
  await page.press('[data-testid="journal-account"]', 'Tab');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="journal-row"]').length === 1);
  assert.deepEqual(await numbers(), ['2026/3']);
  await page.click('[data-testid="journal-clear"]');
  await page.fill('[data-testid="journal-amount"]', '1.190,00');
  await page.press('[data-testid="journal-amount"]', 'Tab');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="journal-row"]').length === 1);
  assert.deepEqual(await numbers(), ['2026/2']);
  await page.click('[data-testid="journal-clear"]');
  await page.fill('[data-testid="journal-number"]', '2026/1');
  await page.press('[data-testid="journal-number"]', 'Tab');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="journal-row"]').length === 1);
  assert.deepEqual(await numbers(), ['2026/1']);
  await page.click('[data-testid="journal-clear"]');
  await page.fill('[data-testid="journal-from"]', '01.02.2026');
  await page.press('[data-testid="journal-from"]', 'Tab');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="journal-row"]').length === 1);
  assert.deepEqual(await numbers(), ['2026/3']);
  await page.click('[data-testid="journal-clear"]');
  await page.fill('[data-testid="journal-account"]', '9999');
  await page.press('[data-testid="journal-account"]', 'Tab');
  await page.waitForSelector('.field.invalid [data-testid="journal-account"]');
  await page.click('[data-testid="journal-clear"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="journal-row"]').length === 3);
  await screenshot(page, 'journal-de');
  assert.deepEqual(page.errors, []);
});

test('a reversal with a date links both ways, shows in the journal and nets out', async () => {
  await page.click('[data-testid="journal-row"][data-entry="1"] [data-testid="journal-entry"]');
  await page.waitForSelector('[data-testid="reverse-form"]');
  await page.fill('[data-testid="reverse-date"]', '31.01.2026');
  await page.press('[data-testid="reverse-date"]', 'Enter');
  await page.click('[data-testid="reverse"]');
  await page.waitForSelector('[data-testid="reversed-by"]');
  assert.match(await text(page, '[data-testid="reversed-by"]'), /storniert durch 2026\/4$/);
  assert.equal(await page.$('[data-testid="reverse-form"]'), null);
  await screenshot(page, 'entry-reversed-de');

  await page.click('[data-testid="reversed-by"] a');
  await page.waitForSelector('[data-testid="reverses"]');
  assert.equal(await text(page, '[data-testid="entry-title"]'), 'Buchung 2026/4');
  assert.equal(await text(page, '[data-testid="entry-date"]'), '31.01.2026');
  assert.match(await text(page, '[data-testid="reverses"]'), /Storno zu 2026\/1$/);
  // A reversal cannot be reversed again: no form.
  assert.equal(await page.$('[data-testid="reverse-form"]'), null);

  await page.goto(app.url + '/financials/journal');
  await page.waitForSelector('[data-testid="journal"]');
  assert.match(await text(page, '[data-testid="journal-row"][data-entry="4"] td.links'), /Storno zu 2026\/1/);
  assert.match(await text(page, '[data-testid="journal-row"][data-entry="1"] td.links'), /storniert durch 2026\/4/);
  await screenshot(page, 'journal-reversal-de');

  await page.goto(app.url + '/reports/trial-balance');
  await page.waitForSelector('[data-testid="trial-balance"]');
  assert.deepEqual((await tbRow(page, '4210')).slice(2), ['0,00', '1.000,00', '1.000,00', '0,00']);
  assert.deepEqual((await tbRow(page, '1200')).slice(5), ['1.071,00']);
  assert.match(await text(page, '[data-testid="tb-balanced"]'), /stimmen überein/);
  assert.deepEqual(page.errors, []);
});

test('the chart of accounts searches as you type, opens a sheet with Enter, adds and deactivates accounts', async () => {
  await page.goto(app.url + '/financials/accounts');
  await page.waitForSelector('[data-testid="chart"]');
  await screenshot(page, 'accounts-de');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'account-search');
  await page.keyboard.type('bank');
  await page.waitForSelector('[data-testid="account-row"][data-account="1200"]');
  const shown = await page.$$eval('[data-testid="account-row"]', (rows) => rows.map((r) => r.dataset.account));
  // The full SKR03 has some 25 accounts with "bank" in a name.
  assert.ok(shown.length < 40, `search narrows the list: ${shown}`);
  assert.match(await text(page, '[data-testid="account-row"][data-account="1200"] td.num'), /^1\.071,00$/);
  await screenshot(page, 'accounts-search-de');
  // Enter opens the sheet of the first postable match.
  await page.fill('[data-testid="account-search"]', '1200');
  await page.press('[data-testid="account-search"]', 'Enter');
  await page.waitForSelector('[data-testid="account-sheet"]');
  assert.match(await text(page, '[data-testid="sheet-title"]'), /^Kontoblatt 1200 /);

  await page.goto(app.url + '/financials/accounts');
  await page.waitForSelector('[data-testid="chart"]');
  await page.keyboard.press('Alt+A');
  await page.waitForSelector('[data-testid="account-form"]');
  await page.fill('[data-testid="account-number"]', '1260');
  await page.fill('[data-testid="account-name-de"]', 'Zweitbank');
  await page.fill('[data-testid="account-name-en"]', 'Second bank');
  // The number puts it under the title account "1".
  assert.equal(await page.$eval('[data-testid="account-parent"]', (s) => s.value), '1');
  await page.click('[data-testid="account-save"]');
  await page.waitForSelector('[data-testid="account-row"][data-account="1260"]');
  assert.equal(await page.$('[data-testid="account-form"]'), null);

  // The same number again is refused with the engine's reason.
  await page.keyboard.press('Alt+A');
  await page.fill('[data-testid="account-number"]', '1260');
  await page.fill('[data-testid="account-name-de"]', 'Doppelt');
  await page.click('[data-testid="account-save"]');
  await page.waitForSelector('[data-testid="account-form"] [data-testid="error"]');
  await screenshot(page, 'accounts-form-error-de');
  // Esc from inside the form: the save button the keyboard was on may have
  // been re-rendered with the error, leaving the focus outside the form.
  await page.press('[data-testid="account-name-de"]', 'Escape');
  await page.waitForFunction(() => !document.querySelector('[data-testid="account-form"]'));

  await page.click('[data-testid="account-row"][data-account="1260"] [data-testid="account-edit"]');
  // Type only once the form shows the account's current name: typing into
  // the form before it is filled loses the typed name to the fill.
  await page.waitForFunction(() => document.querySelector('[data-testid="account-name-de"]')?.value === 'Zweitbank');
  await page.fill('[data-testid="account-name-de"]', 'Zweitbank Sparkasse');
  await page.click('[data-testid="account-save"]');
  await page.waitForFunction(() => /Zweitbank Sparkasse/.test(document.querySelector('[data-testid="account-row"][data-account="1260"]')?.textContent ?? ''));

  await page.click('[data-testid="account-row"][data-account="1260"] [data-testid="account-toggle-active"]');
  await page.waitForSelector('[data-testid="account-row"][data-account="1260"] [data-testid="inactive"]');
  assert.deepEqual(page.errors, []);
});

test('every screen in English; CSV in the English dialect', async () => {
  await page.goto(app.url + '/reports/trial-balance');
  await page.waitForSelector('[data-testid="trial-balance"]');
  await setLang(page, 'en');
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Trial balance');
  assert.deepEqual((await tbRow(page, '4210')).slice(2), ['0.00', '1,000.00', '1,000.00', '0.00']);
  await assertEnglish(page, 'trial balance');
  await screenshot(page, 'trial-balance-en');
  const { name, content } = await download(page, '[data-testid="export-csv"]');
  assert.equal(name, 'trial-balance_2026-01-01_2026-12-31.csv');
  assert.match(content, /^Account,Name,Opening,Debit,Credit,Closing\r\n/);
  assert.match(content, /\r\n,Grand total,0\.00,3309\.00,3309\.00,0\.00\r\n/);

  await page.click('tr[data-account="1200"] [data-testid="tb-account"]');
  await page.waitForSelector('[data-testid="account-sheet"]');
  assert.match(await text(page, '[data-testid="sheet-title"]'), /^Account sheet 1200 /);
  await assertEnglish(page, 'account sheet');
  await screenshot(page, 'account-sheet-en');
  await page.goto(app.url + '/financials/journal');
  await page.waitForSelector('[data-testid="journal"]');
  assert.equal(await text(page, 'main h1'), 'Journal');
  await assertEnglish(page, 'journal');
  await screenshot(page, 'journal-en');
  await page.goto(app.url + '/financials/journal/1');
  await page.waitForSelector('[data-testid="reversed-by"]');
  assert.match(await text(page, '[data-testid="reversed-by"]'), /reversed by 2026\/4$/);
  assert.match(await text(page, '[data-testid="entry-title"]'), /^Entry /);
  await assertEnglish(page, 'entry detail');
  await screenshot(page, 'entry-detail-en');
  await page.goto(app.url + '/financials/journal/3');
  await page.waitForSelector('[data-testid="reverse-form"]');
  assert.match(await text(page, '[data-testid="reverse-form"]'), /Post a reversal/);
  await assertEnglish(page, 'reverse form');
  await screenshot(page, 'entry-reverse-form-en');
  await page.goto(app.url + '/financials/accounts');
  await page.waitForSelector('[data-testid="chart"]');
  assert.equal(await text(page, 'main h1'), 'Chart of accounts');
  await assertEnglish(page, 'chart of accounts');
  await screenshot(page, 'accounts-en');
  await setLang(page, 'de');
  assert.deepEqual(page.errors, []);
});

test('demo company: a year of books in a balanced trial balance, its navigation timed, its VAT return filled', async () => {
  const demo = await app.page();
  await demo.goto(app.url);
  await waitForApp(demo);
  // With a company open the start page lists companies; the demo button is there too.
  await demo.click('[data-testid="open-demo"]');
  await demo.waitForSelector('[data-testid="trial-balance"]', { timeout: 120000 });
  assert.match(await text(demo, '[data-testid="tb-balanced"]'), /stimmen überein/);
  const rows = await demo.$$('[data-testid="tb-account"]');
  assert.ok(rows.length > 20, `demo has many accounts: ${rows.length}`);
  await screenshot(demo, 'demo-trial-balance-de');

  // Navigation timing: journal → trial balance through the app's router.
  const timings = [];
  for (let i = 0; i < 5; i++) {
    await demo.goto(app.url + '/financials/journal');
    await demo.waitForSelector('[data-testid="journal"]');
    const ms = await demo.evaluate(async () => {
      const link = document.createElement('a');
      link.href = '/reports/trial-balance';
      document.querySelector('main').appendChild(link);
      const t0 = performance.now();
      link.click();
      while (!document.querySelector('[data-testid="trial-balance"]')) await new Promise((r) => setTimeout(r, 0));
      return performance.now() - t0;
    });
    timings.push(ms);
  }
  timings.sort((a, b) => a - b);
  console.log(`demo trial balance after navigation: median ${timings[2].toFixed(1)} ms (${timings.map((t) => t.toFixed(1)).join(', ')})`);
  // A figure, not a pass/fail check (timings belong in the benchmark
  // harness, tests/e2e/bench/ui-timing.mjs).

  // Journal paging over the whole year stays bounded at 100 rows a page.
  await demo.goto(app.url + '/financials/journal');
  await demo.waitForSelector('[data-testid="journal"]');
  assert.equal((await demo.$$('[data-testid="journal-row"]')).length, 100);
  const queryMs = await demo.getAttribute('[data-testid="journal-count"]', 'data-ms');
  console.log(`demo journal page query: ${queryMs} ms; ${await text(demo, '[data-testid="journal-count"]')}`);
  await demo.click('[data-testid="pager"] button:last-child');
  await demo.waitForFunction(() => /Seite 2/.test(document.querySelector('[data-testid="pager"]')?.textContent ?? ''));
  await screenshot(demo, 'demo-journal-de');

  // The demo posts with tax codes: the VAT return of its last month has
  // 19 % and 7 % sales (Kz 81, 86) and input tax (Kz 66).
  await demo.goto(app.url + '/reports/vat');
  await demo.waitForSelector('[data-testid="vat-row-81"]');
  // Every tax amount the form has is on the screen: Kz 81 and 86 carry
  // their tax in the column beside the base (no Kennzahl of its own).
  for (const [kz, cell] of [['81', 'vat-base'], ['81', 'vat-tax'], ['86', 'vat-base'], ['86', 'vat-tax'], ['66', 'vat-tax']]) {
    const amount = await text(demo, `[data-testid="vat-row-${kz}"] [data-testid="${cell}"]`);
    assert.match(amount, /^[1-9][0-9.]*,[0-9]{2}$/, `Kz ${kz} ${cell}: ${amount}`);
  }
  await screenshot(demo, 'demo-vat-return-de');
  assert.deepEqual(demo.errors, []);
  await demo.close();
});

// Every route of the app with the demo company open, in English: the key
// heading is English and no German UI word is anywhere on the screen.
const ROUTES = [
  ['/', 'Companies'],
  ['/setup', 'Set up a new company'],
  ['/admin', 'Administration'],
  ['/admin/company', 'Company details'],
  ['/admin/periods', 'Posting periods'],
  ['/admin/currencies', 'Currencies and exchange rates'],
  ['/admin/determination', 'G/L account determination'],
  ['/admin/backup', 'Backup'],
  ['/admin/tax-codes', 'Tax codes'],
  ['/admin/costing', 'Cost accounting'],
  ['/master-data', 'Master data'],
  ['/financials', 'Financials'],
  ['/financials/accounts', 'Chart of accounts'],
  ['/financials/entry', 'Journal entry'],
  ['/financials/vouchers', 'Journal vouchers'],
  ['/financials/journal', 'Journal'],
  ['/financials/journal/1', /^Entry /],
  ['/banking', 'Banking'],
  ['/reports', 'Reports'],
  ['/reports/trial-balance', 'Trial balance'],
  ['/reports/account/1200', /^Account sheet 1200 /],
  ['/reports/vat', 'VAT return (UStVA)'],
  ['/reports/cost-centres', 'Cost-centre report'],
  ['/no-such-page', 'Page not found'],
];

test('every route in English, with the demo company open', async () => {
  const en = await app.page();
  await en.goto(app.url + '/reports/trial-balance');
  await waitForApp(en);
  await en.waitForSelector('[data-testid="trial-balance"]', { timeout: 60000 });
  await setLang(en, 'en');
  for (const [path, heading] of ROUTES) {
    // Through the app's router: the demo stays open, no reload per screen.
    await en.evaluate((p) => {
      const link = document.createElement('a');
      link.href = p;
      document.querySelector('main').appendChild(link);
      link.click();
      link.remove();
    }, path);
    await en.waitForFunction((h) => {
      const t = document.querySelector('main h1')?.textContent ?? '';
      return typeof h === 'string' ? t === h : new RegExp(h.source).test(t);
    }, typeof heading === 'string' ? heading : { source: heading.source });
    await assertEnglish(en, path);
  }
  // The VAT return's and the cost-centre report's bodies after switching
  // the language on the page (same figures, so the tables must re-render).
  await en.click('nav a[data-nav="reports"]');
  await en.click('a.card-link[href="/reports/cost-centres"]');
  await en.waitForSelector('section[data-page="cost-centres"] h1');
  await setLang(en, 'de');
  await setLang(en, 'en');
  await assertEnglish(en, 'cost-centre report after a language switch');
  await en.click('nav a[data-nav="reports"]');
  await en.click('a.card-link[href="/reports/vat"]');
  await en.waitForSelector('[data-testid="vat-row-81"]');
  await setLang(en, 'de');
  await setLang(en, 'en');
  await en.click('[data-testid="vat-row-81"] [data-testid="vat-drill-toggle"]');
  await en.waitForSelector('[data-testid="vat-drill"]');
  await assertEnglish(en, 'VAT return with drill-down, after a language switch');
  assert.match(await text(en, '[data-testid="vat-row-81"]'), /Taxable sales at 19 %/);
  await screenshot(en, 'demo-vat-return-en');
  await setLang(en, 'de');
  assert.deepEqual(en.errors, []);
  await en.close();
});
