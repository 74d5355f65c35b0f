// The app shell: loads cleanly, reaches every module, and speaks German and
// English with the choice surviving a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, waitForApp, screenshot } from '../lib/app.mjs';

const MODULES = [
  { slug: 'admin', path: '/admin', de: 'Administration', en: 'Administration' },
  { slug: 'master-data', path: '/master-data', de: 'Stammdaten', en: 'Master data' },
  { slug: 'financials', path: '/financials', de: 'Finanzen', en: 'Financials' },
  { slug: 'banking', path: '/banking', de: 'Bank', en: 'Banking' },
  { slug: 'reports', path: '/reports', de: 'Berichte', en: 'Reports' },
];

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

test('the app loads without console errors', async () => {
  const page = await app.page();
  await page.goto(app.url);
  await waitForApp(page);
  assert.equal(await page.locator('h1').textContent(), 'Willkommen bei Kontor');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('navigation reaches every module page, by click and by deep link', async () => {
  const page = await app.page();
  await page.goto(app.url);
  await waitForApp(page);
  for (const m of MODULES) {
    await page.click(`nav a[data-nav="${m.slug}"]`);
    await page.waitForSelector(`section[data-module="${m.slug}"]`);
    assert.equal(new URL(page.url()).pathname, m.path);
    assert.equal(await page.locator('main h1').textContent(), m.de);
    assert.equal(await page.getAttribute(`nav a[data-nav="${m.slug}"]`, 'aria-current'), 'page');
    await screenshot(page, `module-${m.slug}-de`);
  }
  await page.goto(app.url + '/reports');
  await page.waitForSelector('section[data-module="reports"]');
  await page.goto(app.url + '/no-such-page');
  await waitForApp(page);
  assert.equal(await page.locator('main h1').textContent(), 'Seite nicht gefunden');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('keyboard shortcuts switch module (Alt+digit) and language (Alt+L)', async () => {
  const page = await app.page();
  await page.goto(app.url);
  await waitForApp(page);
  await page.keyboard.press('Alt+6');
  await page.waitForSelector('section[data-module="reports"]');
  await page.keyboard.press('Alt+L');
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Reports');
  await page.keyboard.press('Alt+L');
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Berichte');
  await page.close();
});

test('the language switch changes labels and survives a reload', async () => {
  const page = await app.page();
  await page.goto(app.url + '/financials');
  await waitForApp(page);
  assert.equal(await page.locator('html').getAttribute('lang'), 'de');
  await screenshot(page, 'start-de');
  await page.click('[data-testid="lang-switch"]');
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Financials');
  assert.equal(await page.locator('nav a[data-nav="master-data"]').textContent(), 'Master data');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.locator('main h1').textContent(), 'Financials');
  for (const m of MODULES) {
    await page.click(`nav a[data-nav="${m.slug}"]`);
    await page.waitForSelector(`section[data-module="${m.slug}"]`);
    assert.equal(await page.locator('main h1').textContent(), m.en);
    await screenshot(page, `module-${m.slug}-en`);
  }
  await page.goto(app.url);
  await waitForApp(page);
  await screenshot(page, 'start-en');
  await page.setViewportSize({ width: 390, height: 800 });
  await screenshot(page, 'start-en-narrow');
  // Back to German for the specs that follow in the same profile.
  await page.click('[data-testid="lang-switch"]');
  assert.deepEqual(page.errors, []);
  await page.close();
});
