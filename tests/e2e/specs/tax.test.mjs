// Tax codes and cost accounting (issue 7): the default tax codes of SKR03,
// a new code and a refused one, dimension 1 with two centres and a 60/40
// distribution rule (a rule that does not sum to 100 % is refused), an
// expense posted with 19 % input VAT and the rule, its tax line in the entry
// detail, the UStVA figure (Kz 66) and the cost-centre report's split; CSV
// downloads; screenshots of every screen in German and English.
//
// The expense goes through the journal-entry grid's tax-code and
// dimension columns (`tax-0` / `dim1-0`); a grid without them fails the
// spec, it never falls back to posting without tax.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
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
    // The switch button names the other language once the texts changed.
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

async function text(page, selector) {
  return (await page.textContent(selector)).trim();
}

async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const content = await readFile(await dl.path(), 'utf8');
  return { name: dl.suggestedFilename(), content: content.replace(/^\uFEFF/, '') };
}

let entryId = null;

test('company from SKR03 has the default tax codes', async () => {
  await createCompany(page, app.url, { name: 'Steuer GmbH', chart: 'skr03', year: '2026' });
  await setLang(page, 'de');
  await go(page, '/admin/tax-codes');
  await page.waitForSelector('[data-testid="tax-codes"] tr[data-code="U19"]');
  const rate = async (code) => text(page, `tr[data-code="${code}"] [data-testid="tax-rate"]`);
  assert.equal(await rate('U19'), '19 %');
  assert.equal(await rate('U7'), '7 %');
  assert.equal(await rate('V19'), '19 %');
  assert.equal(await rate('U0'), '–');
  for (const code of ['IGL', 'IGE19', 'RC19', 'RCB19']) {
    assert.ok(await page.$(`tr[data-code="${code}"]`), `${code} listed`);
  }
  assert.match(await text(page, 'tr[data-code="V19"] [data-testid="tax-boxes"]'), /66/);
  assert.match(await text(page, 'tr[data-code="RC19"] [data-testid="tax-boxes"]'), /46.*47.*67/);
});

test('a tax code is created with a rate history; a code without its account is refused with a sentence', async () => {
  await page.fill('[data-testid="tax-code"]', 'V107');
  await page.fill('[data-testid="tax-name-de"]', 'Vorsteuer 10,7 %');
  await page.fill('[data-testid="tax-name-en"]', 'Input VAT 10.7 %');
  await page.selectOption('[data-testid="tax-direction"]', 'input');
  await page.fill('[data-testid="rate-date"]', '01.01.2020');
  await page.fill('[data-testid="rate-percent"]', '10,7');
  await page.fill('[data-testid="tax-input-box"]', '66');
  await page.click('[data-testid="tax-save"]');
  const error = await page.waitForSelector('[data-testid="tax-code-form"] [data-testid="error"]');
  const sentence = (await error.textContent()).trim();
  assert.match(sentence, /V107/);
  assert.ok(sentence.length > 20 && sentence.endsWith('.'), `a sentence: ${sentence}`);

  await page.fill('[data-testid="tax-input-account"]', '1576');
  await page.click('[data-testid="add-rate"]');
  await page.locator('[data-testid="rate-date"]').nth(1).fill('01.01.2026');
  await page.locator('[data-testid="rate-percent"]').nth(1).fill('10,7');
  await page.locator('[data-testid="rate-percent"]').nth(0).fill('9');
  await page.click('[data-testid="tax-save"]');
  await page.waitForSelector('[data-testid="notice"]');
  await page.waitForSelector('tr[data-code="V107"]');
  assert.equal(await text(page, 'tr[data-code="V107"] [data-testid="tax-rate"]'), '10,7 %');
  await shots(page, 'tax-codes');

  // Edit: the form loads the code with its two rates.
  await page.click('[data-testid="edit-V107"]');
  assert.equal(await page.locator('[data-testid="rate-date"]').count(), 2);
  assert.equal(await page.inputValue('[data-testid="tax-code"]'), 'V107');
  assert.ok(await page.isDisabled('[data-testid="tax-code"]'));
  await page.locator('[data-testid="tax-active"]').uncheck();
  await page.click('[data-testid="tax-save"]');
  await page.waitForSelector('tr[data-code="V107"].inactive');
  assert.equal(page.errors.length, 0, page.errors.join('\n'));
});

test('dimension 1, two centres and a 60/40 rule; a rule not summing to 100 % is refused', async () => {
  await go(page, '/admin/costing');
  await page.waitForSelector('[data-testid="dimensions"]');
  assert.ok(await page.$('[data-testid="no-dimension"]'));
  await page.fill('[data-testid="dim-1-de"]', 'Kostenstelle');
  await page.fill('[data-testid="dim-1-en"]', 'Cost centre');
  await page.click('[data-testid="dim-1-save"]');
  await page.waitForSelector('[data-testid="dim-tab-1"]');
  await page.waitForSelector('[data-testid="centre-form"]');

  for (const [code, de, en] of [['VERW', 'Verwaltung', 'Administration'], ['VERT', 'Vertrieb', 'Sales']]) {
    await page.fill('[data-testid="centre-code"]', code);
    await page.fill('[data-testid="centre-name-de"]', de);
    await page.fill('[data-testid="centre-name-en"]', en);
    await page.click('[data-testid="centre-save"]');
    await page.waitForSelector(`[data-testid="centre-table"] tr[data-centre="${code}"]`);
  }

  await page.fill('[data-testid="rule-code"]', 'MIETE');
  await page.fill('[data-testid="rule-name-de"]', 'Miete nach Fläche');
  await page.fill('[data-testid="rule-name-en"]', 'Rent by floor space');
  const centres = page.locator('[data-testid="share-centre"]');
  const values = page.locator('[data-testid="share-value"]');
  await centres.nth(0).selectOption('VERW');
  await values.nth(0).fill('60');
  await centres.nth(1).selectOption('VERT');
  await values.nth(1).fill('30');
  assert.equal(await text(page, '[data-testid="share-sum"]'), '90 %');
  assert.ok(await page.$('[data-testid="share-sum-warning"]'));
  await page.click('[data-testid="rule-save"]');
  const refusal = await page.waitForSelector('[data-testid="rule-form"] [data-testid="error"]');
  assert.match(await refusal.textContent(), /100/);
  assert.equal(await page.$('tr[data-rule="MIETE"]'), null, 'nothing saved');

  await values.nth(1).fill('40');
  assert.equal(await text(page, '[data-testid="share-sum"]'), '100 %');
  await page.click('[data-testid="rule-save"]');
  await page.waitForSelector('[data-testid="rule-table"] tr[data-rule="MIETE"]');
  assert.match(await text(page, 'tr[data-rule="MIETE"] td.shares'), /VERW 60 %.*VERT 40 %/);
  await shots(page, 'costing');
  assert.equal(page.errors.length, 0, page.errors.join('\n'));
});

test('an expense with 19 % input VAT and the rule posts with its tax line', async () => {
  await go(page, '/financials/entry');
  await page.waitForSelector('[data-testid="account-0"]');
  for (const field of ['tax-0', 'dim1-0']) {
    assert.ok(await page.$(`[data-testid="${field}"]`), `the entry grid has its ${field} field`);
  }
  await page.fill('[data-testid="posting-date"]', '15.01.2026');
  await page.fill('[data-testid="reference"]', 'ER-7');
  await page.fill('[data-testid="memo"]', 'Miete Januar');
  await page.fill('[data-testid="account-0"]', '4210');
  await page.fill('[data-testid="debit-0"]', '1.000,00');
  await page.fill('[data-testid="tax-0"]', 'V19');
  await page.fill('[data-testid="dim1-0"]', 'MIETE');
  await page.fill('[data-testid="account-1"]', '1200');
  await page.fill('[data-testid="credit-1"]', '1.190,00');
  await page.focus('[data-testid="account-0"]');
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector('[data-testid="entry-posted"]');

  await go(page, '/financials/journal');
  const link = await page.waitForSelector('[data-testid="journal-row"]');
  entryId = await link.getAttribute('data-entry');
  await go(page, `/financials/journal/${entryId}`);
  await page.waitForSelector('[data-testid="entry-lines"]');
  const lines = await page.$$eval('[data-testid="entry-line"]', (trs) => trs.map((tr) => tr.textContent));
  assert.equal(lines.length, 3, `base, tax and bank lines: ${lines.join(' | ')}`);
  assert.ok(lines.some((l) => l.includes('1576') && l.includes('190,00')), `tax line: ${lines.join(' | ')}`);
});

test('VAT return: Kz 66 input tax, payable total, drill-down, CSV', async () => {
  await go(page, '/reports/vat');
  await page.waitForSelector('[data-testid="vat-preset"]');
  // January 2026 is the period of the last posting: the default.
  assert.equal(await page.inputValue('[data-testid="vat-preset"]'), '0-0');
  await page.waitForSelector('[data-testid="vat-row-66"]');
  assert.equal(await text(page, '[data-testid="vat-row-66"] [data-testid="vat-tax"]'), '190,00');
  assert.equal(await text(page, '[data-testid="vat-input-total"]'), '190,00');
  assert.equal(await text(page, '[data-testid="vat-payable-amount"]'), '-190,00');
  await page.click('[data-testid="vat-row-66"] [data-testid="vat-drill-toggle"]');
  const drillLink = await page.waitForSelector('[data-testid="vat-drill"] [data-testid="vat-entry-link"]');
  assert.equal(await drillLink.getAttribute('href'), `/financials/journal/${entryId}`);
  // Quarter 1 covers the same figures.
  await page.selectOption('[data-testid="vat-preset"]', '0-2');
  assert.equal(await page.inputValue('[data-testid="vat-to"]'), '2');
  const csv = await download(page, '[data-testid="export-csv"]');
  assert.equal(csv.name, 'ustva_2026-01-01_2026-03-31.csv');
  assert.match(csv.content, /^Kennzahl Bemessungsgrundlage;Bemessungsgrundlage;Kennzahl Steuer;Steuer;Steuerkennzeichen\r\n/);
  assert.match(csv.content, /\r\n;;66;190,00;V19\r\n;;83;-190,00;\r\n$/);
  await page.selectOption('[data-testid="vat-preset"]', '0-0');
  await page.click('[data-testid="vat-row-66"] [data-testid="vat-drill-toggle"]');
  await shots(page, 'vat-return');
  assert.equal(page.errors.length, 0, page.errors.join('\n'));
});

test('cost-centre report: the rule splits 60/40, totals equal the P&L, CSV', async () => {
  await go(page, '/reports/cost-centres');
  await page.waitForSelector('[data-testid="cost-report"]');
  const expense = async (row) => text(page, `[data-testid="cc-row-${row}"] [data-testid="cc-expense"]`);
  assert.equal(await expense('VERW'), '600,00');
  assert.equal(await expense('VERT'), '400,00');
  assert.equal(await expense('unassigned'), '0,00');
  assert.equal(await text(page, '[data-testid="cc-total-expense"]'), '1.000,00');
  assert.ok(await page.$('[data-testid="cc-matches"].ok'));
  const csv = await download(page, '[data-testid="export-csv"]');
  assert.equal(csv.name, 'kostenstellen_2026-01-01_2026-12-31.csv');
  assert.match(csv.content, /^Dimension;Kostenstelle;Konto;Art;Betrag\r\n/);
  assert.match(csv.content, /1;VERT;4210;Aufwand;400,00\r\n1;VERW;4210;Aufwand;600,00\r\n/);
  await page.click('[data-testid="cc-row-VERW"] .link-button');
  await shots(page, 'cost-centres');
  assert.equal(page.errors.length, 0, page.errors.join('\n'));
});

test('module overviews link the new screens', async () => {
  await go(page, '/reports');
  assert.ok(await page.$('a.card-link[href="/reports/vat"]'));
  assert.ok(await page.$('a.card-link[href="/reports/cost-centres"]'));
  await go(page, '/admin');
  assert.ok(await page.$('a.card-link[href="/admin/tax-codes"]'));
  assert.ok(await page.$('a.card-link[href="/admin/costing"]'));
});
