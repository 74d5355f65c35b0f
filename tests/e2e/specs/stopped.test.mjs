// When the app's WebAssembly stops (a trap: an internal error or running out
// of memory, as building a 1,000,000-entry demo did), the page is covered by
// a notice in both languages with a reload button instead of freezing
// (public/stopped.js); after the reload the company is there as stored.
// The trap is raised as the browser raises a real one: an uncaught
// WebAssembly.RuntimeError, from a task and from a promise.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, waitForApp, screenshot } from '../lib/app.mjs';
import { createCompany } from '../lib/company.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

test('a stopped app says so in both languages and reloads to the stored books', async () => {
  const page = await app.page();
  await createCompany(page, app.url, { name: 'Halt GmbH' });
  // Any other error is not a stop: no notice.
  await page.evaluate(() => { setTimeout(() => { throw new Error('not a trap'); }); });
  await page.evaluate(() => { setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable'); }); });
  await page.waitForSelector('[data-testid="app-stopped"]');
  const text = await page.textContent('[data-testid="app-stopped"]');
  assert.match(text, /Kontor wurde angehalten/);
  assert.match(text, /Gespeichertes bleibt erhalten/);
  assert.match(text, /Kontor stopped/);
  assert.match(await page.textContent('[data-testid="app-stopped-detail"]'), /unreachable/);
  assert.equal(await page.evaluate(() => document.querySelectorAll('[data-testid="app-stopped"]').length), 1);
  await screenshot(page, 'app-stopped');

  await page.click('[data-testid="app-stopped-reload"]');
  await waitForApp(page);
  await page.waitForSelector('[data-testid="status-company"] >> text=Halt GmbH');
  assert.equal(await page.isVisible('[data-testid="app-stopped"]'), false);
  await page.close();
});

test('a trap in a promise stops the app the same way', async () => {
  const page = await app.page();
  await page.goto(app.url);
  await waitForApp(page);
  await page.evaluate(() => { Promise.reject(new WebAssembly.RuntimeError('memory access out of bounds')); });
  await page.waitForSelector('[data-testid="app-stopped"]');
  assert.match(await page.textContent('[data-testid="app-stopped-detail"]'), /memory access out of bounds/);
  await page.close();
});
