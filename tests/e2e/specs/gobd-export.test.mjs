// GoBD export and the hledger/ledger journal (issue 19 part D), on the
// demo company: Berichte → GoBD-Export shows what each table holds, the
// row counts and the log's head; Alt+E downloads the ZIP, which holds
// index.xml (valid by xmllint --dtdvalid against the DTD beside it), the
// DTD and seven CSV tables whose row counts are the ones the page
// previewed. The journal page downloads the whole books and a range;
// hledger reads both. Screenshots German and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { startApp, waitForApp, screenshot } from '../lib/app.mjs';
import { assertEnglish } from '../lib/english.mjs';

let app;
let page;
let dir;
before(async () => {
  app = await startApp();
  page = await app.page();
  dir = await mkdtemp(join(tmpdir(), 'kontor-gobd-'));
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
  await page.waitForSelector(selector, { timeout: 20000 }).catch(async (e) => {
    await screenshot(page, 'gobd-go-failed');
    assert.fail(`${e.message}\n${page.errors.join('\n')}`);
  });
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

/** The entries of a ZIP file (stored or deflated), by name. */
function unzip(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, 'a ZIP end record');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const files = new Map();
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50, 'a central directory entry');
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

/** Data rows of a CSV written with CRLF (the header line not counted). */
const dataRows = (text) => text.split('\r\n').filter((l) => l.length > 0).length - 1;

const count = async (name) =>
  Number((await page.textContent(tid(`gobd-count-${name}`))).replace(/\./g, ''));

test('the demo company opens', async () => {
  await go('/', tid('open-demo'));
  await page.click(tid('open-demo'));
  await page.waitForSelector(tid('trial-balance'), { timeout: 180000 });
});

test('the GoBD page explains the tables and downloads a DTD-valid ZIP with the previewed rows', async () => {
  await go('/reports', '[href="/reports/gobd-export"]');
  await page.click('[href="/reports/gobd-export"]');
  await page.waitForSelector(tid('gobd-tables'), { timeout: 20000 });
  const names = ['Buchungsjournal', 'Konten', 'Geschaeftspartner', 'Steuerschluessel', 'Kostenstellen', 'OffenePosten', 'Hashkette'];
  const counts = {};
  for (const n of names) counts[n] = await count(n);
  assert.ok(counts.Buchungsjournal > 1000, `journal lines of the demo year: ${counts.Buchungsjournal}`);
  assert.ok(counts.Konten > 50);
  assert.ok(counts.Geschaeftspartner > 5);
  assert.equal(counts.Hashkette, 3);
  const head = await page.textContent(tid('gobd-head'));
  assert.match(head, /[0-9a-f]{64}/);
  await shots('gobd-export', 'GoBD tax-audit export');

  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120000 }),
    page.keyboard.press('Alt+E'),
  ]);
  assert.match(download.suggestedFilename(), /^gobd-.*-\d{8}-\d{8}\.zip$/);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  await page.waitForSelector(tid('gobd-saved'), { timeout: 30000 });
  const files = unzip(await readFile(path));
  assert.deepEqual([...files.keys()].sort(), [
    'buchungsjournal.csv', 'gdpdu-01-09-2004.dtd', 'geschaeftspartner.csv', 'hashkette.csv',
    'index.xml', 'konten.csv', 'kostenstellen.csv', 'offene_posten.csv', 'steuerschluessel.csv',
  ]);
  const out = join(dir, 'unpacked');
  await rm(out, { recursive: true, force: true });
  await mkdir(out);
  for (const [name, bytes] of files) await writeFile(join(out, name), bytes);
  // xmllint exits non-zero (and execFileSync throws) when index.xml is invalid.
  execFileSync('xmllint', ['--noout', '--dtdvalid', join(out, 'gdpdu-01-09-2004.dtd'), join(out, 'index.xml')], { stdio: 'pipe' });
  const file = {
    Buchungsjournal: 'buchungsjournal.csv', Konten: 'konten.csv', Geschaeftspartner: 'geschaeftspartner.csv',
    Steuerschluessel: 'steuerschluessel.csv', Kostenstellen: 'kostenstellen.csv', OffenePosten: 'offene_posten.csv',
    Hashkette: 'hashkette.csv',
  };
  for (const n of names) {
    assert.equal(dataRows(files.get(file[n]).toString('utf8')), counts[n], `${n}: rows as previewed`);
  }
  const index = files.get('index.xml').toString('utf8');
  assert.match(index, /<!DOCTYPE DataSet SYSTEM "gdpdu-01-09-2004.dtd">/);
  const chain = files.get('hashkette.csv').toString('utf8');
  assert.ok(chain.includes(head.match(/[0-9a-f]{64}/)[0]), 'the head shown is the head exported');
  assert.equal(page.errors.length, 0, page.errors.join('\n'));
});

test('the journal page downloads the whole books and a range, and hledger reads them', async () => {
  await go('/reports', '[href="/reports/journal-download"]');
  await page.click('[href="/reports/journal-download"]');
  await page.waitForSelector(tid('journal-check'), { timeout: 20000 });
  assert.match(await page.textContent(tid('journal-check')), /hledger -f \S+\.journal balance/);
  await shots('journal-download', 'hledger/ledger journal');

  const [whole] = await Promise.all([
    page.waitForEvent('download', { timeout: 60000 }),
    page.keyboard.press('Alt+E'),
  ]);
  assert.match(whole.suggestedFilename(), /\.journal$/);
  const wholePath = join(dir, whole.suggestedFilename());
  await whole.saveAs(wholePath);
  const balance = execFileSync('hledger', ['-f', wholePath, 'balance'], { stdio: 'pipe' }).toString('utf8');
  assert.match(balance, /1200|1800/, 'bank accounts in the balance');

  await page.click(tid('journal-range'));
  await page.waitForSelector('[data-testid^="journal"] select, .period-picker select', { timeout: 10000 }).catch(() => {});
  const [range] = await Promise.all([
    page.waitForEvent('download', { timeout: 60000 }),
    page.click(tid('journal-download')),
  ]);
  assert.match(range.suggestedFilename(), /-\d{8}-\d{8}\.journal$/);
  const rangePath = join(dir, range.suggestedFilename());
  await range.saveAs(rangePath);
  const text = await readFile(rangePath, 'utf8');
  assert.match(text, /; entries posted from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2} only/);
  execFileSync('hledger', ['-f', rangePath, 'balance'], { stdio: 'pipe' });
  await screenshot(page, 'journal-download-range-de');
  assert.equal(page.errors.length, 0, page.errors.join('\n'));
});
