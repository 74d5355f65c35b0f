// Numbering series (issue 18, Administration → Nummernkreise): a series
// set on its page is offered by the entry screen; choosing it locks the
// reference field, which shows the number the posting will get; two
// entries get KA-<year>-0001 and -0002, the journal shows them, and the
// page then shows -0003 as next. A bad width is refused with its
// sentence; a series that gave numbers cannot be removed. Screenshots in
// German and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, waitForApp, screenshot } from '../lib/app.mjs';
import { createCompany } from '../lib/company.mjs';

let app;
let page;
before(async () => {
  app = await startApp();
  page = await app.page();
});
after(async () => { await app?.close(); });

const tid = (id) => `[data-testid="${id}"]`;
const text = async (id) => (await page.textContent(tid(id))).trim();
const year = new Date().getFullYear();
const now = new Date();
const today = `${String(now.getDate()).padStart(2, '0')}.${String(now.getMonth() + 1).padStart(2, '0')}.${year}`;

async function setLang(lang) {
  const current = await page.evaluate(() => document.documentElement.lang);
  if (current !== lang) {
    await page.keyboard.press('Alt+L');
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  }
}

async function openSeries() {
  await page.goto(app.url + '/admin/number-series');
  await waitForApp(page);
  await page.waitForSelector(tid('number-series'));
}

const isoToday = `${year}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

/** Cash from the bank, 50,00, with series KA chosen; date and amounts
 *  typed in the style of the language shown (`en`: 2026-12-02, 50.00). */
async function postCash(lang = 'de') {
  const date = lang === 'en' ? isoToday : today;
  const amount = lang === 'en' ? '50.00' : '50,00';
  await page.goto(app.url + '/financials/entry');
  await waitForApp(page);
  await page.waitForSelector(tid('series'));
  await page.fill(tid('posting-date'), date);
  await page.selectOption(tid('series'), 'KA');
  assert.equal(await page.isDisabled(tid('reference')), true);
  await page.fill(tid('memo'), 'Bargeld');
  await page.fill(tid('account-0'), '1000');
  await page.fill(tid('debit-0'), amount);
  await page.fill(tid('account-1'), '1200');
  await page.fill(tid('credit-1'), amount);
  await page.focus(tid('account-0'));
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector(tid('entry-posted'));
}

test('a company to work in', async () => {
  await createCompany(page, app.url, { name: 'Nummer GmbH', chart: 'skr03', year: String(year) });
});

test('a series is set on its page; a bad width is refused', async () => {
  await openSeries();
  assert.match(await text('series-empty'), /Noch keine Nummernkreise/);
  await page.click(tid('series-add'));
  await page.fill(tid('series-code-0'), 'ka');
  await page.fill(tid('series-name-0'), 'Kassenbelege');
  await page.selectOption(tid('series-kind-0'), 'cash');
  await page.fill(tid('series-prefix-0'), 'KA-');
  await page.fill(tid('series-width-0'), '12');
  await page.click(tid('series-save'));
  await page.waitForSelector(tid('error'));
  assert.match(await text('error'), /KA: 12 Stellen liegen nicht zwischen 1 und 9/);
  await page.fill(tid('series-width-0'), '4');
  await page.focus(tid('series-width-0'));
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector(tid('series-saved'));
  // Shown as stored: the code upper-cased.
  assert.equal(await page.inputValue(tid('series-code-0')), 'KA');
  assert.equal(await text('series-next-0'), `KA-${year}-0001`);
  await screenshot(page, 'number-series-de');
  await setLang('en');
  assert.match(await page.textContent('h1'), /Numbering series/);
  await screenshot(page, 'number-series-en');
  await setLang('de');
  assert.deepEqual(page.errors, []);
});

test('the entry screen draws gapless references from the series', async () => {
  await postCash();
  // The notice names the reference the series gave.
  assert.match(await text('entry-posted'), new RegExp(`\\(KA-${year}-0001\\)`));
  await screenshot(page, 'number-series-entry-de');
  await setLang('en');
  await postCash('en');
  assert.match(await text('entry-posted'), new RegExp(`^Posted as entry .*\\(KA-${year}-0002\\)`));
  await screenshot(page, 'number-series-entry-en');
  await setLang('de');
  // The series stays chosen after posting, and shows the next number.
  assert.equal(await page.inputValue(tid('series')), 'KA');
  assert.equal(await page.getAttribute(tid('reference'), 'placeholder'), `KA-${year}-0003`);
  await page.goto(app.url + '/financials/journal');
  await page.waitForSelector('[data-testid="journal-row"]');
  const journal = await page.textContent(tid('journal'));
  assert.match(journal, new RegExp(`KA-${year}-0001`));
  assert.match(journal, new RegExp(`KA-${year}-0002`));
  await openSeries();
  assert.equal(await text('series-next-0'), `KA-${year}-0003`);
});

test('a series that gave numbers cannot be removed', async () => {
  await openSeries();
  await page.click(tid('series-remove-0'));
  await page.click(tid('series-save'));
  await page.waitForSelector(tid('error'));
  assert.match(await text('error'), /Nummernkreis KA hat schon Nummern vergeben und kann nicht entfernt werden/);
  assert.deepEqual(page.errors, []);
});
