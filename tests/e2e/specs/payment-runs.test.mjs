// Payment wizard (Zahlungsassistent): a company built through the UI (a
// house bank with IBAN, BIC and Geldtransit account, a vendor with IBAN
// and address and 2 % discount terms (created on the terms page), a vendor without IBAN, an invoice
// each). A run of 20.01.2026 (next run 27.01.) proposes the first
// vendor's invoice with its discount (the discount ends on 24.01., before
// the next run) and leaves the second vendor out "without IBAN". Saved,
// then executed: the pain.001.001.09 file is downloaded at once and is
// valid against the ISO XSD (xmllint), the payment is posted and the
// invoice cleared. A camt.053.001.08 statement (built here in the
// structure of genkgo's camt053.v8.xml fixture) carrying the run's
// end-to-end id is imported; its line gets the run's transit posting as
// its top proposal and posts. Screenshots German and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { startApp, waitForApp, screenshot, ROOT, ARTIFACTS, ENGINE } from '../lib/app.mjs';
import { createCompany } from '../lib/company.mjs';
import { assertEnglish } from '../lib/english.mjs';

const HOUSE_IBAN = 'DE89370400440532013000';
const HOUSE_BIC = 'COBADEFFXXX';
const VENDOR_IBAN = 'DE02120300000000202051';
const VENDOR_BIC = 'BYLADEM1001';
// 119,00 less 2 % discount.
const PAID = '116,62';
// The schema copied into the repository (with its licence note), so a clean
// clone finds it without ../shared beside it.
const XSD = ['tests/fixtures/sepa/xsd']
  .map((d) => join(ROOT, d, 'pain.001.001.09.xsd'))
  .find((p) => existsSync(p));

let app;
let page;
let vendor;
let noIban;
let endToEnd;
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
      await screenshot(page, 'payment-runs-go-failed');
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

/** A new vendor with S14N30 terms and (unless `iban` is empty) a bank account. */
async function newVendor(name, iban, bic) {
  await go('/master-data/partners/new', tid('partner-form'));
  await page.selectOption(tid('partner-kind'), 'vendor');
  await page.waitForFunction(() => document.querySelector('[data-testid="partner-code"]')?.value.startsWith('7'));
  await page.fill(tid('partner-name'), name);
  await page.fill(tid('partner-street'), 'Hafenstraße');
  await page.fill(tid('partner-house'), '7');
  await page.fill(tid('partner-postcode'), '20457');
  await page.fill(tid('partner-town'), 'Hamburg');
  await page.selectOption(tid('partner-terms'), 'S14N30');
  if (iban) {
    await page.click(tid('add-bank'));
    await page.fill(tid('bank-iban'), iban);
    await page.fill(tid('bank-bic'), bic);
  }
  await page.click(tid('partner-save'));
  await page.waitForFunction((n) => document.querySelector('[data-testid="partner-title"]')?.textContent.endsWith(n), name, { timeout: 10000 })
    .catch(async (e) => {
      await screenshot(page, 'payment-runs-vendor-failed');
      assert.fail(`${e.message}\n${page.errors.join('\n')}`);
    });
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

/** References of vendor `code`'s open items in the open items list. */
async function openReferences(code) {
  await go('/reports/open-items', '[data-testid="open-items"], [data-testid="oi-empty"]');
  await page.selectOption(tid('oi-kind'), 'vendor');
  await page.fill(tid('oi-partner'), code);
  await page.dispatchEvent(tid('oi-partner'), 'change');
  await page.waitForFunction((c) => {
    if (document.querySelector('[data-testid="oi-empty"]')) return true;
    const rows = [...document.querySelectorAll('[data-testid="oi-row"]')];
    return rows.length > 0 && rows.every((r) => r.dataset.partner === c);
  }, code);
  return page.$$eval('[data-testid="oi-row"]', (trs) => trs.map((tr) => tr.dataset.reference));
}

/** Types a date into a date field and leaves it. */
async function date(testid, text) {
  await page.fill(tid(testid), text);
  await page.press(tid(testid), 'Tab');
}

/** Fails with the page's error box, if it shows one. */
async function noError(what) {
  const error = await page.$(tid('error'));
  assert.equal(error && (await error.textContent()), null, what);
}

/** A camt.053.001.08 statement of the house bank with one debit line
 * paying `amount` to the vendor under `e2e`. */
function camt(amount, e2e) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>CAMT053-RUN-1</MsgId><CreDtTm>2026-01-21T18:00:00+01:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>2026-01-21-1</Id>
      <ElctrncSeqNb>1</ElctrncSeqNb>
      <CreDtTm>2026-01-21T18:00:00+01:00</CreDtTm>
      <Acct><Id><IBAN>${HOUSE_IBAN}</IBAN></Id></Acct>
      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-01-20</Dt></Dt></Bal>
      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${(1000 - amount).toFixed(2)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-01-21</Dt></Dt></Bal>
      <Ntry>
        <Amt Ccy="EUR">${amount.toFixed(2)}</Amt>
        <CdtDbtInd>DBIT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>2026-01-21</Dt></BookgDt>
        <ValDt><Dt>2026-01-21</Dt></ValDt>
        <AcctSvcrRef>RUN-1-LINE-1</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls><TxDtls>
          <Refs><EndToEndId>${e2e}</EndToEndId></Refs>
          <Amt Ccy="EUR">${amount.toFixed(2)}</Amt>
          <CdtDbtInd>DBIT</CdtDbtInd>
          <RltdPties>
            <Cdtr><Pty><Nm>Nordsee Papier GmbH</Nm></Pty></Cdtr>
            <CdtrAcct><Id><IBAN>${VENDOR_IBAN}</IBAN></Id></CdtrAcct>
          </RltdPties>
          <RmtInf><Ustrd>Sammelzahlung Zahlungslauf</Ustrd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>
    </Stmt>
  </BkToCstmrStmt>
</Document>
`;
}

test('a company with a house bank, two vendors and their invoices', async () => {
  await createCompany(page, app.url, { name: 'Zahllauf GmbH', year: '2026' });
  await go('/banking/house-banks', tid('hb-code'));
  await page.fill(tid('hb-code'), 'CBK');
  await page.fill(tid('hb-name'), 'Commerzbank');
  await page.fill(tid('hb-account'), '1200');
  await page.fill(tid('hb-iban'), HOUSE_IBAN);
  await page.fill(tid('hb-bic'), HOUSE_BIC);
  await page.fill(tid('hb-currency'), 'EUR');
  await page.fill(tid('hb-suspense'), '1360');
  await page.click(tid('hb-save'));
  await page.waitForSelector(tid('notice'));
  await go('/master-data/payment-terms', tid('terms-form'));
  await page.fill(tid('terms-code'), 'S14N30');
  await page.fill(tid('terms-name-de'), '14 Tage 2 % Skonto, 30 Tage netto');
  await page.fill(tid('terms-name-en'), '14 days 2 % discount, 30 days net');
  await page.fill(tid('terms-days'), '30');
  await page.fill(tid('discount-days-1'), '14');
  await page.fill(tid('discount-percent-1'), '2');
  await page.click(tid('terms-save'));
  await page.waitForSelector('[data-testid="payment-terms"] tr[data-code="S14N30"]');
  vendor = await newVendor('Nordsee Papier GmbH', VENDOR_IBAN, VENDOR_BIC);
  noIban = await newVendor('Elbe Druck KG', '', '');
  await postEntry({ date: '10.01.2026', reference: 'ER-100', lines: [[vendor, '', '119,00'], ['3400', '100,00', '', 'V19']] });
  await postEntry({ date: '10.01.2026', reference: 'ER-200', lines: [[noIban, '', '59,50'], ['3400', '50,00', '', 'V19']] });
  assert.deepEqual(await openReferences(vendor), ['ER-100']);
  assert.deepEqual(page.errors, []);
});

test('the wizard proposes the invoice with its discount and leaves out the vendor without IBAN', async () => {
  await go('/banking/payment-runs', tid('new-run'));
  assert.ok(await page.$(tid('runs-empty')), 'no run yet');
  await page.keyboard.press('Alt+A');
  await page.waitForSelector(tid('step-general'));
  await page.fill(tid('run-name'), 'Januar');
  await date('run-date', '20.01.2026');
  await date('run-next', '27.01.2026');
  await date('run-due', '28.02.2026');
  await page.selectOption(tid('run-bank'), 'CBK');
  await page.waitForSelector(tid('run-row'));
  await screenshot(page, 'payment-run-proposal');
  const rows = await page.$$eval('[data-testid="run-row"]', (trs) => trs.map((tr) => ({
    partner: tr.dataset.partner,
    text: tr.textContent,
    pay: tr.querySelector('[data-testid="run-pay"]').value,
  })));
  assert.equal(rows.length, 1, 'one item proposed');
  assert.equal(rows[0].partner, vendor);
  assert.match(rows[0].text, /ER-100/);
  assert.match(rows[0].text, /119,00/);
  assert.match(rows[0].text, /2,38/, 'the 2 % discount');
  assert.equal(rows[0].pay, PAID);
  assert.equal(await page.textContent(tid('run-total')), PAID);
  const left = await page.$$eval('[data-testid="run-excluded"]', (lis) => lis.map((li) => [li.dataset.partner, li.textContent]));
  const why = left.find(([p]) => p === noIban);
  assert.ok(why, 'the vendor without IBAN is left out');
  assert.match(why[1], /Der Lieferant hat keine IBAN\./);
  await shots('payment-run-wizard', 'New payment run');
  assert.deepEqual(page.errors, []);
});

test('saved with Ctrl+Enter, executed: the pain.001 is downloaded, XSD-valid, the payment posted', async () => {
  await page.focus(tid('run-name'));
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector(`${tid('notice')}, ${tid('error')}`);
  await noError('the run saves');
  assert.match(await page.textContent(tid('notice')), /Zahlungslauf gespeichert: 1/);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 20000 }).catch(async (e) => {
      await screenshot(page, 'payment-run-execute-failed');
      const said = await page.$eval(tid('notice'), (n) => n.textContent).catch(() => '(no notice)');
      assert.fail(`${e.message}: ${said}\n${page.errors.join('\n')}`);
    }),
    page.click(tid('run-execute')),
  ]);
  const file = join(ARTIFACTS, `payment-run-1-${ENGINE}.xml`);
  await download.saveAs(file);
  assert.match(download.suggestedFilename(), /\.xml$/);
  const xml = await readFile(file, 'utf8');
  assert.match(xml, /urn:iso:std:iso:20022:tech:xsd:pain\.001\.001\.09/);
  assert.ok(!xml.startsWith('\uFEFF'), 'no byte-order mark');
  assert.match(xml, new RegExp(`<IBAN>${VENDOR_IBAN}</IBAN>`));
  assert.match(xml, /<InstdAmt Ccy="EUR">116\.62<\/InstdAmt>/);
  endToEnd = xml.match(/<EndToEndId>([^<]+)<\/EndToEndId>/)?.[1];
  assert.ok(endToEnd, 'the payment has an end-to-end id');
  assert.ok(XSD, 'the pain.001.001.09 XSD is there');
  // xmllint exits non-zero (and execFileSync throws) when the file is invalid.
  execFileSync('xmllint', ['--noout', '--schema', XSD, file], { stdio: 'pipe' });

  await page.waitForSelector(tid('run-payments'));
  assert.equal(await page.textContent(tid('run-status')), 'ausgeführt');
  assert.match(await page.textContent(tid('run-payments')), /^\d+$/, 'one payment posted');
  assert.equal(await page.textContent(tid('run-total')), PAID);
  await shots('payment-run-executed', 'Payment run 1');
  assert.deepEqual(await openReferences(vendor), [], 'the invoice is cleared');
  assert.deepEqual(await openReferences(noIban), ['ER-200'], 'the other stays open');

  await go('/banking/payment-runs', tid('run-row'));
  assert.match(await page.textContent(`${tid('run-row')} ${tid('run-status')}`), /ausgeführt/);
  assert.ok(await page.$(`${tid('run-row')} ${tid('run-file')}`), 'the file is kept with the run');
  await shots('payment-runs', 'Payment wizard');
  assert.deepEqual(page.errors, []);
});

test('the statement line with the run\'s end-to-end id is matched to the transit account and posts', async () => {
  await go('/banking/statements', tid('st-file'));
  await page.setInputFiles(tid('st-file'), {
    name: 'camt053-lauf-1.xml',
    mimeType: 'application/xml',
    buffer: Buffer.from(camt(116.62, endToEnd)),
  });
  await page.waitForSelector(`${tid('st-ready')}, ${tid('error')}`, { timeout: 10000 });
  await noError('the statement reads');
  await page.click(tid('st-import-run'));
  await page.waitForSelector(`${tid('st-imported')}, ${tid('error')}`, { timeout: 10000 });
  await noError('the statement imports');
  await page.waitForSelector(tid('st-row'));
  await page.click(`${tid('st-row')} a`);
  await page.waitForSelector(tid('sl-row'));
  const top = await page.textContent(`${tid('sl-row')} ${tid('sl-proposal')}`);
  assert.match(top, /1360/, 'the top proposal clears the transit account');
  assert.match(top, /Ende-zu-Ende-Referenz unseres Zahlungslaufs/, 'by the end-to-end id');
  await page.click(`${tid('sl-row')} td.date`);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector(`${tid('sl-done')}, ${tid('error')}`, { timeout: 10000 });
  await noError('the line posts');
  assert.match(await page.textContent(tid('sl-done')), /1 Umsätze gebucht/);
  await screenshot(page, 'payment-run-statement-posted-de');
  assert.deepEqual(page.errors, []);
});
