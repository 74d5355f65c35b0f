// Issue 11, the entry screen and the reports as a bookkeeper meets them:
// a tax code of the wrong direction warns at its line and posting asks to
// confirm or correct; Esc asks before it throws typed input away; the
// running difference says "nicht buchbar" with the posting's own reason;
// posting (and reversing) into a closing period asks, then posts; the
// account sheet of a foreign-currency account shows FC amounts, the FC
// balance and contra accounts; a second fiscal year opens P&L accounts at
// zero with the earlier result carried forward. Screenshots in de and en.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, waitForApp, screenshot } from '../lib/app.mjs';
import { createCompany, editCompanyStore } from '../lib/company.mjs';

let app;
let page;
before(async () => {
  app = await startApp();
  page = await app.page();
});
after(async () => { await app?.close(); });

async function setLang(page, lang) {
  const current = await page.evaluate(() => document.documentElement.lang);
  if (current !== lang) {
    await page.keyboard.press('Alt+L');
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  }
}

async function text(selector) {
  return (await page.textContent(selector)).trim();
}

async function openEntry() {
  await page.goto(app.url + '/financials/entry');
  await waitForApp(page);
  await page.waitForSelector('[data-testid="account-0"]');
}

/** Types one entry: lines are [account, debit, credit, taxCode?]. */
async function typeEntry({ date, reference, memo, lines }) {
  await page.fill('[data-testid="posting-date"]', date);
  await page.fill('[data-testid="reference"]', reference);
  await page.fill('[data-testid="memo"]', memo);
  for (const [i, [account, debit, credit, tax]] of lines.entries()) {
    await page.fill(`[data-testid="account-${i}"]`, account);
    await page.fill(`[data-testid="debit-${i}"]`, debit ?? '');
    await page.fill(`[data-testid="credit-${i}"]`, credit ?? '');
    await page.fill(`[data-testid="tax-${i}"]`, tax ?? '');
  }
}

async function postWithKeyboard() {
  await page.focus('[data-testid="account-0"]');
  await page.keyboard.press('Control+Enter');
}

/** The id of the newest entry (the journal lists newest first). */
async function newestEntryId() {
  await page.goto(app.url + '/financials/journal');
  await page.waitForSelector('[data-testid="journal-row"]');
  return page.getAttribute('[data-testid="journal-row"]:first-child', 'data-entry');
}

/** "-1.234,56" → -1234.56 (German display). */
function amount(s) {
  const t = s.trim();
  return t === '' ? 0 : Number(t.replace(/\./g, '').replace(',', '.'));
}

test('a company to work in', async () => {
  await createCompany(page, app.url, { name: 'Prüf GmbH', chart: 'skr03', year: '2026' });
});

test('a tax code of the wrong direction warns at its line; posting asks to confirm or correct', async () => {
  await openEntry();
  await typeEntry({ date: '05.01.2026', reference: 'AR-1', memo: 'Verkauf', lines: [['1200', '119,00'], ['8400', '', '100,00', 'V19']] });
  const warning = await page.waitForSelector('[data-testid="entry-warning"][data-row="1"]');
  assert.match((await warning.textContent()).trim(), /^Zeile 2: V19 ist ein Vorsteuerkennzeichen, Konto 8400 aber ein Erlöskonto/);
  assert.ok(await page.$('tr[data-row="1"].row-warning'), 'the grid marks the row');
  assert.equal(await page.getAttribute('[data-testid="difference"]', 'data-postable'), 'true');
  await screenshot(page, 'entry-warning-de');

  // Posting asks; "correct" posts nothing.
  await postWithKeyboard();
  await page.waitForSelector('[data-testid="confirm-post"]');
  assert.match(await text('[data-testid="confirm-post"]'), /Zeile 2: V19/);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'post-anyway');
  await screenshot(page, 'entry-warning-confirm-de');
  await page.click('[data-testid="correct"]');
  await page.waitForSelector('[data-testid="confirm-post"]', { state: 'detached' });
  assert.equal(await page.$('[data-testid="entry-posted"]'), null);

  // Corrected, the warning goes and the entry posts without a question.
  await page.fill('[data-testid="tax-1"]', 'U19');
  await page.waitForSelector('[data-testid="entry-warnings"]', { state: 'detached' });
  await postWithKeyboard();
  await page.waitForSelector('[data-testid="entry-posted"]');
  assert.match(await text('[data-testid="entry-posted"]'), /2026\/1$/);

  // In English, answered "post anyway": it posts as typed.
  await setLang(page, 'en');
  await typeEntry({ date: '2026-01-06', reference: 'AR-2', memo: 'Sale', lines: [['1200', '119.00'], ['8400', '', '100.00', 'V19']] });
  await page.waitForSelector('[data-testid="entry-warning"][data-row="1"]');
  assert.match(await text('[data-testid="entry-warning"]'), /^Line 2: V19 is an input-tax code, but account 8400 is a revenue account/);
  await screenshot(page, 'entry-warning-en');
  await postWithKeyboard();
  await page.waitForSelector('[data-testid="confirm-post"]');
  await screenshot(page, 'entry-warning-confirm-en');
  await page.keyboard.press('Enter'); // the focused "Post anyway"
  await page.waitForSelector('[data-testid="entry-posted"]');
  assert.match(await text('[data-testid="entry-posted"]'), /2026\/2$/);
  await setLang(page, 'de');
  assert.deepEqual(page.errors, []);
});

test('Esc asks before it throws typed input away', async () => {
  await openEntry();
  // An empty grid clears without a question.
  await page.focus('[data-testid="account-0"]');
  await page.keyboard.press('Escape');
  assert.equal(await page.$('[data-testid="confirm-discard"]'), null);

  await page.fill('[data-testid="account-0"]', '4210');
  await page.fill('[data-testid="debit-0"]', '12,00');
  await page.focus('[data-testid="debit-0"]');
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="confirm-discard"]');
  assert.equal(await page.inputValue('[data-testid="account-0"]'), '4210', 'nothing thrown away yet');
  await screenshot(page, 'entry-discard-confirm-de');
  // Esc again: keep editing, back in the cell.
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="confirm-discard"]', { state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'debit-0');
  assert.equal(await page.inputValue('[data-testid="debit-0"]'), '12,00');
  // The discard button asks too.
  await page.click('[data-testid="discard-entry"]');
  await page.click('[data-testid="keep-editing"]');
  assert.equal(await page.inputValue('[data-testid="account-0"]'), '4210');
  // Esc, then Enter on the focused "Discard": gone.
  await page.focus('[data-testid="account-0"]');
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="confirm-discard"]');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'discard');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="account-0"]')?.value === '');
  assert.equal(await page.inputValue('[data-testid="debit-0"]'), '');
  assert.deepEqual(page.errors, []);
});

test('the running difference says "nicht buchbar" with the reason the posting would give', async () => {
  await openEntry();
  // 4210 and 1200 balance; line 3's account does not exist.
  await typeEntry({ date: '07.01.2026', reference: 'X-1', memo: 'falsch', lines: [['4210', '100,00'], ['1200', '', '100,00'], ['9999', '50,00']] });
  await page.waitForSelector('[data-testid="not-postable"]');
  assert.match(await text('[data-testid="not-postable"]'), /^nicht buchbar: Zeile 3: das Konto 9999 gibt es nicht\.$/);
  assert.equal(await page.getAttribute('[data-testid="difference"]', 'data-postable'), 'false');
  assert.doesNotMatch(await text('[data-testid="difference"]'), /ausgeglichen/);
  await screenshot(page, 'entry-not-postable-de');
  // Without line 3 it is postable.
  await page.fill('[data-testid="account-2"]', '');
  await page.fill('[data-testid="debit-2"]', '');
  await page.waitForSelector('[data-testid="not-postable"]', { state: 'detached' });
  assert.match(await text('[data-testid="difference"]'), /0,00\s*ausgeglichen/);
  // A third decimal is not rounded away.
  await page.fill('[data-testid="debit-0"]', '100,004');
  await page.waitForSelector('[data-testid="not-postable"]');
  assert.match(await text('[data-testid="not-postable"]'), /Zeile 1: Der Betrag hat mehr als 2 Nachkommastellen/);
  assert.match(await text('[data-testid="difference"]'), /—/);
  // Posting refuses with the same reason.
  await postWithKeyboard();
  await page.waitForSelector('[data-testid="error"]');
  assert.match(await text('[data-testid="error"]'), /Zeile 1: Der Betrag hat mehr als 2 Nachkommastellen/);
  await page.focus('[data-testid="account-0"]');
  await page.keyboard.press('Escape');
  await page.click('[data-testid="discard"]');
  assert.deepEqual(page.errors, []);
});

test('posting into a closing period asks, then posts; so does its reversal', async () => {
  await page.goto(app.url + '/admin/periods');
  await waitForApp(page);
  await page.waitForSelector('[data-testid="period-status-2026-3"]');
  await page.selectOption('[data-testid="period-status-2026-3"]', 'closing');
  await page.waitForSelector('tr[data-period="2026-3"][data-status="closing"]');

  await openEntry();
  await typeEntry({ date: '10.03.2026', reference: 'ABS-1', memo: 'Abgrenzung', lines: [['4210', '300,00'], ['1200', '', '300,00']] });
  await page.waitForSelector('[data-testid="entry-warning"]');
  assert.match(await text('[data-testid="entry-warning"]'), /Die Periode des 10\.03\.2026 ist im Abschluss/);
  await postWithKeyboard();
  await page.waitForSelector('[data-testid="confirm-post"]');
  await screenshot(page, 'entry-closing-confirm-de');
  await setLang(page, 'en');
  await page.waitForFunction(() => /The period of 2026-03-10 is in closing/.test(document.querySelector('[data-testid="confirm-post"]')?.textContent ?? ''));
  await screenshot(page, 'entry-closing-confirm-en');
  await setLang(page, 'de');
  await page.click('[data-testid="post-anyway"]');
  await page.waitForSelector('[data-testid="entry-posted"]');
  assert.match(await text('[data-testid="entry-posted"]'), /2026\/3$/);

  // Its reversal, on the original's date, asks the same and then posts.
  const id = await newestEntryId();
  await page.goto(app.url + `/financials/journal/${id}`);
  await page.waitForSelector('[data-testid="reverse-form"]');
  await page.click('[data-testid="reverse"]');
  await page.waitForSelector('[data-testid="confirm-reverse"]');
  assert.match(await text('[data-testid="confirm-reverse"]'), /Die Periode des 10\.03\.2026 ist im Abschluss/);
  await screenshot(page, 'reverse-closing-confirm-de');
  await page.click('[data-testid="reverse-anyway"]');
  // Reversed, the entry links to its reversal and offers no reversal form.
  await page.waitForSelector('[data-testid="reversed-by"]');
  assert.match(await text('[data-testid="reversed-by"]'), /storniert durch 2026\/4$/);
  assert.deepEqual(page.errors, []);
});

/** The entry screen's stored draft ("entry-form" in the company's drafts):
 *  read it (`json` undefined) or put `json` back. */
async function entryDraft(json) {
  const old = await editCompanyStore(page, 'drafts', (store, ask) => ask(store.get('entry-form')));
  if (json !== undefined) await editCompanyStore(page, 'drafts', (store, ask, json) => ask(store.put(json, 'entry-form')), json);
  return old;
}

test('a stored draft that was already posted is not restored: a new entry starts, and it posts', async () => {
  await openEntry();
  await typeEntry({ date: '12.02.2026', reference: 'ENTW-1', memo: 'Entwurf', lines: [['4210', '30,00', ''], ['1200', '', '30,00']] });
  let draft;
  for (let i = 0; i < 100 && !(draft ?? '').includes('ENTW-1'); i++) draft = await entryDraft();
  assert.match(draft, /ENTW-1/, 'the typed entry is saved as the draft');
  await postWithKeyboard();
  await page.waitForSelector('[data-testid="entry-posted"]');
  const posted = (await text('[data-testid="entry-posted"]')).match(/2026\/\d+/)[0];
  // The clearing after the post is lost (the tab closed before it was
  // saved): the posted draft is what the company holds.
  await entryDraft(draft);
  await openEntry();
  assert.equal(await text('[data-testid="entry-posted"]'), `Neue Buchung begonnen: der gespeicherte Entwurf ist schon gebucht, als Beleg ${posted}.`);
  assert.equal(await page.inputValue('[data-testid="reference"]'), '');
  assert.equal(await page.inputValue('[data-testid="account-0"]'), '');
  await screenshot(page, 'entry-draft-was-posted-de');
  // What is typed now posts, instead of being refused as the posted one.
  await typeEntry({ date: '13.02.2026', reference: 'ENTW-2', memo: 'neu', lines: [['4210', '5,00', ''], ['1200', '', '5,00']] });
  await postWithKeyboard();
  await page.waitForSelector('[data-testid="entry-posted"] >> text=Gebucht als Beleg');
  assert.notEqual((await text('[data-testid="entry-posted"]')).match(/2026\/\d+/)[0], posted);
  assert.deepEqual(page.errors, []);
});

/** The demo's one fiscal year (last calendar year). */
let demoYear;

test('demo: the CHF bank account sheet shows CHF amounts, the CHF balance and every contra account', async () => {
  await page.goto(app.url);
  await waitForApp(page);
  await page.click('[data-testid="open-demo"]');
  await page.waitForSelector('[data-testid="trial-balance"]', { timeout: 120000 });
  demoYear = Number(await page.$eval('[data-testid="tb-year"]', (s) => s.value));
  assert.ok(demoYear > 2000, `demo year ${demoYear}`);
  await page.goto(app.url + `/reports/account/1270?from=${demoYear}-01-01&to=${demoYear}-12-31`);
  await page.waitForSelector('[data-testid="account-sheet"][data-fc="CHF"]');
  const heads = await page.$$eval('[data-testid="account-sheet"] thead th', (ths) => ths.map((th) => th.textContent.trim()));
  assert.deepEqual(heads, ['Nr.', 'Datum', 'Referenz', 'Gegenkonto', 'Buchungstext', 'Soll EUR', 'Haben EUR', 'Saldo EUR', 'Soll CHF', 'Haben CHF', 'Saldo CHF']);
  const rows = await page.$$eval('[data-testid="sheet-line"]', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())));
  assert.ok(rows.length >= 5, `CHF lines: ${rows.length}`);
  const opening = await page.$$eval('[data-testid="sheet-opening"] td', (tds) => tds.map((t) => t.textContent.trim()));
  const closing = await page.$$eval('[data-testid="sheet-closing"] td', (tds) => tds.map((t) => t.textContent.trim()));
  // Every line: a contra account, an FC amount on its side, and a running
  // FC balance that adds up; the LC balance adds up too.
  let fc = amount(opening[10]);
  let lc = amount(opening[7]);
  for (const r of rows) {
    assert.match(r[3], /^\d{4}( \+\d+)?$/, `contra of ${r[0]}`);
    assert.ok((r[8] === '') !== (r[9] === ''), `one FC side on ${r[0]}: ${r}`);
    fc = Math.round((fc + amount(r[8]) - amount(r[9])) * 100) / 100;
    lc = Math.round((lc + amount(r[5]) - amount(r[6])) * 100) / 100;
    assert.equal(amount(r[10]), fc, `FC balance after ${r[0]}`);
    assert.equal(amount(r[7]), lc, `LC balance after ${r[0]}`);
  }
  assert.equal(amount(closing[10]), fc, 'closing FC balance');
  assert.notEqual(amount(closing[10]), amount(closing[7]), 'FC and LC balances differ (a rate applies)');
  await screenshot(page, 'account-sheet-fc-de');
  await setLang(page, 'en');
  await page.waitForFunction(() => /Balance CHF/.test(document.querySelector('[data-testid="account-sheet"] thead')?.textContent ?? ''));
  await screenshot(page, 'account-sheet-fc-en');
  await setLang(page, 'de');
  assert.deepEqual(page.errors, []);
});

test('demo, second fiscal year: P&L accounts open at zero, the earlier result is carried forward, openings sum to zero', async () => {
  await page.goto(app.url + '/admin/periods');
  await waitForApp(page);
  await page.waitForSelector('[data-testid="open-next-year"]');
  const next = demoYear + 1;
  assert.match(await text('[data-testid="open-next-year"]'), new RegExp(String(next)));
  await page.click('[data-testid="open-next-year"]');
  await page.waitForSelector(`section[data-fiscal-year="${next}"]`);
  await openEntry();
  await typeEntry({ date: `15.01.${next}`, reference: 'MIETE-2', memo: 'Miete Januar', lines: [['4210', '1.500,00'], ['1200', '', '1.500,00']] });
  await postWithKeyboard();
  await page.waitForSelector('[data-testid="entry-posted"]');

  await page.goto(app.url + '/reports/trial-balance');
  await page.waitForSelector('[data-testid="trial-balance"]');
  assert.equal(await page.$eval('[data-testid="tb-year"]', (s) => s.value), String(next));
  // 8400 (revenue, millions in the demo year) has no movement in the next: no row.
  assert.equal(await page.$('[data-testid="trial-balance"] tr[data-account="8400"]'), null);
  const rent = await page.$$eval('tr[data-account="4210"] td', (tds) => tds.map((t) => t.textContent.trim()));
  assert.deepEqual(rent.slice(2), ['0,00', '1.500,00', '', '1.500,00']);
  const carried = await page.$$eval('[data-testid="tb-carried-forward"] td', (tds) => tds.map((t) => t.textContent.trim()));
  assert.match(carried[1], /^Ergebnisvortrag/);
  assert.notEqual(amount(carried[2]), 0, 'the 2024 result');
  assert.equal(carried[2], carried[5], 'no movements: opening = closing');
  const total = await page.$$eval('[data-testid="tb-total"] td', (tds) => tds.map((t) => t.textContent.trim()));
  assert.equal(total[2], '0,00', 'openings sum to zero');
  assert.equal(total[5], '0,00', 'closings sum to zero');
  assert.match(await text('[data-testid="tb-balanced"]'), /stimmen überein/);
  await screenshot(page, 'trial-balance-second-year-de');
  await setLang(page, 'en');
  await page.waitForFunction(() => /Result carried forward/.test(document.querySelector('[data-testid="tb-carried-forward"]')?.textContent ?? ''));
  await screenshot(page, 'trial-balance-second-year-en');
  await setLang(page, 'de');

  // The account sheet of a revenue account opens the new year at zero too.
  await page.goto(app.url + `/reports/account/8400?from=${next}-01-01&to=${next}-12-31`);
  await page.waitForSelector('[data-testid="sheet-opening"]');
  assert.equal(await text('[data-testid="sheet-opening"] td:last-child'), '0,00');
  assert.deepEqual(page.errors, []);
});
