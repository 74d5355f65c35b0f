// Browser timing harness for the screens (not a pass/fail test): builds a
// demo company of N entries through the app itself (`/?demo_entries=N`),
// then measures, inside the page, what a user waits for:
//   - open: reload until the trial balance is on screen (log read + framing + fold;
//     the hash chain is checked after), and where that time went (performance marks)
//   - trial balance: navigation click until its table is rendered
//   - journal: navigation until the first page of entries is rendered
//   - post: Ctrl+Enter until the grid is cleared and the number shown (median of 20)
//   - memory: the proportional set size (PSS) of every browser process
//     this harness started, after the timings (any engine), and the JS heap
//     where the engine reports it (Chromium's performance.memory)
// Usage: [KONTOR_ENGINE=chromium|firefox|webkit] [KONTOR_NO_SNAPSHOT=1] node
// tests/e2e/bench/ui-timing.mjs [entries=100000] (needs dist/, or
// KONTOR_DIST). KONTOR_NO_SNAPSHOT=1 deletes the stored snapshot before
// each reload, so the same build's open folds the whole log.
const noSnapshot = process.env.KONTOR_NO_SNAPSHOT === '1';
import { readFile, readdir } from 'node:fs/promises';
import { startApp, waitForApp } from '../lib/app.mjs';

const entries = Number(process.argv[2] ?? 100000);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Clicks `linkSelector` in the page and resolves when `readySelector` exists. */
async function timeNavigation(page, linkSelector, readySelector) {
  return page.evaluate(async ([link, ready]) => {
    const t0 = performance.now();
    document.querySelector(link).click();
    while (!document.querySelector(ready)) await new Promise((r) => requestAnimationFrame(r));
    return performance.now() - t0;
  }, [linkSelector, readySelector]);
}

/** PSS in bytes of every process descending from this one (the browser,
 *  its content processes, the WebDriver server): shared pages counted once. */
async function browserPss() {
  const parents = new Map();
  for (const pid of (await readdir('/proc')).filter((d) => /^\d+$/.test(d))) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
    if (stat) parents.set(pid, stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  }
  const mine = new Set([String(process.pid)]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parents) if (!mine.has(pid) && mine.has(parent)) { mine.add(pid); grew = true; }
  }
  mine.delete(String(process.pid));
  let kb = 0;
  for (const pid of mine) {
    const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => '');
    kb += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
  }
  return kb * 1024;
}

const app = await startApp();
const page = await app.page();
// Only Playwright pages have a default timeout to raise; the other engines' driver
// layer waits with its own per-call timeouts.
page.setDefaultTimeout?.(600000);
const t0 = Date.now();
await page.goto(`${app.url}/?demo_entries=${entries}`);
await waitForApp(page);
await page.click('[data-testid="open-demo"]');
await page.waitForSelector('[data-testid="trial-balance"]');
const buildMs = Date.now() - t0;
// The first open after the build folds the whole log and then keeps a
// snapshot in the background (large companies only); the reloads below
// open from it. Wait for it, so a reload does not cut the write short.
const snapshotKept = await page.evaluate(async () => {
  const t = performance.now();
  const kept = () => performance.getEntriesByName('kontor:snapshot-kept').length > 0;
  while (!kept() && performance.now() - t < 60000) await new Promise((r) => setTimeout(r, 50));
  return kept() ? Math.round(performance.now() - t) : null;
});

/** Where one open's time went, from the app's performance marks
 *  (src/store/idb/marks.rs), in ms: page start → open begins (HTML, wasm
 *  download and compile, start-up), IndexedDB read, framing, decode and
 *  fold, and the rest until this harness saw the rows (render, plus up to
 *  one polling interval of the driver); then the hash chain check the app
 *  runs after the books show (books folded → chain verified; waited for). */
async function openPhases(page) {
  return page.evaluate(async () => {
    const seen = performance.now();
    const marks = () => performance.getEntriesByType('mark');
    const open = marks().filter((m) => m.name === 'kontor:open').at(-1)?.startTime ?? NaN;
    const after = (name) => marks().find((m) => m.name === name && m.startTime >= open)?.startTime ?? NaN;
    const t0 = performance.now();
    while (Number.isNaN(after('kontor:verified')) && performance.now() - t0 < 20000) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const [snapshot, read, framed, folded, verified] =
      ['kontor:snapshot-read', 'kontor:read', 'kontor:framed', 'kontor:folded', 'kontor:verified'].map(after);
    // From a snapshot: its read, then decoding it and reading the records
    // after it, then folding them on (no framing of the whole log).
    if (!Number.isNaN(snapshot) && Number.isNaN(framed)) {
      return {
        boot: open, snapshot: snapshot - open, tail: read - snapshot, fold: folded - read,
        render: seen - folded, verify: verified - folded,
      };
    }
    return {
      boot: open, read: read - open, framing: framed - read, fold: folded - framed,
      render: seen - folded, verify: verified - folded,
    };
  });
}

const opens = [];
const phases = [];
/** Waits for the snapshot the last open keeps, then deletes it from every
 *  company database, so the next open has none. */
async function dropSnapshot(page) {
  await page.evaluate(async () => {
    const t = performance.now();
    while (!performance.getEntriesByName('kontor:snapshot-kept').length && performance.now() - t < 60000) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const names = (await indexedDB.databases()).map((d) => d.name).filter((n) => n.includes('.company.'));
    for (const name of names) {
      await new Promise((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('meta', 'readwrite');
          tx.objectStore('meta').delete('snapshot');
          tx.oncomplete = () => { open.result.close(); resolve(); };
          tx.onerror = () => reject(tx.error);
        };
      });
    }
  });
}

for (let i = 0; i < 3; i++) {
  if (noSnapshot) await dropSnapshot(page);
  const t = Date.now();
  await page.reload();
  await page.waitForSelector('[data-testid="trial-balance"] tbody tr');
  opens.push(Date.now() - t);
  phases.push(await openPhases(page));
}

const tb = [];
const journal = [];
for (let i = 0; i < 5; i++) {
  // A full page load reopens the company; time the screen only once the
  // Book is ready (the status bar shows its fiscal year then).
  await page.goto(`${app.url}/reports`);
  await page.waitForSelector('[data-testid="status-fiscal-year"]');
  await page.waitForSelector('a[href="/reports/trial-balance"]');
  tb.push(await timeNavigation(page, 'a[href="/reports/trial-balance"]', '[data-testid="trial-balance"] tbody tr'));
  await page.goto(`${app.url}/financials`);
  await page.waitForSelector('[data-testid="status-fiscal-year"]');
  await page.waitForSelector('a[href="/financials/journal"]');
  journal.push(await timeNavigation(page, 'a[href="/financials/journal"]', '[data-testid="journal-row"]'));
}

await page.goto(`${app.url}/financials/entry`);
await page.waitForSelector('[data-testid="account-0"]');
const lastDate = await page.evaluate(() => document.querySelector('[data-testid="status-fiscal-year"]').textContent.trim());
const posts = [];
for (let i = 0; i < 20; i++) {
  // The demo's data-entry rules warn without a reference and document
  // date; a warning waits for a confirmation this harness does not time.
  await page.fill('[data-testid="posting-date"]', `15.01.${lastDate}`);
  await page.fill('[data-testid="document-date"]', `15.01.${lastDate}`);
  await page.fill('[data-testid="reference"]', `BENCH-${i + 1}`);
  await page.fill('[data-testid="account-0"]', '4210');
  await page.fill('[data-testid="debit-0"]', `${10 + i},00`);
  await page.fill('[data-testid="account-1"]', '1200');
  await page.fill('[data-testid="credit-1"]', `${10 + i},00`);
  posts.push(await page.evaluate(async () => {
    const input = document.querySelector('[data-testid="account-0"]');
    const before = document.querySelector('[data-testid="entry-posted"]')?.textContent;
    const t0 = performance.now();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    for (;;) {
      const now = document.querySelector('[data-testid="entry-posted"]')?.textContent;
      if (now && now !== before && document.querySelector('[data-testid="account-0"]').value === '') break;
      if (document.querySelector('[data-testid="error"]')) return -1;
      // A refusal shown elsewhere (a data-entry rule, a warning to confirm)
      // must end the run with its text, not wait for ever.
      if (performance.now() - t0 > 10000) throw new Error(`not posted: ${document.querySelector('main')?.innerText}`);
      await new Promise((r) => setTimeout(r, 0));
    }
    return performance.now() - t0;
  }));
}
const memory = await page.evaluate(() => (performance.memory ? performance.memory.usedJSHeapSize : 0));
const pss = await browserPss();
await app.close();

const fmt = (ms) => `${ms.toFixed(0)} ms`;
console.log(`engine: ${app.engine}, entries: ${entries}${noSnapshot ? ', snapshot deleted before each reload' : ''}`);
console.log(`build demo company (generate + store, once): ${(buildMs / 1000).toFixed(1)} s`);
console.log(`open company (reload → trial balance rows), median of 3: ${fmt(median(opens))}  [${opens.map(fmt).join(', ')}]`);
const phase = (key) => fmt(median(phases.map((p) => p[key])));
console.log(`snapshot kept after the first open: ${snapshotKept === null ? 'none within 60 s' : `${snapshotKept} ms after the build`}`);
if (phases.every((p) => 'snapshot' in p)) {
  console.log(`  of which, median of 3 (from the snapshot): start-up ${phase('boot')}, snapshot read ${phase('snapshot')}, snapshot decoded + records after it read ${phase('tail')}, those records folded ${phase('fold')}, render and the rest ${phase('render')}`);
} else {
  console.log(`  of which, median of 3: start-up ${phase('boot')}, IndexedDB read ${phase('read')}, framing ${phase('framing')}, decode + fold ${phase('fold')}, render and the rest ${phase('render')}`);
}
console.log(`  then the hash chain, checked in the background while the books show: done ${phase('verify')} after the fold (median of 3)`);
console.log(`trial balance screen (click → rows rendered), median of 5: ${fmt(median(tb))}  [${tb.map(fmt).join(', ')}]`);
console.log(`journal screen (click → first rows), median of 5: ${fmt(median(journal))}  [${journal.map(fmt).join(', ')}]`);
console.log(`post one entry (Ctrl+Enter → cleared form), median of 20: ${fmt(median(posts))}  max ${fmt(Math.max(...posts))}`);
console.log(`browser processes, PSS: ${(pss / 1048576).toFixed(0)} MB`);
if (memory) console.log(`JS heap used: ${(memory / 1048576).toFixed(0)} MB`);
