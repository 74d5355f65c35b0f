// DATEV import (issue 19, part C): DATEV's own Buchungsstapel sample
// (tests/fixtures/datev/EXTF_Buchungsstapel.csv, MIT, Georg Ledermann's
// `datev` gem; February 2018, Debitor 10000) goes into an SKR03 company of
// 2018 that has customer 10000: the header is shown, both rows pass, Ctrl+
// Enter takes them over as one journal voucher, the voucher posts, and the
// journal shows the two entries. A copy with a bad S/H mark in its first
// row (line 3) is refused with that line and nothing can be taken over.
// Screenshots German and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, waitForApp, screenshot, ROOT } from '../lib/app.mjs';
import { createCompany } from '../lib/company.mjs';
import { assertEnglish } from '../lib/english.mjs';

const SAMPLE = join(ROOT, 'tests', 'fixtures', 'datev', 'EXTF_Buchungsstapel.csv');

let app;
let page;
let dir;
before(async () => {
  app = await startApp();
  page = await app.page();
  dir = await mkdtemp(join(tmpdir(), 'kontor-datev-'));
});
after(async () => {
  await app?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

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
    await screenshot(page, 'datev-import-go-failed');
    assert.fail(`${e.message}\n${page.errors.join('\n')}`);
  });
}

async function shots(name, englishTitle, englishText = englishTitle) {
  await setLang('de');
  await screenshot(page, `${name}-de`);
  await setLang('en');
  await page.waitForFunction((t) => document.querySelector('h1')?.textContent.includes(t), englishTitle);
  await page.waitForFunction((t) => document.body.innerText.includes(t), englishText);
  await assertEnglish(page, name);
  await screenshot(page, `${name}-en`);
  await setLang('de');
}

async function pick(file, outcome) {
  await go('/financials/datev-import', tid('datev-file'));
  await page.setInputFiles(tid('datev-file'), file);
  await page.waitForSelector(`${tid(outcome)}, ${tid('datev-file-error')}, ${tid('error')}`, { timeout: 15000 })
    .catch(async (e) => {
      await screenshot(page, 'datev-import-pick-failed');
      assert.fail(`${e.message}\n${page.errors.join('\n')}`);
    });
  const wrong = await page.$(`${tid('datev-file-error')}, ${tid('error')}`);
  if (wrong) assert.fail(`the file was refused: ${await wrong.textContent()}`);
}

test('an SKR03 company of 2018 with customer 10000', async () => {
  await createCompany(page, app.url, { name: 'DATEV Muster GmbH', chart: 'skr03', year: '2018' });
  await go('/master-data/partners/new', tid('partner-form'));
  await page.waitForFunction(() => document.querySelector('[data-testid="partner-code"]')?.value === '10000');
  await page.fill(tid('partner-name'), 'Sabine Mustermann');
  await page.fill(tid('partner-town'), 'Köln');
  await page.click(tid('partner-save'));
  await page.waitForFunction(() => document.querySelector('[data-testid="partner-title"]')?.textContent === '10000 Sabine Mustermann');
});

test('a file with a bad row is refused with its line; nothing can be taken over', async () => {
  const bytes = await readFile(SAMPLE);
  // The first row's S/H mark "H" (line 3) becomes "X"; bytes stay Windows-1252.
  const text = bytes.toString('latin1').replace('24,95;"H";', '24,95;"X";');
  const bad = join(dir, 'EXTF_Buchungsstapel_bad.csv');
  await writeFile(bad, Buffer.from(text, 'latin1'));
  await pick(bad, 'datev-refused');
  const refused = await page.textContent(tid('datev-refused'));
  assert.match(refused, /1 von 2 Zeilen abgelehnt/);
  assert.match(await page.textContent(`${tid('datev-refused')} li[data-line="3"]`),
    /Zeile 3: „Soll\/Haben-Kennzeichen“: „X“ ist nicht S \(Soll\) oder H \(Haben\)/);
  assert.equal(await page.$(tid('datev-take-over')), null, 'no take-over while a row is refused');
  await shots('datev-import-refused', 'DATEV import');
});

test('the DATEV sample shows its header, takes over as one voucher and posts', async () => {
  await setLang('de');
  await pick(SAMPLE, 'datev-ready');
  assert.equal((await page.textContent(tid('datev-adviser'))).trim(), '1001');
  assert.equal((await page.textContent(tid('datev-client'))).trim(), '456');
  assert.equal((await page.textContent(tid('datev-period'))).trim(), '01.02.2018 – 28.02.2018');
  assert.equal((await page.textContent(tid('datev-label'))).trim(), 'Beispiel-Buchungen');
  assert.equal(await page.$$eval(`${tid('datev-preview')} tbody tr`, (r) => r.length), 2);
  const first = await page.textContent(`${tid('datev-preview')} tr[data-line="3"]`);
  assert.match(first, /21\.02\.2018.*1200.*4940.*H.*24,95.*8.*V7.*Fachbuch/);
  await shots('datev-import-preview', 'DATEV import');

  await page.keyboard.press('Control+Enter');
  await page.waitForURL((u) => u.pathname === '/financials/vouchers', { timeout: 15000 });
  const card = '.voucher-card:has-text("DATEV Beispiel-Buchungen")';
  await page.waitForSelector(card);
  assert.equal(await page.$$eval(`${card} tbody tr`, (r) => r.length), 2);
  await screenshot(page, 'datev-import-voucher-de');
  await page.click(`${card} ${tid('post-voucher')}`);
  await page.waitForSelector(`${tid('voucher-posted')}, ${tid('confirm-voucher')}, ${tid('error')}`, { timeout: 15000 });
  if (await page.$(tid('confirm-voucher'))) {
    await page.click(tid('voucher-post-anyway'));
    await page.waitForSelector(`${tid('voucher-posted')}, ${tid('error')}`, { timeout: 15000 });
  }
  const error = await page.$(tid('error'));
  if (error) assert.fail(`posting refused: ${await error.textContent()}`);
  assert.match(await page.textContent(tid('voucher-posted')), /2 Buchungen/);

  await go('/financials/journal', tid('journal'));
  const rows = await page.textContent(tid('journal'));
  assert.match(rows, /Fachbuch: Controlling für Dummies/);
  assert.match(rows, /Honorar FiBu-Seminar/);
  await screenshot(page, 'datev-import-journal-de');
  // The journal's table does not follow Alt+L at once (its rows are built
  // once), so the English view is loaded afresh.
  await setLang('en');
  await go('/financials/journal', tid('journal'));
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await assertEnglish(page, 'datev-import-journal');
  await screenshot(page, 'datev-import-journal-en');
  await setLang('de');
});
