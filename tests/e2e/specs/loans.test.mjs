// Loans (Darlehen, issue 17 part B) through the UI in a new company: a
// loan of 10.000,00 € at 6 % with 12 monthly annuity instalments from
// 01.01.2026 (payment day 1); a zero term refused with its sentence and
// nothing stored; the schedule checked against the hand-computed table
// (tests/finance_loan.rs: 860,66 a month, the last 860,70; 327,96
// interest); the CSV download; a rate change to 3 % from 01.08.2026
// previewed and saved (rows 1–6 stay, rows 7–12 become 853,22 and the last
// 853,24); two instalments posted on the due list and marked posted; the
// list with Enter to open. Screenshots German and English.
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

const tid = (id) => `[data-testid="${id}"]`;

async function setLang(lang) {
  const current = await page.evaluate(() => document.documentElement.lang);
  if (current !== lang) {
    await page.keyboard.press('Alt+L');
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  }
}

async function go(path, selector) {
  await page.goto(app.url + path);
  await waitForApp(page);
  await page.waitForSelector(selector, { timeout: 10000 }).catch(async (e) => {
    await screenshot(page, 'loans-go-failed');
    assert.fail(`${e.message}\n${page.errors.join('\n')}`);
  });
}

/** Screenshots of the current screen in German and English (once `englishText`
 * shows), back in German. */
async function shots(name, englishTitle) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await setLang('de');
  await screenshot(page, `${name}-de`);
  await setLang('en');
  await page.waitForFunction((t) => document.querySelector('main')?.textContent.includes(t), englishTitle);
  if (await page.$(tid('loan-form'))) {
    await page.waitForSelector(`${tid('loan-schedule')} tr[data-row="1"]`, { timeout: 5000 });
  }
  await assertEnglish(page, name);
  await screenshot(page, `${name}-en`);
  await setLang('de');
}

/** The text of one cell of a schedule table (`row` a number or "total"). */
async function cell(table, row, col) {
  const sel = `${tid(table)} tr[data-row="${row}"] td[data-col="${col}"]`;
  return (await page.textContent(sel)).trim();
}

test('a loan with a zero term is refused with its sentence; nothing is stored', async () => {
  await createCompany(page, app.url, { name: 'Darlehen GmbH', year: '2026' });
  await go('/financials/loans', tid('loans-empty'));
  await page.keyboard.press('Alt+A');
  await page.waitForURL((u) => u.pathname === '/financials/loans/new', { timeout: 10000 });
  await page.waitForSelector(tid('loan-form'));
  await page.fill(tid('loan-name'), 'Hausbank Investitionsdarlehen');
  await page.fill(tid('loan-principal'), '10.000,00');
  await page.fill(tid('loan-rate'), '6');
  await page.fill(tid('loan-start'), '01.01.2026');
  await page.press(tid('loan-start'), 'Tab');
  await page.fill(tid('loan-count'), '0');
  await page.fill(tid('loan-day'), '1');
  assert.equal(await page.inputValue(tid('loan-account')), '0630');
  assert.equal(await page.inputValue(tid('loan-interest-account')), '2100');
  assert.equal(await page.inputValue(tid('loan-bank-account')), '1200');
  await page.click(tid('loan-save'));
  await page.waitForSelector(tid('error'), { timeout: 10000 });
  assert.match(await page.textContent(tid('error')), /Laufzeit des Darlehens ist null/);
  await setLang('en');
  await page.waitForFunction(() => /term is zero/.test(document.querySelector('[data-testid="error"]')?.textContent ?? ''));
  await setLang('de');
  assert.equal(new URL(page.url()).pathname, '/financials/loans/new');
  await go('/financials/loans', tid('loans-empty'));
});

test('a 10.000 € annuity loan: the schedule matches the hand-computed table', async () => {
  await go('/financials/loans/new', tid('loan-form'));
  await page.fill(tid('loan-name'), 'Hausbank Investitionsdarlehen');
  await page.fill(tid('loan-principal'), '10.000,00');
  await page.fill(tid('loan-rate'), '6');
  await page.fill(tid('loan-start'), '01.01.2026');
  await page.press(tid('loan-start'), 'Tab');
  await page.fill(tid('loan-count'), '12');
  await page.fill(tid('loan-day'), '1');
  // The schedule of what is typed shows before saving.
  await page.waitForSelector(`${tid('loan-schedule')} tr[data-row="12"]`);
  await page.keyboard.press('Control+Enter');
  await page.waitForURL((u) => u.pathname === '/financials/loans/1', { timeout: 15000 }).catch(async (e) => {
    await screenshot(page, 'loans-save-failed');
    const error = await page.$(tid('error'));
    assert.fail(`${e.message} ${error ? await error.textContent() : ''}\n${page.errors.join('\n')}`);
  });
  await page.waitForFunction(() => document.querySelector('[data-testid="loan-title"]')?.textContent === '1 Hausbank Investitionsdarlehen');
  // Row 1: 10.000,00 · 0,5 % = 50,00 interest, 810,66 principal.
  assert.equal(await cell('loan-schedule', 1, 'instalment'), '860,66');
  assert.equal(await cell('loan-schedule', 1, 'interest'), '50,00');
  assert.equal(await cell('loan-schedule', 1, 'principal'), '810,66');
  assert.equal(await cell('loan-schedule', 1, 'remaining'), '9.189,34');
  // Row 2: 9.189,34 · 0,5 % = 45,9467 → 45,95.
  assert.equal(await cell('loan-schedule', 2, 'interest'), '45,95');
  assert.equal(await cell('loan-schedule', 2, 'remaining'), '8.374,63');
  // Row 12: the last repays 856,42 and absorbs the rounding.
  assert.equal(await cell('loan-schedule', 12, 'instalment'), '860,70');
  assert.equal(await cell('loan-schedule', 12, 'remaining'), '0,00');
  assert.equal(await cell('loan-schedule', 'total', 'instalment'), '10.327,96');
  assert.equal(await cell('loan-schedule', 'total', 'interest'), '327,96');
  assert.equal(await cell('loan-schedule', 'total', 'principal'), '10.000,00');
  await shots('loans-loan', 'Repayment schedule');
  // After the switch to English and back the typed amounts still read.
  assert.equal(await page.inputValue(tid('loan-principal')), '10000,00');
  assert.equal(await cell('loan-schedule', 'total', 'instalment'), '10.327,96');
});

test('the schedule downloads as CSV in the German dialect', async () => {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 15000 }),
    page.click(tid('loan-csv')),
  ]);
  assert.equal(download.suggestedFilename(), 'darlehen-1-tilgungsplan.csv');
  const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  const lines = csv.trim().split('\r\n');
  assert.equal(lines.length, 14, 'header, 12 rows, total');
  assert.equal(lines[0], 'Nr.;Datum;Zins;Rate;Zinsen;Tilgung;Restschuld;Status');
  assert.match(lines[1], /^1;01\.02\.2026;6;860,66;50,00;810,66;9189,34;(fällig)?$/);
  assert.match(lines[12], /^12;01\.01\.2027;6;860,70;4,28;856,42;0,00;(fällig)?$/);
  assert.equal(lines[13], 'Summe;;;10327,96;327,96;10000,00;;');
});

test('a rate change from 01.08.2026 is previewed and recomputes only the later rows', async () => {
  await page.fill(tid('rate-from'), '01.08.2026');
  await page.press(tid('rate-from'), 'Tab');
  await page.fill(tid('rate-new'), '3');
  await page.waitForSelector(`${tid('rate-preview')} tr[data-row="7"]`);
  assert.equal(await page.$(`${tid('rate-preview')} tr[data-row="6"]`), null, 'the preview starts at the date');
  assert.equal(await cell('rate-preview', 7, 'instalment'), '853,22');
  assert.equal(await cell('rate-preview', 12, 'instalment'), '853,24');
  // Not saved yet: the schedule still has the old rate.
  assert.equal(await cell('loan-schedule', 7, 'instalment'), '860,66');
  await page.click(tid('rate-save'));
  await page.waitForSelector(tid('rate-notice'), { timeout: 10000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="loan-schedule"] tr[data-row="7"] td[data-col="instalment"]')?.textContent === '853,22');
  assert.equal(await cell('loan-schedule', 6, 'instalment'), '860,66');
  assert.equal(await cell('loan-schedule', 6, 'remaining'), '5.074,83');
  assert.equal(await cell('loan-schedule', 7, 'interest'), '12,69');
  assert.equal(await cell('loan-schedule', 12, 'instalment'), '853,24');
  assert.equal(await cell('loan-schedule', 12, 'remaining'), '0,00');
  assert.match(await page.textContent(tid('loan-rates')), /3 % ab 01\.08\.2026/);
  // A rate change before the start is refused with its sentence.
  await page.fill(tid('rate-from'), '01.01.2026');
  await page.press(tid('rate-from'), 'Tab');
  await page.fill(tid('rate-new'), '2');
  await page.click(tid('rate-save'));
  await page.waitForSelector(`${tid('rate-change')} ${tid('error')}`, { timeout: 10000 });
  assert.match(await page.textContent(`${tid('rate-change')} ${tid('error')}`), /zu früh; frühestens ab 02\.01\.2026/);
  await page.fill(tid('rate-new'), '');
  await shots('loans-rate-change', 'Rate change');
});

test('instalments posted on the due list are marked posted; a rate change before them is refused', async () => {
  await go('/financials/recurring/due', tid('due-as-of'));
  await page.fill(tid('due-as-of'), '01.03.2026');
  await page.press(tid('due-as-of'), 'Tab');
  await page.waitForSelector(tid('due-l1-2026-03-01'), { timeout: 10000 });
  assert.match(await page.textContent(tid('due-l1-2026-02-01')), /Hausbank Investitionsdarlehen/);
  assert.match(await page.textContent(tid('due-l1-2026-02-01')), /Darlehen 1 Rate 1\/12/);
  await page.click(tid('post-due'));
  await page.waitForSelector(tid('notice'), { timeout: 15000 });
  await go('/financials/loans/1', `${tid('loan-schedule')} tr[data-row="1"]`);
  assert.equal((await page.textContent(`${tid('loan-schedule')} tr[data-row="1"] td.status`)).trim(), 'gebucht');
  assert.equal((await page.textContent(`${tid('loan-schedule')} tr[data-row="2"] td.status`)).trim(), 'gebucht');
  assert.ok(await page.$(`${tid('loan-schedule')} tr[data-row="2"].posted`), 'posted rows marked');
  await page.fill(tid('rate-from'), '01.03.2026');
  await page.press(tid('rate-from'), 'Tab');
  await page.fill(tid('rate-new'), '2');
  await page.click(tid('rate-save'));
  await page.waitForSelector(`${tid('rate-change')} ${tid('error')}`, { timeout: 10000 });
  assert.match(await page.textContent(`${tid('rate-change')} ${tid('error')}`), /frühestens ab 02\.03\.2026/);
  await page.fill(tid('rate-new'), '');
});

test('the list shows the loan; Enter opens it', async () => {
  await go('/financials/loans', tid('loans'));
  const row = `${tid('loans')} tbody tr[data-number="1"]`;
  assert.match(await page.textContent(row), /Hausbank Investitionsdarlehen/);
  assert.match(await page.textContent(row), /10\.000,00/);
  assert.notEqual((await page.textContent(tid('loan-next-1'))).trim(), '');
  await shots('loans-list', 'Loans');
  await page.focus(row);
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.pathname === '/financials/loans/1', { timeout: 10000 });
  await page.waitForSelector(`${tid('loan-schedule')} tr[data-row="1"]`);
});
