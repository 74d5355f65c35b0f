// Issue 11, items 2, 10, 11, 14 and 15: company creation all or nothing
// with a country picker, the USt-IdNr. check digit, the backup screen's
// counts and passphrase strength, an ASCII-armoured age file restored,
// the restore box after a restore, chart search + Enter, the tax-code
// cell's width, and the storage figure on the start page.
// Screenshots in de and en land in tests/e2e/artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startApp, waitForApp, screenshot, ROOT, ENGINE } from '../lib/app.mjs';
import { createCompany } from '../lib/company.mjs';

const ARMORED = join(ROOT, 'tests', 'fixtures', 'backup', 'cli-armored.kontor.age');
const ARMORED_PASS = 'kontor-fixture';

let app;
let page;
before(async () => {
  app = await startApp();
  page = await app.page();
});
after(async () => { await app?.close(); });

const text = (selector) => page.locator(selector).first().textContent();

async function go(path, selector) {
  await page.goto(app.url + path);
  await waitForApp(page);
  await page.waitForSelector(selector, { timeout: 20000 });
}

async function companyNames() {
  await go('/', '[data-testid="create-company"]');
  return page.$$eval('.company-row', (rows) => rows.map((r) => r.dataset.company));
}

async function setLang(lang) {
  if ((await page.locator('html').getAttribute('lang')) !== lang) {
    await page.click('[data-testid="lang-switch"]');
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  }
}

/** Fills the wizard's first step; the rest keeps its defaults. */
async function fillSetup({ name, country, vatId = '', address = 'Hauptstraße 1, 10115 Berlin' }) {
  await go('/setup', '#company-name');
  await page.fill('#company-name', name);
  await page.fill('#company-address', address);
  await page.fill('#company-country', country);
  await page.fill('#company-vat-id', vatId);
  await page.fill('#company-first-year', '2026');
}

test('a country typed as "Deutschland" creates the company complete, stored as DE', async () => {
  await fillSetup({ name: 'Land GmbH', country: 'Deutschland', vatId: 'DE123456788' });
  await page.click('[data-testid="setup-submit"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="status-company"]')?.textContent === 'Land GmbH', null, { timeout: 20000 });
  assert.equal(await text('[data-testid="status-fiscal-year"]'), '2026');
  await go('/admin/company', '[data-testid="details-form"]');
  assert.equal(await page.inputValue('#details-country'), 'Deutschland (DE)');
  assert.equal(await page.inputValue('[data-testid="details-vat-id"]'), 'DE123456788');
  // The full SKR03 opens with "used accounts only" on; all of it with Alt+U.
  await go('/financials/accounts', '[data-testid="account-used-only"]:checked');
  await page.uncheck('[data-testid="account-used-only"]');
  await page.waitForSelector('[data-account="1200"]');
  // 1,296 accounts, shown 400 to a page.
  assert.equal((await page.$$('[data-testid="account-row"]')).length, 400, 'the chart is there');
  assert.match(await text('[data-testid="account-count"]'), /^1296 Konten/);
  assert.deepEqual(page.errors, []);
});

test('the country is picked from an ISO list with German and English names', async () => {
  await go('/setup', '#company-country');
  assert.equal(await page.inputValue('#company-country'), 'Deutschland (DE)');
  const de = await page.$$eval('#company-country-list option', (os) => os.map((o) => o.value));
  assert.equal(de.length, 249);
  assert.ok(de.includes('Österreich (AT)') && de.includes('Vereinigtes Königreich (GB)'));
  await page.fill('#company-country', 'Österr');
  await screenshot(page, 'setup-country-de');
  await setLang('en');
  const en = await page.$$eval('#company-country-list option', (os) => os.map((o) => o.value));
  assert.ok(en.includes('Austria (AT)') && en.includes('Germany (DE)'));
  await page.fill('#company-country', 'Aust');
  await screenshot(page, 'setup-country-en');
  await setLang('de');
});

test('an unknown country is refused with a sentence and nothing is stored', async () => {
  const before = await companyNames();
  await fillSetup({ name: 'Atlantis AG', country: 'Atlantis' });
  await page.click('[data-testid="setup-submit"]');
  await page.waitForSelector('.setup-page [data-testid="error"]');
  assert.match(await text('.setup-page [data-testid="error"]'), /„Atlantis“ ist kein Land der Liste/);
  assert.equal(await text('[data-testid="setup-submit"]'), 'Mandant anlegen');
  assert.deepEqual(await companyNames(), before);
});

test('a setup the engine refuses leaves no company behind and says why', async () => {
  const before = await companyNames();
  // An address longer than the engine allows: refused by the engine's
  // check, which now runs before anything is written.
  await fillSetup({ name: 'Zu lang GmbH', country: 'DE', address: 'x'.repeat(501) });
  await page.click('[data-testid="setup-submit"]');
  await page.waitForSelector('.setup-page [data-testid="error"]', { timeout: 20000 });
  assert.match(await text('.setup-page [data-testid="error"]'), /Anschrift/);
  assert.equal(await text('[data-testid="setup-submit"]'), 'Mandant anlegen');
  assert.deepEqual(await companyNames(), before);
  assert.deepEqual(page.errors, []);
});

test('a German VAT ID with a wrong check digit is refused: DE123456789', async () => {
  await fillSetup({ name: 'Prüfziffer GmbH', country: 'Deutschland', vatId: 'DE123456789' });
  await page.waitForSelector('.setup-page .field-error');
  assert.match(await text('.setup-page .field-error'), /Prüfziffer der USt-IdNr\. DE123456789 stimmt nicht/);
  await page.click('[data-testid="setup-submit"]');
  await page.waitForSelector('.setup-page [data-testid="error"]');
  assert.match(await text('.setup-page [data-testid="error"]'), /Prüfziffer/);
  assert.ok(!(await companyNames()).includes('Prüfziffer GmbH'));
  // The same check on the company-details page.
  await page.click('[data-company="Land GmbH"] .row-actions .button.primary');
  await page.waitForFunction(() => document.querySelector('[data-testid="status-company"]')?.textContent === 'Land GmbH');
  await go('/admin/company', '[data-testid="details-form"]');
  await page.fill('[data-testid="details-vat-id"]', 'DE123456789');
  await page.click('[data-testid="save-details"]');
  assert.match(await text('[data-testid="details-form"] [data-testid="error"]'), /Prüfziffer/);
});

test('chart search + Enter opens the account meant: "bank" opens 1200 Bank', async () => {
  await go('/financials/accounts', '[data-testid="account-search"]');
  await page.fill('[data-testid="account-search"]', 'bank');
  await page.press('[data-testid="account-search"]', 'Enter');
  await page.waitForURL(/\/reports\/account\/1200$/);
  await go('/financials/accounts', '[data-testid="account-search"]');
  await page.fill('[data-testid="account-search"]', '84');
  await page.press('[data-testid="account-search"]', 'Enter');
  await page.waitForURL(/\/reports\/account\/8400$/);
});

test('the tax-code cell shows RC19 and IGE19 whole', async () => {
  await go('/financials/entry', '[data-testid="tax-0"]');
  for (const code of ['RC19', 'IGE19', 'VSt19']) {
    await page.fill('[data-testid="tax-0"]', code);
    const [scroll, client] = await page.$eval('[data-testid="tax-0"]', (e) => [e.scrollWidth, e.clientWidth]);
    assert.ok(scroll <= client, `${code}: text ${scroll}px in a ${client}px field`);
  }
  await page.fill('[data-testid="account-0"]', '3425');
  await page.fill('[data-testid="tax-0"]', 'IGE19');
  await page.fill('[data-testid="account-1"]', '3123');
  await page.fill('[data-testid="tax-1"]', 'RC19');
  await screenshot(page, 'entry-tax-cell-de');
  await page.keyboard.press('Escape');
});

/** The status bar's storage figure in MB ("… · 1,4 MB belegt"). */
async function storageMb() {
  const shown = await text('[data-testid="status-storage"]');
  const m = shown.match(/(\d+)[.,](\d) MB/);
  assert.ok(m, `a figure in MB: ${shown}`);
  return Number(`${m[1]}.${m[2]}`);
}

test('after the demo company is written, the start page shows the storage it uses', async () => {
  await go('/', '[data-testid="open-demo"]');
  // WebKit has no storage.estimate(): the status bar says so instead of a
  // figure (the demo is opened all the same; the next test reads it).
  const estimated = ENGINE !== 'webkit';
  const atStartUp = estimated ? await storageMb() : 0;
  // Client-side from here on: no reload re-reads the estimate.
  await page.click('[data-testid="open-demo"]');
  await page.waitForSelector('[data-testid="trial-balance"]', { timeout: 120000 });
  await page.click('header a.brand');
  await page.waitForSelector('[data-testid="company-list"]');
  if (!estimated) {
    assert.match(await text('[data-testid="status-storage"]'), /Belegung nicht vom Browser gemeldet/);
    return;
  }
  // The first open of the demo keeps a snapshot of its books in the
  // background, and the figure is read again after it: wait for both, so
  // the figure compared is the one the page settles on.
  await page.waitForFunction(() => performance.getEntriesByName('kontor:snapshot-kept').length > 0,
    undefined, { timeout: 60000 });
  await page.waitForFunction(async () => {
    const shown = document.querySelector('[data-testid="status-storage"]')?.textContent ?? '';
    const m = shown.match(/(\d+)[.,](\d) MB/);
    const { usage } = await navigator.storage.estimate();
    return m && Math.abs(Number(`${m[1]}.${m[2]}`) - usage / 1048576) <= 0.2;
  });
  const onStart = await storageMb();
  await page.reload();
  await waitForApp(page);
  await page.waitForSelector('[data-testid="company-list"]');
  await page.waitForFunction(() => /MB/.test(document.querySelector('[data-testid="status-storage"]')?.textContent ?? ''));
  const afterReload = await storageMb();
  assert.ok(afterReload > atStartUp + 0.5, `the demo takes room: ${atStartUp} → ${afterReload} MB`);
  assert.ok(Math.abs(onStart - afterReload) <= 0.2, `start page ${onStart} MB, after reload ${afterReload} MB`);
  await screenshot(page, 'start-de');
  await setLang('en');
  await screenshot(page, 'start-en');
  await setLang('de');
});

test('the backup screen says what it counts, and the demo counts agree', async () => {
  await go('/admin/backup', '[data-testid="count-postings"]');
  const postings = Number(await text('[data-testid="count-postings"]'));
  const master = Number(await text('[data-testid="count-master-data"]'));
  const events = Number(await text('[data-testid="count-events"]'));
  assert.ok(postings > 100, `postings ${postings}`);
  assert.ok(master > 50, `master data ${master}`);
  assert.equal(postings + master, events);
  const card = await text('[data-testid="backup-export"]');
  assert.match(card, /davon Buchungen/);
  assert.doesNotMatch(card, /Einträge im Journal/);
});

test('the passphrase strength shows while typing; the obviously weak is refused', async () => {
  await go('/admin/backup', '[data-testid="export-passphrase"]');
  const meter = '[data-testid="passphrase-strength"]';
  await page.fill('[data-testid="export-passphrase"]', 'abc');
  await page.waitForSelector(`${meter}[data-level="refused"]`);
  assert.match(await text(meter), /Weniger als 8 Zeichen/);
  await page.fill('[data-testid="export-passphrase-repeat"]', 'abc');
  await page.click('[data-testid="export-encrypted"]');
  assert.match(await text('[data-testid="backup-export"] [data-testid="error"]'), /zu schwach für eine Sicherung/);
  assert.equal(await page.isVisible('[data-testid="export-done"]'), false);
  await page.fill('[data-testid="export-passphrase"]', 'password');
  await page.waitForSelector(`${meter}[data-level="refused"]`);
  assert.match(await text(meter), /häufig verwendetes Passwort/);
  await page.fill('[data-testid="export-passphrase"]', 'korrekt Pferd Batterie Heftklammer');
  await page.waitForSelector(`${meter}[data-level="good"]`);
  await page.fill('[data-testid="export-passphrase"]', 'abc');
  await screenshot(page, 'backup-strength-de');
  await setLang('en');
  await page.waitForSelector(`${meter}[data-level="refused"]`);
  assert.match(await text(meter), /Fewer than 8 characters/);
  await screenshot(page, 'backup-strength-en');
  await setLang('de');
});

test('an ASCII-armoured age file (age -a) restores; the box then says it was written', async () => {
  await go('/admin/backup', '[data-testid="restore-file"]');
  await page.setInputFiles('[data-testid="restore-file"]', ARMORED);
  await page.waitForSelector('[data-testid="restore-passphrase"]');
  await page.fill('[data-testid="restore-passphrase"]', ARMORED_PASS);
  await page.click('[data-testid="restore-check"]');
  await page.waitForSelector('[data-testid="manifest"]', { timeout: 60000 });
  assert.equal(await text('[data-manifest="company"]'), 'Interop GmbH');
  assert.equal(await text('[data-manifest="postings"]'), '40');
  assert.match(await text('[data-testid="manifest-state"]'), /noch nichts geschrieben/);
  await page.click('[data-testid="restore-new"]');
  await page.waitForSelector('[data-testid="restored"]', { timeout: 30000 });
  const state = await text('[data-testid="manifest-state"]');
  assert.doesNotMatch(state, /noch nichts geschrieben/);
  assert.match(state, /wiederhergestellt/);
  await screenshot(page, 'backup-restored-de');
  assert.deepEqual(page.errors, []);
});
