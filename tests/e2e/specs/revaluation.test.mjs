// Payment settings and the foreign-currency revaluation in the demo
// company: the settings form saves every field and shows it again after a
// reload (account names beside the numbers); the revaluation preview lists
// the demo's USD and CHF bank balances revalued at the date's rate with
// the difference and whether it is posted; "Buchen" posts the entry and
// its reversal on the next day, both linked to the journal. Screenshots
// in German and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, waitForApp, screenshot } from '../lib/app.mjs';
import { assertEnglish } from '../lib/english.mjs';

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

async function value(testid) {
  return page.$eval(`[data-testid="${testid}"]`, (i) => i.value);
}

async function text(testid) {
  return (await page.textContent(`[data-testid="${testid}"]`)).trim();
}

async function openSettings() {
  await page.goto(app.url + '/banking/settings');
  await waitForApp(page);
  await page.waitForSelector('[data-testid="ps-form"]');
  // The form is filled from the book once it is open.
  await page.waitForFunction(() => document.querySelector('[data-testid="ps-match-days"]')?.value !== '');
}

test('the demo company opens', async () => {
  await page.goto(app.url);
  await waitForApp(page);
  await page.click('[data-testid="open-demo"]');
  await page.waitForSelector('[data-testid="trial-balance"]', { timeout: 120000 });
  year = Number(await page.$eval('[data-testid="tb-year"]', (s) => s.value));
  assert.ok(year > 2000, `demo year ${year}`);
});

test('the payment settings are saved and shown again after a reload', async () => {
  await openSettings();
  assert.equal(await value('ps-match-days'), '30', 'default match days');
  assert.ok(await page.$eval('[data-testid="ps-within-year"]', (c) => c.checked), '§ 256a on by default');
  const codes = await page.$$eval('[data-testid="ps-discounts"] tbody tr', (trs) => trs.map((t) => t.dataset.code));
  assert.ok(codes.length > 0, 'a row per tax code');
  await page.fill('[data-testid="ps-fx-adjustment"]', '1590');
  await page.fill('[data-testid="ps-fx-gain"]', '2660');
  await page.fill('[data-testid="ps-fx-loss"]', '2150');
  await page.fill('[data-testid="ps-write-off"]', '2150');
  await page.fill('[data-testid="ps-tolerance"]', '1,50');
  await page.fill('[data-testid="ps-match-days"]', '14');
  await page.fill(`[data-testid="ps-discount-${codes[0]}"]`, '8400');
  assert.match(await text('ps-fx-adjustment-name'), /Durchlaufende Posten/);
  assert.match(await text('ps-fx-gain-name'), /Kursdifferenzen/);
  // Keyboard: Alt+S saves from any field.
  await page.focus('[data-testid="ps-match-days"]');
  await page.keyboard.press('Alt+S');
  await page.waitForSelector('[data-testid="ps-saved"]');
  await screenshot(page, 'payment-settings-de');

  // The reloaded app is let finish loading before the next navigation:
  // Firefox reports the wasm fetch a navigation cuts off as an error.
  await page.reload();
  await waitForApp(page);
  await openSettings();
  await page.waitForFunction(() => document.querySelector('[data-testid="ps-match-days"]').value === '14');
  assert.equal(await value('ps-fx-adjustment'), '1590');
  assert.equal(await value('ps-fx-gain'), '2660');
  assert.equal(await value('ps-fx-loss'), '2150');
  assert.equal(await value('ps-write-off'), '2150');
  assert.equal(await value('ps-tolerance'), '1,50');
  assert.equal(await value(`ps-discount-${codes[0]}`), '8400');
  assert.match(await text('ps-fx-adjustment-name'), /Durchlaufende Posten/);

  // A bad account number is refused with a sentence naming the field.
  await page.fill('[data-testid="ps-card"]', '99999999999');
  await page.click('[data-testid="ps-save"]');
  await page.waitForSelector('.error-box');
  assert.match(await page.textContent('.error-box'), /Kreditkarten/);
  await page.fill('[data-testid="ps-card"]', '');
  await page.click('[data-testid="ps-save"]');
  await page.waitForSelector('[data-testid="ps-saved"]');

  await setLang('en');
  assert.equal(await value('ps-tolerance'), '1.50', 'the tolerance follows the language');
  await page.fill('[data-testid="ps-card"]', '');
  await screenshot(page, 'payment-settings-en');
  await assertEnglish(page, 'payment settings');
  await setLang('de');
  assert.deepEqual(page.errors, []);
});

test('the revaluation previews the FC balances and posts them with the reversal', async () => {
  await page.goto(app.url + '/banking/revaluation');
  await waitForApp(page);
  await setLang('de');
  await page.waitForSelector('[data-testid="rv-date"]');
  await page.fill('[data-testid="rv-date"]', `30.06.${year}`);
  await page.press('[data-testid="rv-date"]', 'Enter');
  await page.waitForSelector('[data-testid="rv-accounts"]');
  assert.equal(await value('rv-reverse-on'), `01.07.${year}`, 'reversal on the next day');
  const rows = await page.$$eval('[data-testid="rv-accounts"] [data-testid="rv-row"]', (trs) => trs.map((tr) => ({
    who: tr.cells[0].textContent.trim(),
    currency: tr.cells[1].textContent.trim(),
    difference: tr.querySelector('[data-testid="rv-difference"]').textContent.trim(),
    treatment: tr.querySelector('[data-testid="rv-treatment"]').textContent.trim(),
    posted: tr.dataset.posted,
  })));
  const usd = rows.find((r) => r.currency === 'USD');
  assert.ok(usd, `a USD account in ${JSON.stringify(rows)}`);
  assert.match(usd.who, /^1260 /);
  assert.ok(rows.some((r) => r.posted === 'true'), 'something to post');
  assert.match(usd.treatment, /^(ja|nein)/);
  await screenshot(page, 'revaluation-de');

  await setLang('en');
  await page.waitForSelector('[data-testid="rv-accounts"]');
  await screenshot(page, 'revaluation-en');
  await assertEnglish(page, 'revaluation');
  await setLang('de');

  await page.click('[data-testid="rv-post"]');
  await page.waitForSelector('[data-testid="rv-posted"]');
  const links = await page.$$eval('[data-testid="rv-entry-link"]', (as) => as.map((a) => ({ href: a.getAttribute('href'), label: a.textContent.trim() })));
  assert.equal(links.length, 2, 'the revaluation and its reversal');
  await screenshot(page, 'revaluation-posted-de');

  await page.click('[data-testid="rv-entry-link"] >> nth=0');
  await page.waitForSelector('[data-testid="entry-lines"]');
  assert.match(await text('entry-title'), new RegExp(links[0].label.replace('/', '\\/')));
  const accounts = await page.$$eval('[data-testid="entry-line"]', (trs) => trs.map((t) => t.textContent));
  assert.ok(accounts.some((t) => t.includes('1260')), 'a line on the USD bank account');
  assert.ok(accounts.some((t) => t.includes('2660') || t.includes('2150')), 'a line on the gain or loss account');
  assert.deepEqual(page.errors, []);
});
