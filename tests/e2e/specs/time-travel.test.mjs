// Time travel and charts (issue 17, part E), on the demo company: the
// trial balance's total is noted, an entry is posted, and the trial
// balance as of the log position before it shows the old total with a
// banner saying which moment it shows; open items in the past offer no
// clearing; back to now shows the new total. The charts page draws three
// SVG charts with bars, a line and hover titles. Screenshots German and
// English of the charts and of a report in the past.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, waitForApp, screenshot } from '../lib/app.mjs';
import { assertEnglish } from '../lib/english.mjs';

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

/** In-app navigation (the router, no reload): the app state stays. */
async function navigate(path, selector) {
  await page.evaluate((p) => {
    const link = document.createElement('a');
    link.href = p;
    document.querySelector('main').appendChild(link);
    link.click();
  }, path);
  await page.waitForSelector(selector, { timeout: 20000 });
}

async function tbTotal() {
  await page.waitForSelector(`${tid('trial-balance')} ${tid('tb-total')}`, { timeout: 30000 });
  const cells = await page.$$eval(`${tid('tb-total')} td`, (tds) => tds.map((t) => t.textContent.trim()));
  return cells.slice(2);
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

let oldTotal;
let position;
let year;

test('the trial balance as of the log position before a posting shows the old total and says so', async () => {
  await page.goto(app.url);
  await waitForApp(page);
  await page.click(tid('open-demo'));
  await page.waitForSelector(tid('trial-balance'), { timeout: 180000 });
  // The demo's year (the one of its last posting) is where the TB opens.
  year = await page.$eval(tid('tb-year'), (s) => s.value);
  oldTotal = await tbTotal();
  assert.equal(await page.textContent(tid('as-of-current')), 'Stand: aktuell');

  // Post one entry in the demo year through the grid.
  await navigate('/financials/entry', tid('posting-date'));
  await page.fill(tid('posting-date'), `15.06.${year}`);
  await page.fill(tid('reference'), 'ZR-1');
  await page.fill(tid('memo'), 'Zeitreise');
  await page.fill(tid('account-0'), '4210');
  await page.fill(tid('debit-0'), '777,00');
  await page.fill(tid('account-1'), '1200');
  await page.fill(tid('credit-1'), '777,00');
  await page.focus(tid('account-0'));
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector(tid('entry-posted'), { timeout: 20000 });

  await navigate('/reports/trial-balance', tid('trial-balance'));
  await page.selectOption(tid('tb-year'), year);
  const newTotal = await tbTotal();
  assert.notDeepEqual(newTotal, oldTotal, 'the posting changed the total');

  // Alt+T opens the choice; the position field holds the log's length.
  await page.keyboard.press('Alt+T');
  await page.waitForSelector(tid('as-of-choice'));
  await page.check(tid('as-of-by-position'));
  const length = Number((await page.inputValue(tid('as-of-position'))).replace(/\D/g, ''));
  assert.ok(length > 1000, `the demo's log is long: ${length}`);
  position = length - 1;
  await page.fill(tid('as-of-position'), String(position));
  await page.press(tid('as-of-position'), 'Enter');
  await page.waitForSelector(tid('as-of-banner'), { timeout: 30000 });
  const banner = (await page.textContent(tid('as-of-banner'))).replace(/\s+/g, ' ');
  const de = (n) => n.toLocaleString('de-DE');
  assert.match(banner, new RegExp(`Stand nach Position ${de(position).replace('.', '\\.')} von ${de(length).replace('.', '\\.')}`));
  await page.selectOption(tid('tb-year'), year);
  assert.deepEqual(await tbTotal(), oldTotal, 'the past shows the total before the posting');
  await shots('time-travel-trial-balance', 'Trial balance');

  // The moment holds across reports; open items in the past cannot be cleared.
  await navigate('/reports/open-items', tid('as-of-banner'));
  await page.waitForSelector(tid('oi-row'), { timeout: 30000 });
  assert.equal(await page.$(tid('oi-clear')), null, 'no clearing while in the past');
  assert.equal(await page.$eval(tid('oi-select'), (c) => c.disabled), true);

  // Back to now: the new total.
  await navigate('/reports/trial-balance', tid('as-of-back'));
  await page.click(tid('as-of-back'));
  await page.waitForSelector(tid('as-of-current'));
  await page.selectOption(tid('tb-year'), year);
  assert.deepEqual(await tbTotal(), newTotal);
  assert.deepEqual(page.errors, []);
});

test('a date and time before the demo year shows the books before its first stamped change', async () => {
  await page.keyboard.press('Alt+T');
  await page.waitForSelector(tid('as-of-choice'));
  await page.check(tid('as-of-by-time'));
  await page.fill(tid('as-of-date'), '01.01.2020');
  await page.press(tid('as-of-date'), 'Tab');
  await page.fill(tid('as-of-time'), '12:00');
  await page.click(tid('as-of-show'));
  await page.waitForSelector(tid('as-of-banner'), { timeout: 30000 });
  const banner = (await page.textContent(tid('as-of-banner'))).replace(/\s+/g, ' ');
  assert.match(banner, /Stand vom 01\.01\.2020 12:00 \(Position [\d.]+ von [\d.]+\)/);
  await page.click(tid('as-of-back'));
  await page.waitForSelector(tid('as-of-current'));
});

test('the charts page draws revenue, cash and expense charts with hover amounts and a table', async () => {
  await navigate('/reports/charts', tid('chart-result'));
  await page.selectOption(tid('charts-year'), year);
  const bars = await page.$$(`${tid('chart-result')} rect.chart-bar`);
  assert.equal(bars.length, 36, 'three bars for each of twelve months');
  const points = await page.$$(`${tid('chart-cash')} circle.chart-point`);
  assert.equal(points.length, 12);
  const groups = await page.$$(`${tid('chart-expenses')} rect.chart-bar`);
  assert.ok(groups.length >= 2, `expense groups: ${groups.length}`);
  const hover = await page.$eval(`${tid('chart-result')} rect.chart-bar title`, (t) => t.textContent);
  assert.match(hover, /^Jan – Umsatz: [\d.]+,\d\d$/);
  const rows = await page.$$(`${tid('chart-result')} table.chart-table tbody tr`);
  assert.equal(rows.length, 12);
  assert.match(await page.textContent(tid('chart-cash-accounts')), /1200/);
  await shots('charts', 'Charts');
  assert.deepEqual(page.errors, []);
});
