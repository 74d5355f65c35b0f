// Year-end closing and opening balances (issue 17, part C) in the demo
// company (one year, the one before today's): the year-end screen opens
// the next year first, the preview shows the result, the closing is
// posted; the trial balance of the next year then has no result carried forward and the P&L accounts of the closed year
// stand at zero; the closing is reverted (after a confirmation) and the
// preview is back. Opening balances that do not balance are refused with
// the sentence, balanced ones are posted. Screenshots German and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, waitForApp, screenshot } from '../lib/app.mjs';
import { assertEnglish } from '../lib/english.mjs';

let app;
let page;
/** The demo's year (the one closed) and the next one. */
let year;
let next;
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
  await page.waitForSelector(selector, { timeout: 15000 }).catch(async (e) => {
    await screenshot(page, 'closing-go-failed');
    assert.fail(`${e.message}\n${page.errors.join('\n')}`);
  });
}

/** Waits for `selector` or a refusal; a refusal fails with its sentence. */
async function outcome(selector, name) {
  await page.waitForSelector(`${selector}, ${tid('error')}`, { timeout: 20000 }).catch(async (e) => {
    await screenshot(page, `${name}-failed`);
    assert.fail(`${e.message}\n${page.errors.join('\n')}`);
  });
  const error = await page.$(tid('error'));
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

/** The closing-balance cell (last column) of a trial-balance subtotal. */
const subtotal = (type) => page.$eval(`tr[data-subtotal="${type}"] td:last-child`, (td) => td.textContent.trim());

test('the demo company opens', async () => {
  await go('/', tid('open-demo'));
  await page.click(tid('open-demo'));
  await page.waitForSelector(tid('trial-balance'), { timeout: 180000 });
});

test('year-end: open the next year first, the preview shows the result, the closing is posted', async () => {
  await go('/financials/year-end', tid('ye-year'));
  year = await page.$eval(tid('ye-year'), (s) => s.value);
  next = String(Number(year) + 1);
  assert.ok(await page.isDisabled(tid('ye-post')), 'no closing without the next year');
  await page.click(tid('ye-open-next'));
  await page.waitForSelector(`${tid('ye-post')}:not([disabled])`, { timeout: 15000 });
  const result = await page.$eval(tid('ye-result'), (e) => e.dataset.result);
  assert.notEqual(Number(result), 0, 'the demo year has a result');
  assert.ok((await page.$$(`${tid('ye-pl-table')} tbody tr`)).length > 5, 'P&L accounts listed');
  assert.ok((await page.$$(`${tid('ye-carried-table')} tbody tr`)).length > 3, 'balances carried');
  assert.ok((await page.$$(`${tid('ye-items-table')} tbody tr`)).length > 0, 'open items carried');
  assert.equal(await page.textContent(tid('ye-retained')), '0860');
  await shots('closing-preview', 'Year-end closing');
  await page.keyboard.press('Alt+B');
  await outcome(tid('ye-done'), 'closing-post');
  await page.waitForSelector(`${tid(`ye-status-${year}`)}[data-state="closed"]`);
  await page.waitForSelector(tid('ye-revert'));
  await shots('closing-posted', 'Year-end closing');
});

test('after closing: the next year has no result carried forward, the P&L of the closed year stands at zero', async () => {
  await go('/reports/trial-balance', tid('tb-year'));
  await page.selectOption(tid('tb-year'), next);
  await page.waitForFunction((n) => document.querySelector('[data-testid="tb-year"]').value === n, next);
  await page.waitForSelector(`${tid('trial-balance')}, ${tid('tb-empty')}`);
  assert.equal(await page.$(tid('tb-carried-forward')), null, 'no result carried forward in the next year');
  await page.selectOption(tid('tb-year'), year);
  await page.waitForSelector(tid('trial-balance'));
  for (const type of ['revenue', 'expense']) {
    const closing = await subtotal(type);
    assert.doesNotMatch(closing, /[1-9]/, `${type} closes at zero in ${year}: ${closing}`);
  }
  assert.match(await page.textContent(tid('tb-balanced')), /stimmen überein/);
  await screenshot(page, 'closing-trial-balance-de');
});

test('the closing is reverted after a confirmation; the preview is back', async () => {
  await go('/financials/year-end', tid('ye-year'));
  await page.selectOption(tid('ye-year'), year);
  await page.click(tid('ye-revert'));
  await page.click(tid('ye-confirm-revert'));
  await outcome(tid('ye-done'), 'closing-revert');
  await page.waitForSelector(`${tid(`ye-status-${year}`)}[data-state="reverted"]`);
  await page.waitForSelector(`${tid('ye-post')}:not([disabled])`);
  const result = await page.$eval(tid('ye-result'), (e) => e.dataset.result);
  assert.notEqual(Number(result), 0);
  await go('/reports/trial-balance', tid('tb-year'));
  await page.selectOption(tid('tb-year'), next);
  await page.waitForSelector(tid('tb-carried-forward'));
});

test('opening balances: unbalanced refused with the sentence, balanced posted', async () => {
  await go('/financials/opening-balances', tid('ob-grid'));
  const row = (n, field) => `tr[data-row="${n}"] ${tid(`ob-${field}`)}`;
  await page.fill(row(0, 'target'), '1200');
  await page.fill(row(0, 'debit'), '1.000,00');
  await page.fill(row(1, 'target'), '0800');
  await page.fill(row(1, 'credit'), '900,00');
  assert.match(await page.textContent(tid('ob-difference')), /100,00/);
  await page.click(tid('ob-post'));
  await page.waitForSelector(tid('error'));
  assert.match(await page.textContent(tid('error')), /nicht ausgeglichen/);
  await shots('opening-balances-refused', 'Opening balances');
  assert.match(await page.textContent(tid('error')), /nicht ausgeglichen/);
  await page.fill(row(1, 'credit'), '1.000,00');
  assert.match(await page.textContent(tid('ob-difference')), /ausgeglichen/);
  await page.click(tid('ob-post'));
  await outcome(tid('ob-posted'), 'opening-post');
});
