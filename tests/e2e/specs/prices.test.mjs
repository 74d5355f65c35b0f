// Price lists, special prices and the price check, built through the UI
// in a new company: an item group and two items (item screens), a base
// list "Basis" and a derived list "Wiederverkäufer" (× 0,85, commercially
// to 0,05) with a refused factor and a refused cycle, a price on the base
// list, a hand-set price on the derived list (marked, then reset and set
// again), a customer on the derived list with a special price valid in
// 2026 and a volume break from 100 pieces (a falling break refused at its
// row). The price check explains each result in words; a mass update of
// the base list is previewed and applied from 2027. Screenshots German
// and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, waitForApp, screenshot } from '../lib/app.mjs';
import { createCompany } from '../lib/company.mjs';
import { assertEnglish } from '../lib/english.mjs';

let app;
let page;
let customer;
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

async function go(path, selector) {
  await page.goto(app.url + path);
  await waitForApp(page);
  await page.waitForSelector(selector, { timeout: 10000 }).catch(async (e) => {
    await screenshot(page, 'prices-go-failed');
    assert.fail(`${e.message}\n${page.errors.join('\n')}`);
  });
}

/** Waits for `selector` or a refusal; a refusal fails with its sentence. */
async function outcome(selector, name) {
  const refusal = `${tid('error')}, ${tid('field-error')}`;
  await page.waitForSelector(`${selector}, ${refusal}`, { timeout: 15000 }).catch(async (e) => {
    await screenshot(page, `${name}-failed`);
    assert.fail(`${e.message}\n${page.errors.join('\n')}`);
  });
  const error = await page.$(refusal);
  if (error) {
    await screenshot(page, `${name}-refused`);
    assert.fail(`${name} refused: ${await error.textContent()}`);
  }
}

/** Screenshots of the current screen in German and English, back in German. */
async function shots(name, englishTitle) {
  await setLang('de');
  await screenshot(page, `${name}-de`);
  await setLang('en');
  await page.waitForFunction((t) => document.querySelector('h1')?.textContent.includes(t), englishTitle);
  await assertEnglish(page, name);
  await screenshot(page, `${name}-en`);
  await setLang('de');
}

const text = async (id) => (await page.textContent(tid(id))).trim();

async function newItem(code, de, en, price) {
  await go('/master-data/items/new', tid('item-form'));
  await page.fill(tid('item-code'), code);
  await page.fill(tid('item-description-de'), de);
  await page.fill(tid('item-description-en'), en);
  await page.selectOption(tid('item-group'), 'HW');
  await page.fill(tid('item-price'), price);
  await page.click(tid('item-save'));
  await page.waitForURL((u) => u.pathname === `/master-data/items/${code}`, { timeout: 15000 }).catch(async (e) => {
    await screenshot(page, 'prices-item-failed');
    assert.fail(`${e.message}\n${page.errors.join('\n')}`);
  });
}

async function saveList(fields) {
  await page.fill(tid('list-name'), fields.name);
  if (fields.base) {
    await page.selectOption(tid('list-basis'), 'derived');
    await page.selectOption(tid('list-base'), fields.base);
    await page.fill(tid('list-factor'), fields.factor);
    await page.selectOption(tid('list-step'), fields.step);
    await page.selectOption(tid('list-mode'), 'commercial');
  }
  await page.click(tid('list-save'));
}

/** Sets the as-of date of a list's prices and waits for the rows. */
async function asOf(date) {
  await page.fill(tid('price-as-of'), date);
  await page.press(tid('price-as-of'), 'Enter');
}

/** Types a price into an item's row and saves it with Enter. */
async function setPrice(item, price) {
  await page.fill(tid(`price-${item}`), price);
  await page.press(tid(`price-${item}`), 'Enter');
  await outcome(tid('price-notice'), `price-${item}`);
}

/** Asks the price check; returns the rule in words and the unit price. */
async function check({ item, partner = '', date, quantity = '1' }) {
  await page.fill(tid('pc-item'), item);
  await page.fill(tid('pc-partner'), partner);
  await page.fill(tid('pc-date'), date);
  await page.fill(tid('pc-quantity'), quantity);
  await page.waitForSelector(`${tid('pc-rule')}, ${tid('pc-error')}`);
  const error = await page.$(tid('pc-error'));
  if (error) assert.fail(`price check refused: ${await error.textContent()}`);
  return { rule: await text('pc-rule'), price: await text('pc-price'), discount: await text('pc-discount') };
}

test('an item group and two items', async () => {
  await createCompany(page, app.url, { name: 'Preise GmbH' });
  await go('/master-data/item-groups', tid('group-form'));
  await page.fill(tid('group-code'), 'HW');
  await page.fill(tid('group-name-de'), 'Kleinteile');
  await page.fill(tid('group-name-en'), 'Small parts');
  await page.click(tid('group-save'));
  await outcome(tid('notice'), 'item-group');
  await newItem('A-100', 'Schraube M8', 'Screw M8', '10,00');
  await newItem('A-200', 'Mutter M8', 'Nut M8', '4,00');
});

test('a base list and a derived list; a factor of 0 and a cycle are refused at their field', async () => {
  await go('/master-data/price-lists', tid('price-list-form'));
  assert.equal(await page.inputValue(tid('list-number')), '1');
  await saveList({ name: 'Basis' });
  await outcome(tid('notice'), 'list-1');
  assert.equal(await page.inputValue(tid('list-number')), '2');
  await saveList({ name: 'Wiederverkäufer', base: '1', factor: '0', step: 'five' });
  await page.waitForSelector(`.field.invalid ${tid('field-error')}`);
  assert.match(await page.textContent(tid('field-error')), /Faktor|factor/i);
  assert.equal(await page.$(tid('basis-2')), null, 'nothing stored');
  await page.fill(tid('list-factor'), '0,85');
  await page.click(tid('list-save'));
  await outcome(tid('notice'), 'list-2');
  assert.equal(await text('basis-2'), 'aus Liste 1 Basis × 0,85, kaufmännisch auf 0,05');
  // List 1 derived from list 2 would lead back to itself.
  await page.click(tid('edit-list-1'));
  await page.selectOption(tid('list-basis'), 'derived');
  await page.selectOption(tid('list-base'), '2');
  await page.fill(tid('list-factor'), '1');
  await page.click(tid('list-save'));
  await page.waitForSelector(tid('field-error'));
  assert.match(await page.textContent(tid("field-error")), /von sich selbst/);
  assert.equal(await text('basis-1'), 'eigene Preise', 'list 1 unchanged');
  await shots('prices-lists', 'Price lists');
});

test('prices: own on the base list, derived and hand-set (marked) on the derived list', async () => {
  await go('/master-data/price-lists/1', tid('list-prices'));
  await asOf('01.01.2026');
  await page.waitForFunction(() => document.querySelector('[data-testid="source-A-200"]')?.textContent === 'Artikel-Standardpreis');
  await setPrice('A-100', '12,34');
  await page.waitForFunction(() => document.querySelector('[data-testid="source-A-100"]')?.textContent === 'eigener Preis');

  await go('/master-data/price-lists/2', tid('list-prices'));
  await asOf('01.01.2026');
  // 12,34 × 0,85 = 10,489 → 10,50 (commercially to 0,05).
  await page.waitForFunction(() => document.querySelector('[data-testid="price-A-100"]')?.value === '10,50');
  assert.equal(await text('source-A-100'), 'abgeleitet');
  await setPrice('A-200', '3,00');
  await page.waitForFunction(() => document.querySelector('[data-testid="source-A-200"]')?.textContent === 'VON HAND');
  assert.ok(await page.$('tr[data-item="A-200"].hand-set'), 'hand-set row marked');
  // Reset to derived: 4,00 × 0,85 = 3,40; then set by hand again.
  await page.click(tid('reset-A-200'));
  await page.waitForFunction(() => document.querySelector('[data-testid="source-A-200"]')?.textContent === 'abgeleitet');
  assert.equal(await page.inputValue(tid('price-A-200')), '3,40');
  await setPrice('A-200', '3,00');
  await page.waitForFunction(() => document.querySelector('[data-testid="source-A-200"]')?.textContent === 'VON HAND');
  await page.fill(tid('price-search'), 'mutter');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="list-prices"] tbody tr').length === 1);
  await page.fill(tid('price-search'), '');
  await shots('prices-list-2', 'Prices of price list');
});

test('a customer on the derived list with a special price valid in 2026 and a volume break', async () => {
  await go('/master-data/partners/new', tid('partner-form'));
  await page.fill(tid('partner-name'), 'Werkstatt Krause KG');
  await page.fill(tid('partner-street'), 'Lindenweg');
  await page.fill(tid('partner-house'), '3');
  await page.fill(tid('partner-postcode'), '80331');
  await page.fill(tid('partner-town'), 'München');
  await page.click(tid('partner-save'));
  await page.waitForFunction(() => document.querySelector('[data-testid="partner-title"]')?.textContent.endsWith('Werkstatt Krause KG'));
  customer = (await text('partner-title')).split(' ')[0];
  await page.waitForSelector(tid('partner-pricing'));
  await page.selectOption(tid('partner-price-list'), '2');
  await page.click(tid('partner-pricing-save'));
  await outcome(tid('pricing-notice'), 'partner-pricing');

  await go('/master-data/special-prices', tid('special-form'));
  await page.fill(tid('special-scope'), customer);
  await page.fill(tid('special-item'), 'A-100');
  await page.fill(tid('special-from'), '01.01.2026');
  await page.press(tid('special-from'), 'Tab');
  await page.fill(tid('special-to'), '31.12.2026');
  await page.press(tid('special-to'), 'Tab');
  await page.fill(tid('special-value'), '9,00');
  await page.click(tid('add-break'));
  await page.fill(tid('break-1-from'), '100');
  await page.fill(tid('break-1-value'), '10');
  await page.click(tid('add-break'));
  await page.fill(tid('break-2-from'), '50');
  await page.fill(tid('break-2-value'), '12');
  await page.click(tid('special-save'));
  await page.waitForSelector(`tr.invalid${tid('break-2')} ${tid('field-error')}`);
  assert.equal(await page.$(tid('specials')), null, 'nothing stored');
  await page.click(`${tid('break-2')} button`);
  await page.click(tid('special-save'));
  await outcome(tid('notice'), 'special');
  const row = await page.textContent(`${tid('specials')} tbody tr`);
  assert.match(row, /01\.01\.2026 – 31\.12\.2026/);
  assert.match(row, /9,00 EUR/);
  assert.match(row, /≥ 100: −10 %/);
  await shots('prices-specials', 'Special prices');
});

test('the price check explains each result', async () => {
  await go('/master-data/price-check', tid('price-check-form'));
  let q = await check({ item: 'A-100', partner: customer, date: '15.06.2026' });
  assert.equal(q.rule, `Regel: Sonderpreis für Partner ${customer} gültig bis 31.12.2026`);
  assert.equal(q.price, '9,00 EUR');
  q = await check({ item: 'A-100', partner: customer, date: '15.06.2026', quantity: '100' });
  assert.equal(q.rule, `Regel: Mengenrabatt für Partner ${customer} ab 100 Stück`);
  assert.equal(q.discount, '10 %');
  assert.equal(q.price, '9,45 EUR', '10,50 − 10 %');
  q = await check({ item: 'A-100', partner: customer, date: '15.01.2027' });
  assert.equal(q.rule, 'Regel: abgeleitete Liste 2 Wiederverkäufer (1 Basis × 0,85)');
  assert.equal(q.price, '10,50 EUR');
  q = await check({ item: 'A-200', partner: customer, date: '15.06.2026' });
  assert.equal(q.rule, 'Regel: von Hand gesetzter Preis der Liste 2 Wiederverkäufer');
  assert.equal(q.price, '3,00 EUR');
  q = await check({ item: 'A-200', date: '15.06.2026' });
  assert.equal(q.rule, 'Regel: Artikel-Standardpreis');
  assert.equal(q.price, '4,00 EUR');
  q = await check({ item: 'A-100', partner: customer, date: '15.06.2026', quantity: '100' });
  await setLang('en');
  await page.waitForFunction((c) => document.querySelector('[data-testid="pc-rule"]')?.textContent === `Rule: Volume discount for partner ${c} from 100 pcs`, customer);
  await page.fill(tid('pc-quantity'), '1');
  await page.waitForFunction((c) => document.querySelector('[data-testid="pc-rule"]')?.textContent === `Rule: Special price for partner ${c} valid until 2026-12-31`, customer);
  await setLang('de');
  await page.fill(tid('pc-item'), 'X-999');
  await page.waitForSelector(tid('pc-error'));
  await page.fill(tid('pc-item'), 'A-100');
  await page.waitForSelector(tid('pc-rule'));
  await shots('prices-check', 'Price check');
});

test('a mass update of the base list: preview, then apply from 2027', async () => {
  await go('/master-data/price-lists/1', tid('raise'));
  await page.fill(tid('raise-percent'), '10');
  await page.fill(tid('raise-from'), '01.01.2027');
  await page.press(tid('raise-from'), 'Enter');
  await page.click(tid('raise-preview'));
  await page.waitForSelector(tid('raise-preview-table'));
  assert.match(await text('raise-count'), /^2 /);
  assert.equal(await text('raise-new-A-100'), '13,57', '12,34 + 10 %');
  assert.equal(await text('raise-new-A-200'), '4,40', '4,00 + 10 %');
  await shots('prices-raise', 'Prices of price list');
  await page.click(tid('raise-apply'));
  await page.click(tid('raise-yes'));
  await outcome(tid('raise-notice'), 'raise');
  await go('/master-data/price-check', tid('price-check-form'));
  let q = await check({ item: 'A-100', date: '15.01.2027' });
  assert.equal(q.rule, 'Regel: Preis der Preisliste 1 Basis');
  assert.equal(q.price, '13,57 EUR');
  q = await check({ item: 'A-100', date: '15.12.2026' });
  assert.equal(q.price, '12,34 EUR', 'before the date the old price holds');
  assert.deepEqual(page.errors, []);
});
