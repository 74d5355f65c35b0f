// Balance sheet, P&L and budgets (issue 17, part D) on the demo company:
// the balance sheet's two checks are ✓ and total assets equal total
// equity and liabilities; the P&L with the previous period as comparison
// shows a deviation; a line expands to its accounts and an account opens
// its account sheet; an expense account moved to "Materialaufwand" on the
// layout page shows there in the P&L; the budget copied from the year's
// actuals + 10 % gives deviations in the budget report. Screenshots
// German and English of the balance sheet, the P&L and the budget report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, waitForApp, screenshot } from '../lib/app.mjs';
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
  await page.waitForSelector(selector, { timeout: 20000 }).catch(async (e) => {
    await screenshot(page, `statements-go-failed${path.replaceAll('/', '-')}`);
    assert.fail(`${e.message}\n${page.errors.join('\n')}`);
  });
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

const cell = async (line, n) =>
  (await page.textContent(`tr[data-line="${line}"] td:nth-child(${n})`)).trim();

test('demo company: balance sheet balances, P&L with comparison, drill-down, layout, budgets', async () => {
  await page.goto(app.url);
  await waitForApp(page);
  await page.click(tid('open-demo'));
  await page.waitForSelector(tid('trial-balance'), { timeout: 120000 });

  // Balance sheet: both checks ✓, assets = equity and liabilities.
  await go('/reports/balance-sheet', tid('check-balance'));
  assert.equal(await page.getAttribute(tid('check-balance'), 'data-ok'), 'true');
  assert.equal(await page.getAttribute(tid('check-result'), 'data-ok'), 'true');
  const assets = await cell('A', 2);
  assert.notEqual(assets, '0,00');
  assert.equal(assets, await cell('P', 2));
  assert.match(await page.textContent(tid('check-balance')), /✓/);
  await shots('statements-balance-sheet', 'Balance sheet');

  // P&L, July–December against January–June.
  await go('/reports/profit-loss', tid('statement'));
  await page.selectOption(tid('comparison'), 'period');
  await page.selectOption(tid('profit-loss-from'), '6');
  await page.selectOption(tid('profit-loss-to'), '11');
  await page.waitForSelector('tr[data-line="GuV.1"] td:nth-child(4)');
  const deviation = await cell('GuV.1', 4);
  assert.notEqual(deviation, '0,00', 'revenue differs between the halves');
  assert.notEqual(await cell('GuV.1', 3), '0,00');
  assert.equal(await page.getAttribute(tid('check-result'), 'data-ok'), 'true');
  await shots('statements-profit-loss', 'Profit and loss account');

  // Drill-down: revenue expands to its accounts; one opens its sheet.
  await page.click('tr[data-line="GuV.1"]');
  const link = page.locator('tr.statement-account a').first();
  await link.waitFor();
  const account = (await link.textContent()).trim();
  await link.click();
  await page.waitForURL((u) => u.pathname === `/reports/account/${account}`, { timeout: 15000 });

  // Layout: an expense account of "sonstige betriebliche Aufwendungen"
  // moves to "Materialaufwand" and shows there.
  // The full chart maps hundreds of unused accounts there: move one the
  // demo posts to, so the P&L shows it.
  await go('/reports/profit-loss', tid('statement'));
  await page.click('tr[data-line="GuV.8"]');
  await page.locator('tr.statement-account a').first().waitFor();
  const posted = await page.$$eval('tr.statement-account a', (as) => as.map((a) => a.textContent.trim()));
  await go('/admin/statement-layout', '[data-line="GuV.8"] li[data-account]');
  const inLine = await page.$$eval('[data-line="GuV.8"] li[data-account]', (ls) => ls.map((l) => l.dataset.account));
  const moved = inLine.find((a) => posted.includes(a));
  assert.ok(moved, `an account of GuV.8 with postings: ${posted}`);
  await page.selectOption(`li[data-account="${moved}"] select`, 'GuV.5');
  await page.waitForSelector(`[data-line="GuV.5"] li[data-account="${moved}"]`, { timeout: 15000 });
  await go('/reports/profit-loss', tid('statement'));
  await page.click('tr[data-line="GuV.5"]');
  await page.waitForSelector(`tr.statement-account[data-account="${moved}"]`);

  // Budgets: the year's actuals + 10 %, saved; the report shows deviations.
  await go('/financials/budgets', tid('budget-grid'));
  await page.fill(tid('budget-percent'), '10');
  await page.click(tid('budget-copy'));
  await page.waitForFunction(() => document.querySelector('[data-testid="budget-said"]')?.textContent.includes('übernommen'));
  await page.click(tid('budget-save'));
  await page.waitForFunction(() => document.querySelector('[data-testid="budget-said"]')?.textContent.includes('gespeichert'), null, { timeout: 20000 })
    .catch(async (e) => {
      await screenshot(page, 'statements-budget-save-failed');
      assert.fail(`${e.message}: ${await page.textContent(tid('budget-said'))}`);
    });
  await go('/reports/budget', tid('budget-report'));
  const deviations = await page.$$eval(tid('deviation'), (cells) => cells.map((c) => c.textContent.trim()));
  assert.ok(deviations.length > 3, `rows: ${deviations.length}`);
  assert.ok(deviations.some((d) => d.startsWith('-') || d.startsWith('−')), deviations.join(' '));
  await shots('statements-budget-report', 'Budget vs actual');
});
