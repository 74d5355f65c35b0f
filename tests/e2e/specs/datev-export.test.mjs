// DATEV export (issue 19, part B) in the demo company: the page refuses
// without DATEV settings, a Berater-Nr. out of range is refused with its
// sentence, the settings are saved, the preview counts entries and rows,
// and Alt+E downloads one ZIP whose three EXTF files (Buchungsstapel,
// Kontenbeschriftungen, Debitoren/Kreditoren) carry the format-700 header,
// DATEV's column titles, CRLF and rows. Screenshots German and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

test('the demo company opens', async () => {
  await page.goto(app.url + '/');
  await waitForApp(page);
  await page.click(tid('open-demo'));
  await page.waitForSelector(tid('trial-balance'), { timeout: 180000 });
});

test('without settings the export is refused; a wrong Berater-Nr. is named', async () => {
  await page.goto(app.url + '/reports/datev-export');
  await waitForApp(page);
  await page.waitForSelector(tid('datev-settings'));
  await page.waitForSelector(tid('datev-not-set'));
  assert.match(await page.textContent(tid('datev-refusal')), /keine DATEV-Einstellungen/);
  await page.fill(tid('datev-consultant'), '1000');
  await page.fill(tid('datev-client'), '55003');
  await page.click(tid('datev-save'));
  await page.waitForSelector(tid('error'));
  assert.match(await page.textContent(tid('error')), /Berater-Nr\. 1000 liegt nicht zwischen 1001 und 9999999/);
});

test('settings saved, preview counted, Alt+E downloads the ZIP with three EXTF files', async () => {
  await page.fill(tid('datev-consultant'), '29098');
  await page.press(tid('datev-consultant'), 'Enter');
  await page.waitForSelector(tid('datev-saved'));
  await page.waitForSelector(tid('datev-preview'));
  const preview = await page.textContent(tid('datev-preview'));
  const [, entries, rows] = preview.match(/(\d+) Buchungen · (\d+) Buchungszeilen/) ?? [];
  assert.ok(Number(entries) > 0 && Number(rows) >= Number(entries), preview);
  await screenshot(page, 'datev-export-de');

  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60000 }),
    page.keyboard.press('Alt+E'),
  ]);
  assert.match(download.suggestedFilename(), /^DATEV_55003_\d{8}_\d{8}\.zip$/);
  const dir = await mkdtemp(join(tmpdir(), 'kontor-datev-'));
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  await page.waitForSelector(tid('datev-done'));

  const list = execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' }).trim().split('\n');
  assert.deepEqual(list, ['EXTF_Buchungsstapel.csv', 'EXTF_Kontenbeschriftungen.csv', 'EXTF_Debitoren_Kreditoren.csv']);
  const file = (name) => new TextDecoder('windows-1252').decode(execFileSync('unzip', ['-p', path, name]));
  const stapel = file('EXTF_Buchungsstapel.csv');
  const lines = stapel.split('\r\n');
  assert.match(lines[0], /^"EXTF";700;21;"Buchungsstapel";9;\d{17};;"KO";"Kontor";"";29098;55003;\d{8};4;\d{8};\d{8};/);
  assert.match(lines[1], /^Umsatz \(ohne Soll\/Haben-Kz\);Soll\/Haben-Kennzeichen;WKZ Umsatz;/);
  assert.match(lines[2], /^\d+,\d{2};"[SH]";"EUR";;;"";\d+;\d+;/);
  assert.equal(lines.length - 3, Number(rows), 'one line per row, CRLF after each');
  assert.ok(!stapel.replace(/\r\n/g, '').includes('\n'), 'no bare LF');
  const labels = file('EXTF_Kontenbeschriftungen.csv').split('\r\n');
  assert.match(labels[0], /^"EXTF";700;20;"Kontenbeschriftungen";2;/);
  assert.equal(labels[1], 'Konto;Kontenbeschriftung;Sprach-ID');
  assert.match(labels[2], /^\d{3,4};"[^"]+";"de-DE"$/);
  const partners = file('EXTF_Debitoren_Kreditoren.csv').split('\r\n');
  assert.match(partners[0], /^"EXTF";700;16;"Debitoren\/Kreditoren";5;/);
  assert.match(partners[2], /^10\d{3};"[^"]+";/);

  await setLang('en');
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('DATEV export'));
  await assertEnglish(page, 'datev-export');
  await screenshot(page, 'datev-export-en');
  await setLang('de');
  assert.deepEqual(page.errors, []);
});
