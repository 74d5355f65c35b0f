// Internal reconciliation (Interne Abstimmung) in the demo company:
// invoices and credit notes of customer 10001 typed in the entry grid,
// then on /banking/reconciliation a manual reconciliation of part of an
// invoice against a credit note (the net must reach 0,00 first), a
// proposal by reference accepted, the automatic reconciliation with its
// result list, and one reconciliation cancelled after a confirmation,
// its items open again. Screenshots German and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, waitForApp, screenshot } from '../lib/app.mjs';
import { assertEnglish } from '../lib/english.mjs';

const CUSTOMER = '10001';

let app;
let page;
let year;
before(async () => {
  app = await startApp();
  page = await app.page();
});
after(async () => { await app?.close(); });

async function setLang(lang) {
  const current = await page.evaluate(() => document.documentElement.lang);
  if (current !== lang) {
    await page.keyboard.press('Alt+L');
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  }
}

async function text(selector) {
  return (await page.textContent(selector)).trim();
}

/** Types and posts one entry: lines are [account, debit, credit]. */
async function postEntry({ date, reference, memo, lines }) {
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

const row = (reference) => `[data-testid="rc-row"][data-reference="${reference}"]`;

/** The screen for the customer on Dec 31 of the demo year. */
async function openScreen() {
  await page.goto(app.url + '/banking/reconciliation');
  await waitForApp(page);
  await page.waitForSelector('[data-testid="rc-choose"]');
  await page.fill('[data-testid="rc-date"]', `31.12.${year}`);
  await page.dispatchEvent('[data-testid="rc-date"]', 'change');
  await page.fill('[data-testid="rc-partner"]', CUSTOMER);
  await page.dispatchEvent('[data-testid="rc-partner"]', 'change');
  await page.waitForSelector('[data-testid="rc-items"]');
}

async function references() {
  return page.$$eval('[data-testid="rc-row"]', (trs) => trs.map((tr) => tr.dataset.reference));
}

test('the demo company opens and invoices and credit notes are posted to a customer', async () => {
  await page.goto(app.url);
  await waitForApp(page);
  await page.click('[data-testid="open-demo"]');
  await page.waitForSelector('[data-testid="trial-balance"]', { timeout: 120000 });
  year = Number(await page.$eval('[data-testid="tb-year"]', (s) => s.value));
  await page.goto(app.url + '/financials/entry');
  await waitForApp(page);
  await page.waitForSelector('[data-testid="account-0"]');
  const invoice = (day, reference, gross, net, tax) => postEntry({
    date: `${day}.12.${year}`, reference, memo: 'Rechnung',
    lines: [[CUSTOMER, gross], ['8400', '', net], ['1776', '', tax]],
  });
  const note = (day, reference, memo, gross, net, tax) => postEntry({
    date: `${day}.12.${year}`, reference, memo,
    lines: [[CUSTOMER, '', gross], ['8400', net], ['1776', tax]],
  });
  await invoice('10', 'RC-E2E-1', '1.190,00', '1.000,00', '190,00');
  await note('11', 'RC-GS-1', 'Gutschrift', '238,00', '200,00', '38,00');
  await invoice('12', 'RC-E2E-2', '595,00', '500,00', '95,00');
  await note('14', 'RC-E2E-2', 'Gutschrift', '595,00', '500,00', '95,00');
  await invoice('15', 'RC-E2E-3', '357,00', '300,00', '57,00');
  await note('16', 'RC-GS-3', 'Gutschrift', '357,00', '300,00', '57,00');
  assert.deepEqual(page.errors, []);
});

test('a credit note is reconciled against part of an invoice once the net is 0,00', async () => {
  await openScreen();
  const refs = await references();
  for (const r of ['RC-E2E-1', 'RC-GS-1', 'RC-E2E-2', 'RC-E2E-3', 'RC-GS-3']) assert.ok(refs.includes(r), `${r} listed`);
  await page.check(`${row('RC-E2E-1')} [data-testid="rc-tick"]`);
  await page.check(`${row('RC-GS-1')} [data-testid="rc-tick"]`);
  // Both in full: 1.190,00 against 238,00, the net is 952,00 and the button stays off.
  await page.waitForFunction(() => document.querySelector('[data-testid="rc-net"]').textContent.trim() === '952,00');
  assert.ok(await page.isDisabled('[data-testid="rc-reconcile"]'));
  await page.fill(`${row('RC-E2E-1')} [data-testid="rc-amount"]`, '238,00');
  await page.waitForFunction(() => document.querySelector('[data-testid="rc-net"]').textContent.trim() === '0,00');
  await screenshot(page, 'reconciliation-manual-de');
  await page.click('[data-testid="rc-reconcile"]');
  await page.waitForSelector('[data-testid="rc-done"]');
  assert.match(await text('[data-testid="rc-done"]'), /^Abgestimmt als Ausgleich \d+$/);
  await page.waitForFunction((s) => !document.querySelector(s), row('RC-GS-1'));
  // The invoice stays open with the rest (the debit column).
  assert.equal(await text(`${row('RC-E2E-1')} td:nth-child(5)`), '952,00');
  // The history lists it as valid.
  const first = await page.$$eval('[data-testid="rc-clearing"]', (trs) => trs.map((t) => t.textContent));
  assert.match(first[0], /RC-E2E-1 · RC-GS-1.*238,00.*gültig/);
  assert.deepEqual(page.errors, []);
});

test('a proposal by reference is accepted: it ticks its items and reconciles them', async () => {
  await page.click('[data-testid="rc-propose"]');
  await page.waitForSelector('[data-testid="rc-proposals"], [data-testid="rc-no-proposals"]');
  const reasons = await page.$$eval('[data-testid="rc-reason"]', (tds) => tds.map((t) => t.textContent.trim()));
  const i = reasons.findIndex((r) => r.startsWith('Gleiche Referenz RC-E2E-2'));
  assert.ok(i >= 0, `proposal by reference among ${JSON.stringify(reasons)}`);
  assert.equal(reasons[i], 'Gleiche Referenz RC-E2E-2, 2 Tage auseinander');
  // The amount pair is proposed too, as same amount.
  assert.ok(reasons.some((r) => r.startsWith('Gleicher Betrag')), 'same-amount proposal');
  await screenshot(page, 'reconciliation-proposals-de');
  await setLang('en');
  await page.waitForSelector('[data-testid="rc-proposals"]');
  await screenshot(page, 'reconciliation-proposals-en');
  await assertEnglish(page, 'reconciliation proposals');
  await setLang('de');
  await page.waitForSelector('[data-testid="rc-proposals"]');
  await page.click(`[data-testid="rc-proposal"]:nth-child(${i + 1}) [data-testid="rc-accept"]`);
  await page.waitForFunction((s) => document.querySelector(s)?.checked, `${row('RC-E2E-2')} [data-testid="rc-tick"]`);
  assert.equal(await text('[data-testid="rc-net"]'), '0,00');
  assert.equal(await page.$$eval('[data-testid="rc-tick"]:checked', (c) => c.length), 2);
  await page.click('[data-testid="rc-reconcile"]');
  await page.waitForSelector('[data-testid="rc-done"]');
  await page.waitForFunction((s) => !document.querySelector(s), row('RC-E2E-2'));
  assert.deepEqual(page.errors, []);
});

test('the automatic reconciliation clears the same-amount pair and lists it', async () => {
  await page.click('[data-testid="rc-auto"]');
  await page.waitForSelector('[data-testid="rc-auto-done"], [data-testid="rc-auto-error"]');
  assert.match(await text('[data-testid="rc-auto-done"]'), /^Ausgleiche gebucht: \d+$/);
  const rows = await page.$$eval('[data-testid="rc-auto-row"]', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
  const ours = rows.find((r) => r[1].startsWith(`${CUSTOMER} `) && r[3] === '357,00');
  assert.ok(ours, `result row for ${CUSTOMER}: ${JSON.stringify(rows.slice(0, 5))}`);
  assert.equal(ours[2], '2');
  await page.waitForFunction((s) => !document.querySelector(s), row('RC-E2E-3'));
  await screenshot(page, 'reconciliation-auto-de');
  // Nothing left to match: the engine's sentence.
  await page.click('[data-testid="rc-auto"]');
  await page.waitForSelector('[data-testid="rc-auto-error"]');
  assert.equal(await text('[data-testid="rc-auto-error"]'), 'Es gibt nichts abzustimmen.');
  assert.deepEqual(page.errors, []);
});

test('a reconciliation is cancelled after a confirmation and its items are open again', async () => {
  const sel = '[data-testid="rc-clearing"]';
  const number = await page.$$eval(sel, (trs) => trs.find((t) => /RC-E2E-3/.test(t.textContent)).dataset.number);
  await page.click(`${sel}[data-number="${number}"] [data-testid="rc-cancel"]`);
  await page.waitForSelector('[data-testid="rc-confirm-cancel"]');
  await screenshot(page, 'reconciliation-cancel-de');
  await page.click('[data-testid="rc-confirm-cancel"]');
  await page.waitForSelector('[data-testid="rc-done"]');
  assert.equal(await text('[data-testid="rc-done"]'), `Storniert: Ausgleich ${number}`);
  await page.waitForSelector(row('RC-E2E-3'));
  await page.waitForSelector(row('RC-GS-3'));
  assert.equal(await text(`${sel}[data-number="${number}"] [data-testid="rc-status"]`), 'storniert');
  assert.equal(await page.$(`${sel}[data-number="${number}"] [data-testid="rc-cancel"]`), null);
  await setLang('en');
  await page.waitForSelector('[data-testid="rc-history"]');
  assert.equal(await text(`${sel}[data-number="${number}"] [data-testid="rc-status"]`), 'cancelled');
  await screenshot(page, 'reconciliation-en');
  await assertEnglish(page, 'reconciliation');
  await setLang('de');
  assert.deepEqual(page.errors, []);
});
