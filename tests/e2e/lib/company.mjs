// Journeys shared by the specs: create a company through the setup wizard.
import { waitForApp } from './app.mjs';

/** Creates a company through the wizard and waits until it is open. */
export async function createCompany(page, url, { name = 'Muster GmbH', chart = 'skr03', year = '2026', layout = 'monthly' } = {}) {
  await page.goto(url + '/setup');
  await waitForApp(page);
  await page.fill('#company-name', name);
  await page.fill('#company-address', 'Hauptstraße 1, 10115 Berlin');
  await page.fill('#company-vat-id', 'DE123456788');
  await page.fill('#company-first-year', year);
  await page.selectOption('#company-layout', layout);
  await page.selectOption('#company-chart', chart);
  await page.click('[data-testid="setup-submit"]');
  await page.waitForFunction((n) => document.querySelector('[data-testid="status-company"]')?.textContent === n, name, { timeout: 20000 });
}

/** Runs `edit(store, ask, arg)` in the page on the object store `name` of the
 *  open company's IndexedDB database, in one readwrite transaction, and
 *  returns its result: how a spec changes stored data behind the app's
 *  back. `ask(request)` awaits an IDBRequest's result; `edit` sees no
 *  variable of the spec, only `arg`. */
export async function editCompanyStore(page, name, edit, arg) {
  return page.evaluate(async ([name, source, arg]) => {
    const edit = (0, eval)(`(${source})`);
    const ask = (r) => new Promise((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
    const dbs = await indexedDB.databases();
    const db = await ask(indexedDB.open(dbs.map((d) => d.name).find((n) => n.includes('.company.'))));
    const tx = db.transaction(name, 'readwrite');
    const result = await edit(tx.objectStore(name), ask, arg);
    await new Promise((ok) => { tx.oncomplete = ok; });
    db.close();
    return result;
  }, [name, edit.toString(), arg]);
}
