// Dunning (Mahnwesen) in the demo company: a dunning term with two
// levels and the charge accounts are set up on the terms screen; two new
// customers (one writing German, one English) get an invoice due at the
// end of July. A run as of 15 August reaches level 1, a run as of
// 15 September level 2 with interest; the letters of the second run are
// shown in each customer's language, the PDF of all letters is downloaded
// and its text read with pdftotext. The credit-risk page and the partner
// card show the level reached. Screenshots German and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startApp, waitForApp, screenshot, ARTIFACTS, ENGINE } from '../lib/app.mjs';
import { assertEnglish } from '../lib/english.mjs';

let app;
let page;
let year;
let german;
let english;
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
    await page.waitForSelector(selector, { timeout: 8000 }).catch(async (e) => {
      await screenshot(page, 'dunning-go-failed');
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

/** Waits for `selector` or a refusal; a refusal fails with its sentence. */
async function outcome(selector, name) {
  await page.waitForSelector(`${selector}, ${tid('error')}`, { timeout: 15000 }).catch(async (e) => {
    await screenshot(page, `${name}-failed`);
    assert.fail(`${e.message}\n${page.errors.join('\n')}`);
  });
  const error = await page.$(tid('error'));
  if (error) {
    await screenshot(page, `${name}-refused`);
    assert.fail(`${name} refused: ${await error.textContent()}`);
  }
}

async function newCustomer(name, language) {
  await go('/master-data/partners/new', tid('partner-form'));
  await page.fill(tid('partner-name'), name);
  await page.fill(tid('partner-street'), 'Müllerweg');
  await page.fill(tid('partner-house'), '7');
  await page.fill(tid('partner-postcode'), '80331');
  await page.fill(tid('partner-town'), 'München');
  await page.selectOption(tid('partner-language'), language);
  await page.selectOption(tid('partner-terms'), 'N30');
  await page.fill(tid('partner-dunning'), 'MAHN2');
  await page.click(tid('partner-save'));
  await page.waitForFunction((n) => document.querySelector('[data-testid="partner-title"]')?.textContent.endsWith(n), name);
  return (await page.textContent(tid('partner-title'))).trim().split(' ')[0];
}

async function postInvoice(customer, reference, gross, net) {
  await go('/financials/entry', tid('account-0'));
  await page.fill(tid('posting-date'), `01.07.${year}`);
  await page.fill(tid('reference'), reference);
  await page.fill(tid('memo'), reference);
  await page.fill(tid('account-0'), customer);
  await page.fill(tid('debit-0'), gross);
  await page.fill(tid('account-1'), '8400');
  await page.fill(tid('credit-1'), net);
  await page.fill(tid('tax-1'), 'U19');
  await page.focus(tid('account-0'));
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector(tid('entry-posted'));
}

/** Proposes a run as of `date` for the two customers; returns the levels shown per document. */
async function propose(date) {
  await go('/banking/dunning', tid('dunning-params'));
  await page.fill(tid('run-date'), date);
  await page.press(tid('run-date'), 'Tab');
  await page.fill(tid('run-customers'), `${german} ${english}`);
  await page.click(tid('propose'));
  await page.waitForSelector(`${tid('dunning-proposal')}, ${tid('nothing')}`);
  return page.$$eval('[data-testid^="levels-"]', (tds) => Object.fromEntries(
    tds.map((td) => [td.dataset.testid.slice('levels-'.length), td.textContent.trim()])));
}

async function execute() {
  await page.click(tid('execute'));
  await outcome(tid('run-done'), 'dunning-execute');
  return Number((await page.getAttribute(tid('run-letters-link'), 'href')).split('/').pop());
}

test('the demo company opens; a term with two levels and the charge accounts are saved', async () => {
  await go('/');
  await page.click(tid('open-demo'));
  await page.waitForSelector(tid('trial-balance'), { timeout: 120000 });
  year = Number(await page.$eval(tid('tb-year'), (s) => s.value));
  await go('/banking/dunning/terms', tid('dunning-term-form'));
  await page.fill(tid('term-code'), 'MAHN2');
  await page.fill(tid('term-name'), 'Zwei Stufen');
  await page.fill(tid('level-1-days'), '10');
  await page.fill(tid('level-1-fee'), '5,00');
  await page.fill(tid('level-1-de'), 'Sicher haben Sie übersehen, dass folgende Posten noch offen sind.');
  await page.fill(tid('level-1-en'), 'You may have overlooked that the following items are still open.');
  await page.click(tid('add-level'));
  await page.fill(tid('level-2-days'), '30');
  await page.fill(tid('level-2-fee'), '10,00');
  await page.check(tid('level-2-interest'));
  await page.fill(tid('level-2-de'), 'Trotz unserer Erinnerung sind folgende Posten weiter offen; wir berechnen Verzugszinsen.');
  await page.fill(tid('level-2-en'), 'Despite our reminder the following items are still open; we charge default interest.');
  await page.click(tid('term-save'));
  await outcome(tid('notice'), 'dunning-term-save');
  await page.waitForSelector('[data-testid="dunning-terms"] tr[data-code="MAHN2"]');
  await page.fill(tid('fee-account'), '2700');
  await page.fill(tid('interest-account'), '2650');
  await page.click(tid('settings-save'));
  await page.waitForSelector('.dunning-settings .success-box');
  await shots('dunning-terms', 'Dunning terms');
  assert.deepEqual(page.errors, []);
});

test('two customers get an invoice due at the end of July', async () => {
  german = await newCustomer('Mahnprobe Bäckerei KG', 'de');
  english = await newCustomer('Reminder Test Ltd', 'en');
  await postInvoice(german, 'MAHN-R1', '1.190,00', '1.000,00');
  await postInvoice(english, 'MAHN-R2', '595,00', '500,00');
  assert.deepEqual(page.errors, []);
});

test('a run as of 15 August reaches level 1, one as of 15 September level 2', async () => {
  const first = await propose(`15.08.${year}`);
  assert.deepEqual(first, { 'MAHN-R1': '0 → 1', 'MAHN-R2': '0 → 1' });
  const run1 = await execute();
  const again = await propose(`20.08.${year}`);
  assert.deepEqual(again, {}, 'level 1 is not dunned twice');
  await page.waitForSelector(tid('dunning-skipped'));
  const second = await propose(`15.09.${year}`);
  // The first run's charges were posted as receivables due on its date
  // (reference "Mahnlauf N", one per customer): a month later they are
  // overdue too and reach level 2 at once.
  assert.deepEqual(second, { 'MAHN-R1': '1 → 2', 'MAHN-R2': '1 → 2', [`Mahnlauf ${run1}`]: '0 → 2' });
  await shots('dunning-run', 'Dunning run');
  const run2 = await execute();
  assert.equal(run2, run1 + 1);
  await page.waitForSelector(tid(`run-${run2}`));
  assert.deepEqual(page.errors, []);
});

test('the letters of run 2 are in each customer\'s language and their PDF reads back', async () => {
  const run = Number(await page.$eval('[data-testid="dunning-runs"] tbody tr', (tr) => tr.dataset.testid.slice(4)));
  await go(`/banking/dunning/runs/${run}`, tid('letter-1'));
  const letters = await page.$$eval('article.letter-sheet', (as) => as.map((a) => ({ lang: a.lang, text: a.textContent })));
  const de = letters.find((l) => l.text.includes('Mahnprobe Bäckerei KG'));
  const en = letters.find((l) => l.text.includes('Reminder Test Ltd'));
  assert.equal(de.lang, 'de');
  assert.match(de.text, /2\. Mahnung/);
  assert.match(de.text, /Zinsen zu/);
  assert.match(de.text, /MAHN-R1/);
  assert.equal(en.lang, 'en');
  assert.match(en.text, /Second reminder/);
  assert.match(en.text, /Interest at/);
  await shots('dunning-letters', 'Dunning letters');
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30000 }),
    page.click(tid('pdf-all')),
  ]);
  assert.equal(download.suggestedFilename(), `mahnlauf-${run}.pdf`);
  const path = join(ARTIFACTS, `dunning-run-${run}-${ENGINE}.pdf`);
  await download.saveAs(path);
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-']).toString('utf8');
  const pages = text.split('\f').filter((p) => p.trim() !== '');
  assert.equal(pages.length, 2, 'one page per letter');
  for (const needle of ['2. Mahnung', 'Mahnprobe Bäckerei KG', 'MAHN-R1', 'Gesamtbetrag', 'Second reminder', 'Reminder Test Ltd', 'Total due']) {
    assert.ok(text.includes(needle), `${needle} in the PDF:\n${text}`);
  }
  assert.deepEqual(page.errors, []);
});

test('credit risk and the partner card show the level reached', async () => {
  await go('/reports/credit-risk', tid('credit-risk'));
  const level = await page.$eval(`[data-testid="risk-${german}"] td:nth-child(6)`, (td) => td.textContent.trim());
  assert.equal(level, '2');
  await shots('credit-risk', 'Credit risk');
  await go(`/master-data/partners/${german}`, tid('partner-dunning'));
  assert.match(await page.textContent(tid('partner-dunning-level')), /2$/);
  assert.deepEqual(page.errors, []);
});
