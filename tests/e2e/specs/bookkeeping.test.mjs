// A bookkeeper's day: create a company from SKR03, post entries by
// keyboard (one in a foreign currency, one refused), reload and find
// everything still there, collect entries in a voucher and post it.
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

/** Types one entry into the grid: lines are [account, debit, credit, currency?]. */
async function typeEntry(page, { date, reference, memo, lines }) {
  await page.fill('[data-testid="posting-date"]', date);
  await page.fill('[data-testid="reference"]', reference);
  await page.fill('[data-testid="memo"]', memo);
  for (const [i, [account, debit, credit, currency]] of lines.entries()) {
    await page.fill(`[data-testid="account-${i}"]`, account);
    await page.fill(`[data-testid="debit-${i}"]`, debit ?? '');
    await page.fill(`[data-testid="credit-${i}"]`, credit ?? '');
    await page.fill(`[data-testid="currency-${i}"]`, currency ?? '');
    await page.fill(`[data-testid="rate-${i}"]`, '');
  }
}

/** Esc discards the grid; with input in it, the screen asks first. */
async function discardEntry(page) {
  await page.focus('[data-testid="account-0"]');
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="confirm-discard"]');
  await page.click('[data-testid="discard"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="reference"]')?.value === '');
}

async function postWithKeyboard(page) {
  await page.focus('[data-testid="account-0"]');
  await page.keyboard.press('Control+Enter');
}

test('a new company from SKR03 opens on a usable chart', async () => {
  await createCompany(page, app.url, { name: 'Muster GmbH', chart: 'skr03', year: '2026' });
  assert.equal(await page.textContent('[data-testid="status-fiscal-year"]'), '2026');
  assert.deepEqual(page.errors, []);
});

test('entries post with Ctrl+Enter; a refused one says why at its line', async () => {
  await page.goto(app.url + '/financials/entry');
  await page.waitForSelector('[data-testid="account-0"]');
  const entries = [
    { date: '05.01.2026', reference: 'ER-1', memo: 'Miete Januar', lines: [['4210', '1.000,00'], ['1200', '', '1.000,00']] },
    { date: '10.01.2026', reference: 'AR-1', memo: 'Barverkauf', lines: [['1000', '1.190,00'], ['8400', '', '1.000,00'], ['1776', '', '190,00']] },
    { date: '15.01.2026', reference: 'BA-1', memo: 'Bareinzahlung', lines: [['1200', '1.190,00'], ['1000', '', '1.190,00']] },
    { date: '20.01.2026', reference: 'ER-2', memo: 'Büromaterial', lines: [['4930', '100,00'], ['1576', '19,00'], ['1200', '', '119,00']] },
  ];
  for (const [n, entry] of entries.entries()) {
    await typeEntry(page, entry);
    assert.equal((await page.textContent('[data-testid="difference"]')).includes('0,00'), true);
    await postWithKeyboard(page);
    await page.waitForSelector('[data-testid="entry-posted"]');
    assert.match(await page.textContent('[data-testid="entry-posted"]'), new RegExp(`2026/${n + 1}$`));
  }
  await screenshot(page, 'entry-posted-de');

  // Unbalanced: refused with the engine's reason, nothing posted.
  await typeEntry(page, { date: '21.01.2026', reference: 'X', memo: 'falsch', lines: [['4210', '50,00'], ['1200', '', '40,00']] });
  assert.match(await page.textContent('[data-testid="difference"]'), /10,00/);
  await postWithKeyboard(page);
  await page.waitForSelector('[data-testid="error"]');
  assert.match(await page.textContent('[data-testid="error"]'), /nicht ausgeglichen/);
  await screenshot(page, 'entry-refused-de');
  await discardEntry(page);
  assert.deepEqual(page.errors, []);
});

test('an entry in a foreign currency converts at the typed rate', async () => {
  // The chart's accounts take only local currency; open 4950 (no postings
  // yet, so its currency may still change) to all currencies.
  await page.goto(app.url + '/financials/accounts');
  await page.fill('[data-testid="account-search"]', '4950');
  await page.click('tr[data-account="4950"] [data-testid="account-edit"]');
  await page.selectOption('[data-testid="account-currency"]', 'all');
  await page.click('[data-testid="account-save"]');
  await page.waitForSelector('[data-testid="account-form"]', { state: 'detached' });
  await page.goto(app.url + '/financials/entry');
  await page.waitForSelector('[data-testid="account-0"]');
  await typeEntry(page, { date: '25.01.2026', reference: 'USD-1', memo: 'Lizenz USA', lines: [['4950', '108,37', '', 'USD'], ['1200', '', '100,00']] });
  await page.fill('[data-testid="rate-0"]', '1,0837');
  await page.waitForFunction(() => document.querySelector('[data-testid="difference"]')?.textContent.includes('0,00'));
  await postWithKeyboard(page);
  await page.waitForSelector('[data-testid="entry-posted"]');
  assert.match(await page.textContent('[data-testid="entry-posted"]'), /2026\/5$/);
  // What was posted: 108,37 USD at 1,0837 USD per EUR is 100,00 EUR on
  // 4950, with the FC amount and rate kept; the bank is credited 100,00.
  await page.goto(app.url + '/financials/journal');
  await page.waitForSelector('[data-testid="journal-row"]');
  // Alt+L redraws the table itself in English, not only the page around it.
  assert.match(await page.textContent('[data-testid="journal-count"]'), /Buchungen/);
  await page.keyboard.press('Alt+L');
  await page.waitForFunction(() => /entries/.test(document.querySelector('[data-testid="journal-count"]')?.textContent ?? ''));
  assert.match(await page.textContent('[data-testid="journal"] thead'), /No\..*Date/s);
  await page.keyboard.press('Alt+L');
  await page.waitForFunction(() => /Buchungen/.test(document.querySelector('[data-testid="journal-count"]')?.textContent ?? ''));
  const id = await page.getAttribute('[data-testid="journal-row"]:first-child', 'data-entry');
  await page.goto(app.url + `/financials/journal/${id}`);
  await page.waitForSelector('[data-testid="entry-lines"]');
  assert.match(await page.textContent('[data-testid="entry-title"]'), /2026\/5$/);
  const lines = await page.$$eval('[data-testid="entry-line"]', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent.trim())));
  assert.deepEqual(lines.map((l) => l.slice(0, 5).filter((_, i) => i !== 1)), [
    ['4950', '100,00', '', '108,37 USD · Kurs 1,0837'],
    ['1200', '', '100,00', ''],
  ]);
});

test('unfinished input survives a reload', async () => {
  // The test before ends on an entry's detail page.
  await page.goto(app.url + '/financials/entry');
  await page.waitForSelector('[data-testid="account-0"]');
  await typeEntry(page, { date: '28.01.2026', reference: 'HALB', memo: 'halb fertig', lines: [['4210', '77,00']] });
  // The status bar says when the draft is stored (no save in flight).
  await page.waitForSelector('[data-testid="status-draft"][data-state="saved"]');
  assert.match(await page.textContent('[data-testid="status-draft"]'), /^gespeichert$/);
  await page.reload();
  await waitForApp(page);
  await page.waitForFunction(() => document.querySelector('[data-testid="reference"]')?.value === 'HALB', null, { timeout: 15000 });
  assert.equal(await page.inputValue('[data-testid="account-0"]'), '4210');
  assert.equal(await page.inputValue('[data-testid="debit-0"]'), '77,00');
  await discardEntry(page);
});

test('a voucher collects entries, survives a reload and posts them together', async () => {
  await page.goto(app.url + '/financials/entry');
  await page.waitForSelector('[data-testid="account-0"]');
  await typeEntry(page, { date: '29.01.2026', reference: 'ST-1', memo: 'Stapel 1', lines: [['4210', '10,00'], ['1200', '', '10,00']] });
  await page.focus('[data-testid="account-0"]');
  await page.keyboard.press('Alt+s');
  await page.waitForFunction(() => document.querySelector('[data-testid="voucher-count"]')?.textContent.includes(': 1'));
  await typeEntry(page, { date: '30.01.2026', reference: 'ST-2', memo: 'Stapel 2', lines: [['4210', '20,00'], ['1200', '', '20,00']] });
  await page.click('[data-testid="to-voucher"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="voucher-count"]')?.textContent.includes(': 2'));
  await page.reload();
  await waitForApp(page);
  await page.click('[data-testid="voucher-count"]');
  await page.waitForSelector('.voucher-card');
  assert.equal(await page.locator('.voucher-card tbody tr').count(), 2);
  await screenshot(page, 'vouchers-de');
  await page.click('[data-testid="post-voucher"]');
  await page.waitForSelector('[data-testid="voucher-posted"]');
  assert.match(await page.textContent('[data-testid="voucher-posted"]'), /2 Buchungen/);
  await page.waitForSelector('[data-testid="no-vouchers"]');
  assert.deepEqual(page.errors, []);
});

test('keyboard only: a whole entry typed and posted without the mouse', async () => {
  await page.goto(app.url + '/financials/entry');
  await page.waitForSelector('[data-testid="account-0"]');
  await page.keyboard.press('Escape');
  await page.focus('[data-testid="posting-date"]');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('31.01.2026');
  await page.keyboard.press('Enter'); // document date
  await page.keyboard.press('Enter'); // reference
  await page.keyboard.type('KB-1');
  await page.keyboard.press('Enter'); // memo
  await page.keyboard.type('Tastatur');
  await page.keyboard.press('Enter'); // account 0
  await page.keyboard.type('4210');
  await page.keyboard.press('Enter'); // debit
  await page.keyboard.type('55,50');
  // Tab across the rest of the row (credit, tax code, gross, centre,
  // currency, rate, memo) to the next row's account.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.dataset.testid === 'account-1')) break;
  }
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'account-1');
  await page.keyboard.type('1200');
  await page.keyboard.press('Control+b'); // balance into this line
  await page.waitForFunction(() => document.querySelector('[data-testid="credit-1"]')?.value === '55,50');
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector('[data-testid="entry-posted"]');
  assert.match(await page.textContent('[data-testid="entry-posted"]'), /2026\/8$/);
  await screenshot(page, 'entry-keyboard-de');
  await page.click('[data-testid="lang-switch"]');
  await screenshot(page, 'entry-en');
  await page.click('[data-testid="lang-switch"]');
});

test('the trial balance reads the same after a reload', async () => {
  await page.goto(app.url + '/reports/trial-balance');
  await page.waitForSelector('[data-testid="trial-balance"] tr[data-account="1200"]');
  const before = await page.textContent('[data-testid="trial-balance"]');
  assert.match(before, /4210/);
  await page.reload();
  await waitForApp(page);
  await page.waitForSelector('[data-testid="trial-balance"] tr[data-account="1200"]');
  assert.equal(await page.textContent('[data-testid="trial-balance"]'), before);
});

test('a locked period refuses postings, with the reason', async () => {
  await page.goto(app.url + '/admin/periods');
  await page.waitForSelector('[data-testid="period-status-2026-3"]');
  await page.selectOption('[data-testid="period-status-2026-3"]', 'locked');
  await page.click('[data-testid="confirm-lock"]');
  await page.waitForSelector('tr[data-period="2026-3"][data-status="locked"]');
  await page.goto(app.url + '/financials/entry');
  await page.waitForSelector('[data-testid="account-0"]');
  await page.keyboard.press('Escape');
  await typeEntry(page, { date: '10.03.2026', reference: 'GESP', memo: 'gesperrt', lines: [['4210', '10,00'], ['1200', '', '10,00']] });
  await postWithKeyboard(page);
  await page.waitForSelector('[data-testid="error"]');
  assert.match(await page.textContent('[data-testid="error"]'), /10\.03\.2026 ist gesperrt/);
  // The same entry in an open period posts.
  await page.fill('[data-testid="posting-date"]', '10.04.2026');
  await postWithKeyboard(page);
  await page.waitForSelector('[data-testid="entry-posted"]');
  await screenshot(page, 'entry-locked-period-de');
});
