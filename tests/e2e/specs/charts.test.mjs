// The complete SKR04 (issue 19) in a new company: the chart of accounts
// opens with "Nur verwendete Konten" on (over 300 accounts), shows the
// accounts the company uses and says how many are hidden; a search still
// finds a hidden one and marks it "nicht verwendet"; Alt+U shows all
// 1,206 accounts, 400 to a page (the time the first page takes is
// printed, not asserted); the choice is remembered per company across a
// reload. Screenshots German and English.
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
  await createCompany(page, app.url, { name: 'Kontenrahmen GmbH', chart: 'skr04' });
});
after(async () => { await app?.close(); });

const tid = (id) => `[data-testid="${id}"]`;
const row = (n) => `${tid('account-row')}[data-account="${n}"]`;
const rows = () => page.$$eval(tid('account-row'), (rs) => rs.map((r) => r.dataset.account));

async function setLang(lang) {
  const current = await page.evaluate(() => document.documentElement.lang);
  if (current !== lang) {
    await page.keyboard.press('Alt+L');
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  }
}

async function openChart() {
  await page.goto(app.url + '/financials/accounts');
  await waitForApp(page);
  await page.waitForSelector(tid('chart'), { timeout: 15000 }).catch(async (e) => {
    await screenshot(page, 'charts-open-failed');
    assert.fail(`${e.message}\n${page.errors.join('\n')}`);
  });
}

test('a new SKR04 company shows its used accounts, the hidden count, and finds hidden ones by search', async () => {
  await openChart();
  assert.equal(await page.isChecked(tid('account-used-only')), true, 'on by default above 300 accounts');
  const hidden = Number(await page.getAttribute(tid('account-hidden'), 'data-count'));
  assert.ok(hidden > 1100, `most of the 1,191 postable accounts are hidden: ${hidden}`);
  assert.match(await page.textContent(tid('account-hidden')), /^1\.\d{3} nie verwendete Konten ausgeblendet/);
  const shown = await rows();
  // Receivables and payables (determination), VAT 19 % (tax code), the
  // cash-discount account of U19 (payment settings), their titles.
  for (const n of ['1200', '3300', '3806', '1406', '4736', '9000', '1', '3']) {
    assert.ok(shown.includes(n), `${n} is shown: ${shown}`);
  }
  assert.ok(!shown.includes('0540'), '0540 Lkw is never used, so hidden');
  assert.ok(shown.length < 80, `a short list: ${shown.length}`);
  await screenshot(page, 'charts-used-only-de');

  await page.fill(tid('account-search'), 'Lkw');
  await page.waitForSelector(row('0540'));
  assert.match(await page.textContent(row('0540')), /nicht verwendet/);
  assert.equal(await page.$(tid('account-hidden')), null, 'no hidden count while searching');
  await screenshot(page, 'charts-search-hidden-de');

  await page.fill(tid('account-search'), '');
  await page.waitForSelector(tid('account-hidden'));
  await setLang('en');
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('Chart of accounts'));
  assert.match(await page.textContent(tid('account-hidden')), /^1,\d{3} unused accounts hidden/);
  assert.match(await page.textContent(row('1200')), /Trade receivables/);
  await assertEnglish(page, 'charts');
  await screenshot(page, 'charts-used-only-en');
  await page.fill(tid('account-search'), 'heavy goods');
  await page.waitForSelector(row('0540'));
  assert.match(await page.textContent(row('0540')), /Heavy goods vehicles.*unused/);
  await screenshot(page, 'charts-search-hidden-en');
  await page.fill(tid('account-search'), '');
  await setLang('de');
  assert.deepEqual(page.errors, []);
});

test('Alt+U shows the whole chart, and the choice is remembered per company', async () => {
  await openChart();
  await page.locator('body').click();
  const started = Date.now();
  await page.keyboard.press('Alt+U');
  await page.waitForFunction(() => /^1206 Konten/.test(document.querySelector('[data-testid="account-count"]')?.textContent ?? ''), null, { timeout: 30000 });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="account-row"]').length === 400);
  console.log(`# the first page of 400 of the 1,206 accounts rendered ${Date.now() - started} ms after Alt+U`);
  assert.equal(await page.isChecked(tid('account-used-only')), false);
  assert.equal(await page.$(tid('account-hidden')), null);
  assert.ok((await rows()).includes('0540'));
  assert.match(await page.textContent(tid('pager')), /1 \/ 4/);
  await screenshot(page, 'charts-all-de');
  // The last page ends with the carry-forward accounts.
  for (let i = 0; i < 3; i++) await page.click(`${tid('pager')} button:last-child`);
  await page.waitForSelector(row('9000'));
  assert.equal((await rows()).length, 1206 - 3 * 400);

  await openChart();
  assert.equal(await page.isChecked(tid('account-used-only')), false, 'remembered after a reload');
  assert.equal((await rows()).length, 400);
  await page.click(tid('account-used-only'));
  await page.waitForSelector(tid('account-hidden'));
  await openChart();
  assert.equal(await page.isChecked(tid('account-used-only')), true);
  assert.ok((await rows()).length < 80);
  assert.deepEqual(page.errors, []);
});
