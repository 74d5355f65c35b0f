// Incoming e-invoices (issue 19, part F) in a new company: an XRechnung
// (KoSIT business case 01.01a, UBL) dropped on the screen is shown as a
// readable invoice with its totals check; no vendor matches, so the
// partner is created pre-filled from the invoice and then recognised (by
// IBAN: the sample's VAT id fails its check digits and is noted, not
// stored); the proposed entry (7 % input tax) is posted with Ctrl+Enter;
// the entry detail shows the kept original with its SHA-256, which equals
// the file's. The same file again is refused as already posted. An
// invoice whose line was changed is shown with the numbers that disagree
// and nothing is proposed. The synthetic ZUGFeRD PDF reads too.
// Screenshots German and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApp, waitForApp, screenshot, ROOT } from '../lib/app.mjs';
import { createCompany } from '../lib/company.mjs';
import { assertEnglish } from '../lib/english.mjs';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'xrechnung');
const UBL = readFileSync(join(FIXTURES, '01.01a-INVOICE_ubl.xml'));
const PDF = join(FIXTURES, 'synthetic-zugferd.pdf');

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
    await screenshot(page, 'einvoice-go-failed');
    assert.fail(`${e.message}\n${page.errors.join('\n')}`);
  });
}

/** Waits for `selector` or a refusal; a refusal fails with its sentence. */
async function outcome(selector, name) {
  const refusal = `${tid('error')}, ${tid('einvoice-error')}`;
  await page.waitForSelector(`${selector}, ${refusal}`, { timeout: 15000 }).catch(async (e) => {
    await screenshot(page, `${name}-failed`);
    assert.fail(`${e.message}\n${page.errors.join('\n')}`);
  });
  const error = await page.$(refusal);
  if (error) {
    await screenshot(page, `${name}-refused`);
    assert.fail(`${name} refused: ${await error.textContent()}`);
  }
}

async function shots(name, englishTitle) {
  await setLang('de');
  await screenshot(page, `${name}-de`);
  await setLang('en');
  await page.waitForFunction((t) => document.querySelector('h1')?.textContent.includes(t), englishTitle);
  await assertEnglish(page, name);
  await screenshot(page, `${name}-en`);
  await setLang('de');
}

/** Drops `bytes` as a file named `name` on the drop zone (a real drop event). */
async function drop(bytes, name, type) {
  await page.evaluate(({ b64, name, type }) => {
    const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([raw], name, { type }));
    const zone = document.querySelector('[data-testid="einvoice-drop"]');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, { b64: bytes.toString('base64'), name, type });
}

const text = async (id) => (await page.textContent(tid(id))).trim();

test('an XRechnung dropped: read, vendor created and recognised, posted, original on the entry', async () => {
  await createCompany(page, app.url, { name: 'Eingang GmbH' });
  await go('/financials', 'main');
  assert.ok(await page.$('a[href="/financials/einvoice"]'), 'tile on the financials overview');
  await go('/financials/einvoice', tid('einvoice-drop'));
  await drop(UBL, '01.01a-INVOICE_ubl.xml', 'application/xml');
  await outcome(tid('einvoice-document'), 'einvoice-read');
  assert.equal(await text('einvoice-number'), '123456XX');
  assert.ok(await page.$(tid('einvoice-check-ok')), 'totals check ✓');
  assert.match(await text('einvoice-totals'), /336,90/);
  await page.waitForSelector(tid('einvoice-no-vendor'));
  await shots('einvoice-new-vendor', 'Incoming invoice');

  await page.click(tid('einvoice-create-partner'));
  await outcome(tid('einvoice-vendor'), 'einvoice-partner');
  assert.equal(await text('einvoice-vendor-code'), '70001');
  assert.match(await text('einvoice-matched-by'), /IBAN/);
  const lines = await page.$$(tid('einvoice-line'));
  assert.equal(lines.length, 1, 'one line per VAT rate');
  assert.equal(await page.inputValue(`${tid('einvoice-line')} ${tid('einvoice-line-tax')}`), 'V7');
  assert.equal(await page.inputValue(tid('einvoice-vendor-amount')), '336,90');
  await shots('einvoice-proposal', 'Incoming invoice');

  await page.focus(tid('einvoice-reference'));
  await page.keyboard.press('Control+Enter');
  await outcome(tid('einvoice-posted'), 'einvoice-post');
  await page.click(`${tid('einvoice-posted')} a`);
  await page.waitForSelector(tid('original-document'));
  const sha = createHash('sha256').update(UBL).digest('hex');
  assert.equal(await text('original-sha256'), sha);
  assert.equal(await text('original-name'), '01.01a-INVOICE_ubl.xml');
  assert.match(await text('original-size'), new RegExp(UBL.length.toLocaleString('de-DE')));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click(tid('original-download')),
  ]);
  const path = await download.path();
  assert.equal(createHash('sha256').update(readFileSync(path)).digest('hex'), sha, 'downloaded byte for byte');
  await shots('einvoice-entry-original', 'Entry');

  // The open item on the vendor.
  await go('/financials/einvoice', tid('einvoice-drop'));
  await drop(UBL, 'again.xml', 'application/xml');
  await page.waitForSelector(tid('einvoice-proposal'));
  assert.match(await text('einvoice-matched-by'), /IBAN/);
  await page.click(tid('einvoice-post'));
  await page.waitForSelector(tid('error'));
  assert.match(await text('error'), /bereits mit Buchung \d+ gebucht/);
});

test('a mismatching invoice is shown with its numbers and nothing is proposed', async () => {
  const bad = Buffer.from(UBL.toString('utf8').replace(
    '<cbc:LineExtensionAmount currencyID="EUR">288.79</cbc:LineExtensionAmount>',
    '<cbc:LineExtensionAmount currencyID="EUR">300.00</cbc:LineExtensionAmount>'), 'utf8');
  await go('/financials/einvoice', tid('einvoice-drop'));
  await drop(bad, 'falsch.xml', 'application/xml');
  await page.waitForSelector(tid('einvoice-mismatch'));
  const said = await text('einvoice-mismatch');
  assert.match(said, /314,86/);
  assert.match(said, /326,07/);
  assert.equal(await page.$(tid('einvoice-proposal')), null, 'no proposal');
  await shots('einvoice-mismatch', 'Incoming invoice');
});

test('a ZUGFeRD PDF chosen with the file picker reads its embedded invoice', async () => {
  await go('/financials/einvoice', tid('einvoice-drop'));
  await page.setInputFiles(tid('einvoice-file'), PDF);
  await outcome(tid('einvoice-document'), 'einvoice-pdf');
  assert.match(await text('einvoice-document'), /ZUGFeRD/);
  assert.ok(await page.$(tid('einvoice-check-ok')));
  await page.waitForSelector(tid('einvoice-vendor'));
});
