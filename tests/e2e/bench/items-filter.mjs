// Browser timing of the item list filter (not a pass/fail test): a new
// company, one item group, N items (default 50,000) imported through the
// CSV import page, then inside the page the time from typing into the
// filter (the input event) until the list's count shows the new result
// and a frame is painted, for a few queries (median and max of 5 rounds).
// Usage: node tests/e2e/bench/items-filter.mjs [items=50000]
// (KONTOR_DIST selects the build, default dist/).
import { startApp, waitForApp } from '../lib/app.mjs';
import { createCompany } from '../lib/company.mjs';

const count = Number(process.argv[2] ?? 50000);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const tid = (id) => `[data-testid="${id}"]`;

const app = await startApp();
const page = await app.page();
page.setDefaultTimeout(600000);
await createCompany(page, app.url, { name: 'Filter GmbH' });
await page.goto(`${app.url}/master-data/item-groups`);
await waitForApp(page);
await page.fill(tid('group-code'), 'HW');
await page.fill(tid('group-name-de'), 'Handelswaren');
await page.fill(tid('group-revenue-domestic'), '8400');
await page.click(tid('group-save'));
await page.waitForSelector('[data-testid="item-groups"] tr[data-code="HW"]');

const words = ['Schraube', 'Mutter', 'Dübel', 'Kabel', 'Lampe', 'Filter', 'Ventil', 'Rohr', 'Pumpe', 'Schlauch'];
const lines = ['Artikelnummer;Bezeichnung;Gruppe;Einheit;Preis'];
for (let i = 0; i < count; i++) {
  lines.push(`A${String(i).padStart(6, '0')};${words[i % words.length]} Typ ${i};HW;Stk;${(i % 997) + 1},${String(i % 100).padStart(2, '0')}`);
}
const t0 = Date.now();
await page.goto(`${app.url}/master-data/items/import`);
await waitForApp(page);
await page.setInputFiles(tid('item-import-file'), { name: 'items.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n') + '\r\n', 'utf8') });
await page.waitForSelector(tid('item-import-run'));
const readMs = Date.now() - t0;
const t1 = Date.now();
await page.click(tid('item-import-run'));
await page.waitForSelector(tid('import-notice'));
const importMs = Date.now() - t1;

await page.goto(`${app.url}/master-data/items`);
await waitForApp(page);
await page.waitForSelector('[data-testid="item-list"] tbody tr');

/** Types `text` into the filter; ms until the count changed and a frame painted. */
async function filter(text) {
  return page.evaluate(async (q) => {
    const input = document.querySelector('[data-testid="item-search"]');
    const count = document.querySelector('[data-testid="item-count"]');
    const before = count.textContent;
    const t = performance.now();
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // (a query whose count equals the one before would wait forever: 2 s cap)
    while (count.textContent === before && performance.now() - t < 2000) await new Promise((r) => requestAnimationFrame(r));
    await new Promise((r) => requestAnimationFrame(r));
    return [performance.now() - t, count.textContent];
  }, text);
}

const queries = ['k', 'schr', 'typ 4711', 'a0499', 'dübel typ 1', 'nothing-matches', ''];
const rows = [];
for (const q of queries) {
  const times = [];
  let said = '';
  for (let i = 0; i < 5; i++) {
    // Reset to a different text first so the count changes every time.
    await filter(q === '' ? 'x-reset' : '');
    const [ms, text] = await filter(q);
    times.push(ms);
    said = text;
  }
  rows.push({ query: JSON.stringify(q), median_ms: median(times).toFixed(1), max_ms: Math.max(...times).toFixed(1), shown: said });
}
console.log(`items: ${count}; CSV read and checked: ${readMs} ms; import (one command): ${importMs} ms`);
console.table(rows);
await app.close();
