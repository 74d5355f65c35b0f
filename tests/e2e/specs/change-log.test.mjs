// The change log (issue 18, Administration → Änderungsprotokoll): a
// partner whose town is edited and an account that is renamed show up
// with old and new value, each with its user and time (the account's
// record carries the writer's stamp, log format 1.1). New records only
// when asked for, the company's chart among them, stamped by whoever set
// the company up; the record, user and type filters narrow the list.
// Screenshots in German and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
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

async function go(path) {
  await page.goto(app.url + path);
  await waitForApp(page);
}

/** Every shown change as { kind, record, fields: { key: [old, new] }, head }. */
async function changes() {
  return page.$$eval('[data-testid="change"]', (bodies) => bodies.map((b) => {
    const rows = [...b.querySelectorAll('tr')];
    const head = [...rows[0].querySelectorAll('td')].slice(0, 5).map((td) => td.textContent.trim());
    const fields = Object.fromEntries(rows.map((r) => {
      const tds = [...r.querySelectorAll('td')];
      return [r.dataset.field, [tds.at(-2).textContent, tds.at(-1).textContent]];
    }));
    return { kind: b.dataset.kind, record: b.dataset.record, fields, head };
  }));
}

async function openLog() {
  await go('/admin/change-log');
  await page.waitForSelector(tid('change-log'));
  await page.waitForSelector(tid('change-log-loading'), { state: 'detached' });
}

test('a company with a partner and an account edited', async () => {
  await createCompany(page, app.url, { name: 'Protokoll GmbH', chart: 'skr03', year: '2026' });
  await go('/master-data/partners/new');
  await page.waitForSelector(tid('partner-form'));
  await page.fill(tid('partner-name'), 'Bäckerei Sonnenschein');
  await page.fill(tid('partner-town'), 'Berlin');
  await page.click(tid('partner-save'));
  await page.waitForFunction(() => document.querySelector('[data-testid="partner-title"]')?.textContent === '10000 Bäckerei Sonnenschein');
  await page.fill(tid('partner-town'), 'Potsdam');
  await page.click(tid('partner-save'));
  await page.waitForSelector('[data-testid="partner-history"] tbody tr');

  await go('/financials/accounts');
  await page.fill(tid('account-search'), '4210');
  await page.click('tr[data-account="4210"] [data-testid="account-edit"]');
  await page.fill(tid('account-name-de'), 'Miete Lager');
  await page.click(tid('account-save'));
  await page.waitForSelector(tid('account-form'), { state: 'detached' });
});

test('the log shows both edits with old and new value, newest first', async () => {
  await openLog();
  const shown = await changes();
  assert.equal(shown.length, 2, JSON.stringify(shown));
  const [account, partner] = shown;
  assert.equal(account.kind, 'Account');
  assert.equal(account.record, '4210');
  assert.deepEqual(account.fields, { name_de: ['Miete', 'Miete Lager'] });
  assert.match(account.head[0], /^\d\d\.\d\d\.\d{4} \d\d:\d\d/);
  assert.equal(account.head[1], 'kontor');
  assert.equal(account.head[2], 'Sachkonto');
  assert.equal(account.head[4], 'geändert');
  assert.equal(partner.kind, 'Partner');
  assert.equal(partner.record, '10000');
  assert.deepEqual(partner.fields, { 'address.town': ['Berlin', 'Potsdam'] });
  assert.match(partner.head[0], /^\d\d\.\d\d\.\d{4} \d\d:\d\d/);
  assert.equal(partner.head[1], 'kontor');
  assert.equal(partner.head[2], 'Geschäftspartner');
  const label = await page.textContent('[data-testid="change"][data-kind="Partner"] td:nth-last-child(3)');
  assert.equal(label.trim(), 'Ort');
  await screenshot(page, 'change-log-de');
  // Alt+E: what is shown, one row per field, in the German dialect.
  const [dl] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Alt+E')]);
  assert.equal(dl.suggestedFilename(), 'aenderungsprotokoll.csv');
  const csv = (await readFile(await dl.path(), 'utf8')).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  assert.equal(csv.length, 3, csv.join('\n'));
  assert.match(csv[0], /^Zeitpunkt;Benutzer;Datensatzart;Datensatz;Aktion;Feld;Alter Wert;Neuer Wert;Satz$/);
  assert.match(csv[1], /;kontor;Sachkonto;4210;geändert;Bezeichnung \(deutsch\);Miete;Miete Lager;\d+$/);
  assert.match(csv[2], /;kontor;Geschäftspartner;10000;geändert;Ort;Berlin;Potsdam;\d+$/);
  // The partner's key leads to its card.
  await page.click('[data-testid="change"][data-kind="Partner"] [data-testid="change-record-link"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="partner-title"]')?.textContent === '10000 Bäckerei Sonnenschein');
});

test('new records when asked for; the record and user filters narrow', async () => {
  await openLog();
  await page.check(tid('change-created'));
  // Every account of the chart is a new record: a page of 50 and a pager.
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="change"]').length === 50);
  assert.match(await page.textContent(tid('pager')), /Seite 1 \/ \d+ · \d{3,} Änderungen/);
  await page.fill(tid('change-record'), '10000');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="change"]').length === 2);
  const both = await changes();
  assert.deepEqual(both.map((c) => c.head[4]), ['geändert', 'angelegt']);
  assert.deepEqual(both[1].fields['name'], ['', 'Bäckerei Sonnenschein']);

  await page.fill(tid('change-record'), '');
  await page.uncheck(tid('change-created'));
  await page.fill(tid('change-record'), '4210');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="change"]').length === 1);
  assert.equal((await changes())[0].kind, 'Account');
  await page.fill(tid('change-record'), '');
  await page.selectOption(tid('change-kind'), { label: 'Geschäftspartner' });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="change"]').length === 1);
  assert.equal((await changes())[0].record, '10000');
  await page.selectOption(tid('change-user'), 'kontor');
  await page.selectOption(tid('change-kind'), { label: 'Steuerkennzeichen' });
  await page.waitForSelector(tid('change-log-empty'));
  assert.match(await page.textContent(tid('change-log-empty')), /Keine Änderungen für diese Auswahl/);
  // Both edits were made today: a range starting next year holds none.
  await page.selectOption(tid('change-kind'), '');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="change"]').length === 2);
  await page.fill(tid('change-from'), `01.01.${new Date().getFullYear() + 1}`);
  await page.press(tid('change-from'), 'Tab');
  await page.waitForSelector(tid('change-log-empty'));
  await page.fill(tid('change-from'), '');
  await page.press(tid('change-from'), 'Tab');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="change"]').length === 2);
});

test('in English', async () => {
  await openLog();
  await page.keyboard.press('Alt+L');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.waitForFunction(() => document.querySelector('[data-testid="change"] td:nth-child(3)')?.textContent === 'G/L account');
  const [account, partner] = await changes();
  assert.equal(account.head[1], 'kontor');
  assert.equal(account.head[2], 'G/L account');
  assert.equal(partner.head[2], 'Business partner');
  await screenshot(page, 'change-log-en');
  await page.keyboard.press('Alt+L');
  await page.waitForFunction(() => document.documentElement.lang === 'de');
});
