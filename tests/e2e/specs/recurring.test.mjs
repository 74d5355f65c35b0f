// Posting templates and recurring postings (issue 17, part A), through
// the UI in a new company: the template "Kfz-Kosten 70/30" is created on
// the templates screen (one with 70 % + 20 % is refused with its
// sentence, nothing stored), chosen in the entry grid's "Muster" field:
// 1.000,00 fills 700,00 on 4530 and 300,00 on 4500, the counter line on
// 1200 is typed and the entry posts. A recurring posting due in the past
// (monthly from 1 November, two times) is saved; after a reload the due
// notice announces it, the due list shows it, "Buchen" posts it as one
// command and the journal holds the entry. Screenshots German and
// English of the templates screen, the recurring form and the due list.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, waitForApp, screenshot } from '../lib/app.mjs';
import { createCompany } from '../lib/company.mjs';
import { assertEnglish } from '../lib/english.mjs';

let app;
let page;
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
    await screenshot(page, 'recurring-go-failed');
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

async function shots(name, englishTitle) {
  await setLang('de');
  await screenshot(page, `${name}-de`);
  await setLang('en');
  await page.waitForFunction((t) => document.querySelector('h1')?.textContent.includes(t), englishTitle);
  await assertEnglish(page, name);
  await screenshot(page, `${name}-en`);
  await setLang('de');
}

async function templateLine(n, account, percent) {
  await page.fill(tid(`template-row-${n}-account`), account);
  await page.fill(tid(`template-row-${n}-percent`), percent);
}

test('a template whose shares sum to 90 % is refused; 70/30 is saved', async () => {
  await createCompany(page, app.url, { name: 'Dauer GmbH' });
  await go('/financials/posting-templates', tid('template-form'));
  await page.fill(tid('template-code'), 'KFZ');
  await page.fill(tid('template-name'), 'Kfz-Kosten 70/30');
  await templateLine(1, '4530', '70');
  await templateLine(2, '4500', '20');
  assert.equal((await page.textContent(tid('template-sum'))).trim(), '90 %');
  await page.click(tid('template-save'));
  await page.waitForSelector(tid('error'));
  assert.match(await page.textContent(tid('error')), /ergeben 90 %, nicht 100 %/);
  await setLang('en');
  await page.waitForFunction(() => /add up to 90 %, not 100 %/.test(document.querySelector('[data-testid="error"]')?.textContent ?? ''));
  await setLang('de');
  assert.equal(await page.$(tid('posting-templates')), null, 'nothing stored');
  await page.fill(tid('template-row-2-percent'), '30');
  await page.click(tid('template-save'));
  await outcome(tid('notice'), 'template-save');
  await page.waitForSelector('tr[data-code="KFZ"]');
  assert.match(await page.textContent('tr[data-code="KFZ"]'), /70 % 4530 \/ 30 % 4500/);
  await shots('recurring-templates', 'Posting templates');
});

test('the template fills the entry grid: 1.000,00 → 700,00 / 300,00', async () => {
  await go('/financials/entry', tid('template-choice'));
  await page.fill(tid('posting-date'), '15.11.2026');
  await page.fill(tid('reference'), 'TANK-1');
  await page.selectOption(tid('template-choice'), 'KFZ');
  await page.fill(tid('template-amount'), '1.000,00');
  await page.press(tid('template-amount'), 'Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="account-0"]')?.value === '4530');
  assert.equal(await page.inputValue(tid('debit-0')), '700,00');
  assert.equal(await page.inputValue(tid('account-1')), '4500');
  assert.equal(await page.inputValue(tid('debit-1')), '300,00');
  await page.fill(tid('account-2'), '1200');
  await page.fill(tid('credit-2'), '1.000,00');
  await page.focus(tid('account-0'));
  await page.keyboard.press('Control+Enter');
  await outcome(tid('entry-posted'), 'template-entry');
  assert.match(await page.textContent(tid('entry-posted')), /2026\/1$/);
});

test('a recurring posting due in the past is announced after a reload and posted from the due list', async () => {
  await go('/financials/recurring', tid('standing-form'));
  await page.fill(tid('standing-name'), 'Miete Garage');
  await page.fill(tid('standing-first'), '01.11.2026');
  await page.selectOption(tid('standing-end'), 'count');
  await page.fill(tid('standing-end-count'), '2');
  await page.fill(tid('standing-reference'), 'GARAGE');
  await page.fill(tid('standing-row-1-account'), '4210');
  await page.fill(tid('standing-row-1-debit'), '250,00');
  await page.fill(tid('standing-row-2-account'), '1200');
  await page.fill(tid('standing-row-2-credit'), '250,00');
  await shots('recurring-form', 'Recurring postings');
  await page.click(tid('standing-save'));
  await outcome(tid('notice'), 'standing-save');
  await page.waitForSelector(tid('standing-1'));

  await page.reload();
  await waitForApp(page);
  await page.waitForSelector(tid('due-notice'), { timeout: 15000 });
  assert.match(await page.textContent(tid('due-notice')), /\d+ Dauerbuchung(en)? fällig/);
  await page.click(tid('due-notice-link'));
  await page.waitForSelector(tid('due-list'));
  const rows = await page.$$(`${tid('due-list')} tbody tr[tabindex]`);
  assert.ok(rows.length >= 1, 'the November occurrence is due');
  await page.waitForSelector(tid('due-s1-2026-11-01'));
  assert.match(await page.textContent(tid('due-s1-2026-11-01')), /Miete Garage/);
  // Space on the focused row takes it out of the posting and back in
  // (the rows' shared keys: ↑/↓ move, other keys go to the list).
  const due = tid('due-s1-2026-11-01');
  await page.focus(due);
  await page.keyboard.press('Space');
  await page.waitForFunction((s) => document.querySelector(s)?.classList.contains('unchecked'), due);
  assert.equal(await page.$eval(`${due} [data-testid="due-check"]`, (c) => c.checked), false);
  await page.keyboard.press('Space');
  await page.waitForFunction((s) => !document.querySelector(s)?.classList.contains('unchecked'), due);
  await shots('recurring-due', 'Due recurring postings');
  await page.click(tid('post-due'));
  await outcome(tid('notice'), 'post-due');
  assert.match(await page.textContent(tid('notice')), /Gebucht: 2026\/2/);
  assert.equal(await page.$(tid('due-s1-2026-11-01')), null, 'no longer due');

  await go('/financials/journal', tid('journal-row'));
  const journal = await page.textContent('body');
  assert.match(journal, /GARAGE/);
});
