// A company whose stored log was changed behind Kontor's back (issue 12):
// opening it shows why, says nothing was changed, and offers the restore
// of a backup, instead of a silent "no company open". Both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, waitForApp, screenshot } from '../lib/app.mjs';
import { createCompany, editCompanyStore } from '../lib/company.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

/** Changes one character of the company's first log block in IndexedDB
 * ("GmbH" → "GmbX" in the company's creation): same length, broken hash. */
async function damageLog(page) {
  return editCompanyStore(page, 'log', async (store, ask) => {
    const keys = await ask(store.getAllKeys());
    const block = await ask(store.get(keys[0]));
    const changed = block.replace('GmbH', 'GmbX');
    store.put(changed, keys[0]);
    return changed !== block;
  });
}

test('a damaged log on reopening shows the reason and the way to restore', async () => {
  const page = await app.page();
  await createCompany(page, app.url, { name: 'Kaputt GmbH' });
  assert.ok(await damageLog(page), 'the block held the company name');
  await page.reload();
  await waitForApp(page);
  await page.waitForSelector('[data-testid="open-failure"]');
  const text = await page.textContent('[data-testid="open-failure"]');
  assert.match(text, /Mandant konnte nicht geöffnet werden: Kaputt GmbH/);
  assert.match(await page.textContent('[data-testid="open-failure-reason"]'), /verändert|beschädigt/);
  assert.match(text, /nicht verändert/);
  await screenshot(page, 'damaged-log-de');

  await page.keyboard.press('Alt+L');
  await page.waitForSelector('[data-testid="open-failure"] >> text=The company could not be opened');
  assert.match(await page.textContent('[data-testid="open-failure-reason"]'), /changed|damaged/);
  await screenshot(page, 'damaged-log-en');

  await page.click('[data-testid="open-failure-restore"]');
  await page.waitForSelector('[data-page="backup"]');
  assert.deepEqual(page.errors, []);
  await page.close();
});
