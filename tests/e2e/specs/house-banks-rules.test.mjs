// House banks and posting rules (issue 15) in the demo company: the
// demo's house banks and rules are listed; a house bank is created by
// keyboard (a P&L account and a bad IBAN are refused at their fields
// first), then edited from the list with Enter; a rule is created by
// keyboard, tested against the imported lines, moved up with Alt+↑ and
// deleted with Del after a confirmation; the statement list shows the
// demo's open December statement. Screenshots German and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, waitForApp, screenshot } from '../lib/app.mjs';
import { assertEnglish } from '../lib/english.mjs';

let app;
let page;
let year;
before(async () => {
  app = await startApp();
  page = await app.page();
});
after(async () => { await app?.close(); });

async function setLang(lang) {
  const current = await page.evaluate(() => document.documentElement.lang);
  if (current !== lang) {
    await page.keyboard.press('Alt+L');
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  }
}

async function both(name) {
  await setLang('de');
  await screenshot(page, `${name}-de`);
  await setLang('en');
  await assertEnglish(page, name);
  await screenshot(page, `${name}-en`);
  await setLang('de');
}

async function open(path, selector) {
  await page.goto(app.url + path);
  await waitForApp(page);
  await page.waitForSelector(selector);
}

const codes = () => page.$$eval('[data-testid="house-banks"] tbody tr', (trs) => trs.map((tr) => tr.dataset.code));
const ruleNames = () => page.$$eval('[data-testid="bank-rules"] tbody tr [data-testid="rule-name"]', (s) => s.map((e) => e.textContent.trim()));

/** Types `text` into the focused field and tabs on. */
async function typeTab(text) {
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

test('the demo company opens with its house banks', async () => {
  await page.goto(app.url);
  await waitForApp(page);
  await page.click('[data-testid="open-demo"]');
  await page.waitForSelector('[data-testid="trial-balance"]', { timeout: 120000 });
  year = Number(await page.$eval('[data-testid="tb-year"]', (s) => s.value));
  await open('/banking/house-banks', '[data-testid="house-banks"]');
  assert.deepEqual(await codes(), ['HASPA', 'HASPAUSD', 'HASPACHF']);
  assert.match(await page.textContent('tr[data-code="HASPA"]'), /DE\d\d 2005 0550/);
});

test('a house bank is created by keyboard; refusals stand at their field', async () => {
  await page.focus('[data-testid="hb-code"]');
  await typeTab('POST');
  await typeTab('Postbank');
  await typeTab('4210');
  await typeTab('DE89 3704 0044 0532 0130 01');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="hb-account-error"]');
  await page.fill('[data-testid="hb-account"]', '1000');
  await page.focus('[data-testid="hb-iban"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="hb-iban-error"]');
  assert.equal(await page.$('[data-testid="hb-account-error"]'), null, 'the account error is gone');
  await page.fill('[data-testid="hb-iban"]', 'DE89 3704 0044 0532 0130 00');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="notice"]');
  await page.waitForSelector('tr[data-code="POST"]');
  assert.match(await page.textContent('tr[data-code="POST"]'), /DE89 3704 0044 0532 0130 00/);
  // Enter on the row edits it; the code stays fixed.
  await page.focus('tr[data-code="POST"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'house-bank-name');
  assert.equal(await page.$eval('[data-testid="hb-code"]', (i) => i.disabled), true);
  await page.fill('[data-testid="hb-name"]', 'Postbank Hamburg');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('tr[data-code="POST"]')?.textContent.includes('Postbank Hamburg'));
  assert.deepEqual(await codes(), ['HASPA', 'HASPAUSD', 'HASPACHF', 'POST']);
  // ↑/↓ walk the rows; the last row stays the last.
  await page.focus('tr[data-code="POST"]');
  await page.keyboard.press('ArrowUp');
  await page.waitForFunction(() => document.activeElement?.dataset?.code === 'HASPACHF');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.activeElement?.dataset?.code === 'POST');
  await page.focus('tr[data-code="HASPA"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="hb-mapping"]');
  await both('house-banks');
  await page.keyboard.press('Escape');
});

test('a rule is created by keyboard, tested, moved up and deleted', async () => {
  await open('/banking/rules', '[data-testid="bank-rules"]');
  const demoRules = await ruleNames();
  assert.equal(demoRules.length, 3);
  assert.equal(await page.$$eval('[data-testid="rule-learned"]', (s) => s.length), 1);
  await page.focus('[data-testid="rule-name-input"]');
  await typeTab('Kartenentgelte');
  await page.selectOption('[data-testid="rule-house-bank"]', 'HASPA');
  await page.selectOption('[data-testid="rule-purpose-kind"]', 'regex');
  await page.fill('[data-testid="rule-purpose"]', 'kreditkarte.*entgelt');
  await page.selectOption('[data-testid="rule-sign"]', 'debit');
  await page.fill('[data-testid="part-account"]', '4970');
  await page.selectOption('[data-testid="part-kind"]', 'percent');
  await page.fill('[data-testid="part-value"]', '40');
  await page.click('[data-testid="rule-add-part"]');
  await page.locator('[data-testid="part-account"]').nth(1).fill('4660');
  await page.click('[data-testid="rule-test"]');
  await page.waitForSelector('[data-testid="rule-hits"]');
  // The demo's two card statements (November posted, December open).
  assert.match(await page.textContent('[data-testid="rule-hits"]'), /\b2\b/);
  await page.focus('[data-testid="rule-name-input"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="notice"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="bank-rules"] tbody tr').length === 4);
  assert.deepEqual(await ruleNames(), [...demoRules, 'Kartenentgelte']);
  assert.match(await page.textContent('[data-testid="bank-rules"] tbody tr:last-child [data-testid="rule-action"]'), /4970 40 %, 4660 Rest/);
  const id = await page.$eval('[data-testid="bank-rules"] tbody tr:last-child', (tr) => tr.dataset.rule);
  await page.focus(`tr[data-rule="${id}"]`);
  await page.keyboard.press('Alt+ArrowUp');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="rule-name"]')].map((e) => e.textContent.trim())[2] === 'Kartenentgelte');
  await page.waitForFunction((id) => document.activeElement?.dataset?.rule === id, id);
  await both('bank-rules');
  await page.focus(`tr[data-rule="${id}"]`);
  await page.keyboard.press('Delete');
  await page.waitForSelector('[data-testid="rule-confirm"]');
  await page.waitForFunction(() => document.activeElement?.id === 'rule-confirm-yes');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="bank-rules"] tbody tr').length === 3);
  assert.deepEqual(await ruleNames(), demoRules);
});

test('the statement list shows the demo\'s open December statement', async () => {
  await page.goto(app.url + '/banking/statements');
  await waitForApp(page);
  await page.waitForFunction((y) => {
    const t = document.querySelector('main')?.textContent ?? document.body.textContent;
    return t.includes(`31.12.${y}`) || t.includes(`Umsaetze_${y}-12-31`);
  }, year, { timeout: 20000 });
});
