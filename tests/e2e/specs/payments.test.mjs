// Payments (Zahlungsverkehr) in the demo company: a new customer with
// 2 % discount within 14 days gets two invoices; the incoming payment
// screen offers the discount, its preview shows the discount and the VAT
// correction, posting clears both items in the open items list. A
// vendor's invoice is paid with a bank fee. Cancelling the incoming
// payment in the payment list opens the items again. Screenshots of the
// payment screen and the list, German and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, waitForApp, screenshot } from '../lib/app.mjs';
import { assertEnglish } from '../lib/english.mjs';

const BANK = '1200';
const OUTPUT_VAT = '1776';
const INPUT_VAT = '1576';

let app;
let page;
let year;
let customer;
let vendor;
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
  if (selector) await page.waitForSelector(selector, { timeout: 8000 }).catch(async (e) => { await screenshot(page, 'payment-go-failed'); assert.fail(`${e.message}\n${page.errors.join('\n')}`); });
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

/** A new partner with terms; returns its code. */
async function newPartner(kind, name, terms) {
  await go('/master-data/partners/new', tid('partner-form'));
  if (kind === 'vendor') {
    await page.selectOption(tid('partner-kind'), 'vendor');
    await page.waitForFunction(() => document.querySelector('[data-testid="partner-code"]')?.value.startsWith('7'));
  }
  await page.fill(tid('partner-name'), name);
  await page.fill(tid('partner-town'), 'Berlin');
  await page.selectOption(tid('partner-terms'), terms);
  await page.click(tid('partner-save'));
  await page.waitForFunction((n) => document.querySelector('[data-testid="partner-title"]')?.textContent.endsWith(n), name);
  return (await page.textContent(tid('partner-title'))).trim().split(' ')[0];
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

/** Opens the payment screen for `code`; waits for its items. */
async function openPayment(direction, code, date) {
  await go(`/banking/${direction}`, tid('pay-partner'));
  await page.fill(tid('pay-date'), date);
  await page.press(tid('pay-date'), 'Tab');
  await page.fill(tid('pay-partner'), code);
  await page.press(tid('pay-partner'), 'Tab');
  await page.waitForSelector(tid('pay-item'));
}

/** The preview's lines: { account: [debit, credit, tax] }. */
async function previewLines() {
  await page.waitForSelector(tid('pay-preview-line'));
  return page.$$eval('[data-testid="pay-preview-line"]', (trs) => trs.map((tr) => ({
    account: tr.dataset.account,
    debit: tr.querySelector('[data-testid="pv-debit"]').textContent.trim(),
    credit: tr.querySelector('[data-testid="pv-credit"]').textContent.trim(),
    tax: tr.querySelector('[data-testid="pv-tax"]').textContent.trim(),
  })));
}

/** "1.234,56" → 1234.56; sums of the preview's debit or credit per account. */
const num = (t) => (t === '' ? 0 : Number(t.replace(/\./g, '').replace(',', '.')));
const sum = (lines, account, side) => Math.round(lines.filter((l) => l.account === account)
  .reduce((a, l) => a + num(l[side]), 0) * 100) / 100;

/** Waits for the post's outcome; a refusal fails with its sentence. */
async function posted() {
  await page.waitForSelector(`${tid('pay-posted')}, ${tid('error')}`, { timeout: 10000 })
    .catch(async (e) => {
      await screenshot(page, 'payment-not-posted');
      assert.fail(`${e.message}\n${page.errors.join('\n')}`);
    });
  const error = await page.$(tid('error'));
  assert.equal(error && (await error.textContent()), null, 'the payment posts');
}

/** References of `code`'s open items in the open items list. */
async function openReferences(code, kind = 'customer') {
  await go('/reports/open-items', '[data-testid="open-items"], [data-testid="oi-empty"]');
  if (kind === 'vendor') await page.selectOption(tid('oi-kind'), 'vendor');
  await page.fill(tid('oi-partner'), code);
  await page.dispatchEvent(tid('oi-partner'), 'change');
  await page.waitForFunction((c) => {
    if (document.querySelector('[data-testid="oi-empty"]')) return true;
    const rows = [...document.querySelectorAll('[data-testid="oi-row"]')];
    return rows.length > 0 && rows.every((r) => r.dataset.partner === c);
  }, code);
  return page.$$eval('[data-testid="oi-row"]', (trs) => trs.map((tr) => tr.dataset.reference));
}

test('the demo company opens; a customer and a vendor with terms get invoices', async () => {
  await go('/');
  await page.click(tid('open-demo'));
  await page.waitForSelector(tid('trial-balance'), { timeout: 120000 });
  year = Number(await page.$eval(tid('tb-year'), (s) => s.value));
  customer = await newPartner('customer', 'Zahlprobe Kunde GmbH', 'S2N30');
  vendor = await newPartner('vendor', 'Zahlprobe Lieferant AG', 'N30');
  await postEntry({ date: `10.12.${year}`, reference: 'PAY-R1', lines: [[customer, '1.190,00'], ['8400', '', '1.000,00', 'U19']] });
  await postEntry({ date: `10.12.${year}`, reference: 'PAY-R2', lines: [[customer, '595,00'], ['8400', '', '500,00', 'U19']] });
  await postEntry({ date: `10.12.${year}`, reference: 'PAY-ER1', lines: [['3400', '500,00', '', 'V19'], [vendor, '', '595,00']] });
  assert.deepEqual((await openReferences(customer)).sort(), ['PAY-R1', 'PAY-R2']);
  assert.deepEqual(page.errors, []);
});

test('an incoming payment takes the discount of both invoices with its VAT correction', async () => {
  await openPayment('incoming', customer, `15.12.${year}`);
  assert.match(await page.textContent(tid('pay-partner-name')), /Zahlprobe Kunde GmbH/);
  // 10.12. + 14 days: the discount runs until 24.12.
  const offers = await page.$$eval('[data-testid="pay-offer"]', (tds) => tds.map((t) => t.textContent.trim()));
  assert.deepEqual(offers.sort(), [`11,90 bis 24.12.${year}`, `23,80 bis 24.12.${year}`]);
  // One ticked by mouse, one by Space on the focused row.
  await page.click(`[data-testid="pay-item"][data-reference="PAY-R1"] ${tid('pay-tick')}`);
  await page.focus(`[data-testid="pay-item"][data-reference="PAY-R2"] ${tid('pay-tick')}`);
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelector('[data-testid="pay-total-net"]')?.textContent.trim() === '1.749,30');
  assert.equal((await page.textContent(tid('pay-total-discount'))).trim(), '35,70');
  await page.fill(tid('pay-means-account'), BANK);
  // The means amount follows what the items need.
  assert.equal(await page.inputValue(tid('pay-means-amount')), '1.749,30');
  const lines = await previewLines();
  assert.equal(sum(lines, BANK, 'debit'), 1749.30, 'the bank gets the money');
  assert.equal(sum(lines, OUTPUT_VAT, 'debit'), 5.70, 'output VAT corrected by 19/119 of the discount');
  const discount = lines.filter((l) => ![BANK, OUTPUT_VAT].includes(l.account) && l.debit !== '');
  assert.equal(discount.reduce((a, l) => a + num(l.debit), 0), 30, 'the net discount on a discount account');
  const receivable = lines.filter((l) => l.credit !== '');
  assert.equal(receivable.reduce((a, l) => a + num(l.credit), 0), 1785, 'the receivable leaves in full');
  await shots('payment-incoming', 'Incoming payment');
  await page.focus(tid('pay-reference'));
  await page.keyboard.press('Control+Enter');
  await posted();
  assert.match(await page.textContent(tid('pay-posted')), /Zahlung gebucht: \d+/);
  assert.equal(await page.$(tid('pay-item')), null, 'the form is cleared');
  assert.deepEqual(await openReferences(customer), [], 'both invoices are cleared');
  assert.deepEqual(page.errors, []);
});

test('an outgoing payment with a bank fee', async () => {
  await openPayment('outgoing', vendor, `20.12.${year}`);
  await page.click(`[data-testid="pay-item"][data-reference="PAY-ER1"] ${tid('pay-tick')}`);
  await page.fill(tid('pay-fee'), '5,00');
  await page.fill(tid('pay-means-account'), BANK);
  await page.waitForFunction(() => document.querySelector('[data-testid="pay-means-amount"]')?.value === '600,00');
  const lines = await previewLines();
  assert.equal(sum(lines, BANK, 'credit'), 600, 'the bank pays invoice and fee');
  assert.ok(lines.some((l) => l.debit === '595,00'), 'the payable leaves in full');
  assert.ok(lines.some((l) => l.account !== BANK && l.debit === '5,00'), 'the fee on an expense account');
  assert.ok(!lines.some((l) => l.account === INPUT_VAT), 'no discount, no VAT correction');
  await shots('payment-outgoing', 'Outgoing payment');
  await page.click(tid('pay-post'));
  await posted();
  assert.deepEqual(await openReferences(vendor, 'vendor'), []);
  assert.deepEqual(page.errors, []);
});

test('cancelling the incoming payment opens its items again', async () => {
  await go('/banking/payments', tid('payments'));
  await page.fill(tid('pl-partner'), customer);
  await page.dispatchEvent(tid('pl-partner'), 'change');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="pl-row"]').length === 1);
  assert.match(await page.textContent(tid('pl-items')), /PAY-R1.*PAY-R2|PAY-R2.*PAY-R1/);
  await page.click(tid('pl-cancel'));
  await page.waitForSelector(tid('pl-confirm'));
  assert.equal(await page.inputValue(tid('pl-cancel-date')), `15.12.${year}`, 'the payment\'s date by default');
  await shots('payments-cancel', 'Payments');
  await page.click(tid('pl-confirm-yes'));
  await page.waitForSelector(tid('pl-cancelled'));
  assert.match(await page.textContent(tid('pl-status')), new RegExp(`storniert am 15\\.12\\.${year}`));
  await page.fill(tid('pl-partner'), '');
  await page.dispatchEvent(tid('pl-partner'), 'change');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="pl-row"]').length >= 2);
  await shots('payments', 'Payments');
  assert.deepEqual((await openReferences(customer)).sort(), ['PAY-R1', 'PAY-R2']);
  assert.deepEqual(page.errors, []);
});
