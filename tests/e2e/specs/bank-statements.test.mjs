// Bank statements (Kontoauszüge): a camt.053.001.08 statement delivered as
// a ZIP (genkgo's camt053.v8.xml, unchanged, in
// tests/fixtures/bank/camt-zip/) is imported into a company set up to
// match it: a house bank with the statement's IBAN, a customer with the
// counterparty's IBAN and an invoice of the line's amount, the bank's
// opening balance booked. The statement's line gets the customer's
// invoice as its top proposal; Enter accepts it, Ctrl+Enter posts; the
// invoice is cleared and the bank account's book balance equals opening
// balance plus lines. Importing the same file again imports nothing and
// says how many lines it skipped. A file that is no statement and a cut
// ZIP are refused with sentences naming the file. Screenshots of the list
// and of the statement with its proposal, German and English.
//
// The sample's own closing balance is "DBIT 27.00 SEK" (opening 18.15 EUR
// CRDT + 8.85 EUR CRDT make 27.00 EUR CRDT): the balance check shows that
// difference, which is the sample's, so the spec checks the book balance
// against opening + lines, and that the closing check names the gap.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { startApp, waitForApp, screenshot, ROOT } from '../lib/app.mjs';
import { createCompany } from '../lib/company.mjs';
import { assertEnglish } from '../lib/english.mjs';

const ZIP = join(ROOT, 'tests', 'fixtures', 'bank', 'camt-zip', 'camt053.v8.zip');
const HOUSE_IBAN = 'NL26VAYB8060476890';
const PAYER_IBAN = 'NL56AGDH9619008421';

let app;
let page;
let customer;
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
  if (selector) {
    await page.waitForSelector(selector, { timeout: 10000 }).catch(async (e) => {
      await screenshot(page, 'bank-statements-go-failed');
      assert.fail(`${e.message}\n${page.errors.join('\n')}`);
    });
  }
}

/** Screenshots of the current screen in German and English, back in German. */
async function shots(name, englishTitle) {
  await setLang('de');
  await screenshot(page, `${name}-de`);
  await setLang('en');
  await page.waitForFunction((t) => document.querySelector('h1')?.textContent.includes(t), englishTitle);
  await assertEnglish(page, name);
  await screenshot(page, `${name}-en`);
  await setLang('de');
}

/** Posts one entry in the grid: lines are [account, debit, credit, tax code]. */
async function postEntry({ date, reference, lines }) {
  await go('/financials/entry', tid('account-0'));
  await page.fill(tid('posting-date'), date);
  await page.fill(tid('reference'), reference);
  await page.fill(tid('memo'), reference);
  for (const [i, [account, debit, credit, tax]] of lines.entries()) {
    await page.fill(tid(`account-${i}`), account);
    await page.fill(tid(`debit-${i}`), debit ?? '');
    await page.fill(tid(`credit-${i}`), credit ?? '');
    if (tax) await page.fill(tid(`tax-${i}`), tax);
  }
  await page.focus(tid('account-0'));
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector(tid('entry-posted'));
}

/** References of `code`'s open items in the open items list. */
async function openReferences(code) {
  await go('/reports/open-items', '[data-testid="open-items"], [data-testid="oi-empty"]');
  await page.fill(tid('oi-partner'), code);
  await page.dispatchEvent(tid('oi-partner'), 'change');
  await page.waitForFunction((c) => {
    if (document.querySelector('[data-testid="oi-empty"]')) return true;
    const rows = [...document.querySelectorAll('[data-testid="oi-row"]')];
    return rows.length > 0 && rows.every((r) => r.dataset.partner === c);
  }, code);
  return page.$$eval('[data-testid="oi-row"]', (trs) => trs.map((tr) => tr.dataset.reference));
}

/** Picks `file` ({ name, buffer } or a path) on the statements page and
 * waits for what the page made of it. */
async function pick(file) {
  await go('/banking/statements', tid('st-file'));
  await page.setInputFiles(tid('st-file'), file);
  await page.waitForSelector(`${tid('st-ready')}, ${tid('error')}`, { timeout: 10000 });
}

/** Imports the picked file; the notice's text. */
async function importPicked() {
  const error = await page.$(tid('error'));
  assert.equal(error && (await error.textContent()), null, 'the file reads');
  await page.click(tid('st-import-run'));
  await page.waitForSelector(`${tid('st-imported')}, ${tid('error')}`, { timeout: 10000 });
  const refused = await page.$(tid('error'));
  assert.equal(refused && (await refused.textContent()), null, 'the import is accepted');
  return (await page.textContent(tid('st-imported'))).trim();
}

test('a company matching the statement: house bank, customer with IBAN, invoice, opening balance', async () => {
  await createCompany(page, app.url, { name: 'Kontoauszug GmbH', year: '2014' });
  await go('/banking/house-banks', tid('hb-code'));
  await page.fill(tid('hb-code'), 'NLB');
  await page.fill(tid('hb-name'), 'Testbank');
  await page.fill(tid('hb-account'), '1200');
  await page.fill(tid('hb-iban'), HOUSE_IBAN);
  await page.fill(tid('hb-currency'), 'EUR');
  await page.fill(tid('hb-suspense'), '1360');
  await page.click(tid('hb-save'));
  await page.waitForSelector(tid('notice'));

  await go('/master-data/partners/new', tid('partner-form'));
  await page.fill(tid('partner-name'), 'NAME NAME');
  await page.fill(tid('partner-town'), 'Antwerpen');
  await page.click(tid('add-bank'));
  await page.fill(tid('bank-iban'), PAYER_IBAN);
  await page.click(tid('partner-save'));
  await page.waitForFunction(() => document.querySelector('[data-testid="partner-title"]')?.textContent.endsWith('NAME NAME'));
  customer = (await page.textContent(tid('partner-title'))).trim().split(' ')[0];

  await postEntry({ date: '30.12.2014', reference: 'EB-BANK', lines: [['1200', '18,15'], ['9000', '', '18,15']] });
  await postEntry({ date: '01.12.2014', reference: 'RE-885', lines: [[customer, '8,85'], ['8400', '', '7,44', 'U19']] });
  assert.deepEqual(await openReferences(customer), ['RE-885']);
  assert.deepEqual(page.errors, []);
});

test('a file that is no statement and a cut ZIP are refused, naming the file', async () => {
  await pick({ name: 'notiz.xml', mimeType: 'text/plain', buffer: Buffer.from('Hallo Bank') });
  assert.match(await page.textContent(tid('error')), /Datei „notiz\.xml“: Das ist kein Kontoauszug/);
  const zip = await readFile(ZIP);
  await pick({ name: 'abgeschnitten.zip', mimeType: 'application/zip', buffer: zip.subarray(0, 200) });
  assert.match(await page.textContent(tid('error')), /Datei „abgeschnitten\.zip“.*ZIP-Archiv ist beschädigt oder abgeschnitten/);
  assert.equal(await page.$(tid('st-row')), null, 'nothing was imported');
});

test('the camt.053.001.08 ZIP imports one statement with one line', async () => {
  await pick(ZIP);
  assert.match(await page.textContent(tid('st-ready')), /1 Auszüge mit 1 Umsätzen/);
  assert.equal(await importPicked(), '1 Auszüge, 1 Umsätze importiert, 0 Umsätze als bereits importiert übersprungen.');
  await page.waitForSelector(tid('st-row'));
  const row = await page.$eval(tid('st-row'), (tr) => ({
    lines: tr.querySelector('[data-testid="st-lines"]').textContent.trim(),
    open: tr.querySelector('[data-testid="st-open"]').textContent.trim(),
    text: tr.textContent,
  }));
  assert.deepEqual([row.lines, row.open], ['1', '1']);
  assert.match(row.text, /253EURNL26VAYB8060476890/);
  assert.match(row.text, /NLB Testbank/);
  await shots('bank-statements', 'Bank statements');
  assert.deepEqual(page.errors, []);
});

test('the top proposal is the invoice by IBAN; Enter accepts, Ctrl+Enter posts, the invoice is cleared', async () => {
  await go('/banking/statements', tid('st-row'));
  await page.click(`${tid('st-row')} a`);
  await page.waitForSelector(tid('sl-row'));
  const top = await page.textContent(`${tid('sl-row')} ${tid('sl-proposal')}`);
  assert.match(top, new RegExp(`${customer} NAME NAME`));
  assert.match(top, /RE-885/);
  assert.match(top, /IBAN gehört dem Partner/);
  // The book had the opening balance before the statement.
  assert.equal(await page.getAttribute(tid('sl-check-booked-before'), 'data-ok'), 'true');
  await page.click(`${tid('sl-row')} td.date`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /übernommen \(1\)/.test(document.querySelector('[data-testid="sl-pick"]')?.textContent ?? ''));
  await shots('bank-statement', 'Bank statement');
  await page.click(`${tid('sl-row')} td.date`);
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector(`${tid('sl-done')}, ${tid('error')}`, { timeout: 10000 });
  const error = await page.$(tid('error'));
  assert.equal(error && (await error.textContent()), null, 'the statement posts');
  assert.match(await page.textContent(tid('sl-done')), /1 Umsätze gebucht/);
  await page.waitForSelector(tid('sl-posted'));
  // Book balance of 1200 = opening 18.15 + 8.85; the sample's closing
  // balance (DBIT 27.00) is shown as a difference of 54.00.
  const booked = await page.$eval(tid('sl-check-booked'), (tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()));
  assert.equal(booked[2], '27,00', 'the bank account holds opening balance plus the line');
  assert.equal(await page.getAttribute(tid('sl-check-sum'), 'data-ok'), 'false');
  assert.match(booked[3], /weicht ab um .?54,00/);
  await screenshot(page, 'bank-statement-posted-de');
  assert.deepEqual(await openReferences(customer), [], 'the invoice is cleared');
  assert.deepEqual(page.errors, []);
});

test('the same file again imports nothing and says what it skipped', async () => {
  await pick(ZIP);
  assert.equal(await importPicked(), '0 Auszüge, 0 Umsätze importiert, 1 Umsätze als bereits importiert übersprungen.');
  await page.waitForSelector(tid('st-row'));
  assert.equal((await page.$$(tid('st-row'))).length, 1, 'still one statement');
  assert.equal(await page.textContent(`${tid('st-row')} ${tid('st-open')}`), '0');
  assert.deepEqual(page.errors, []);
});
