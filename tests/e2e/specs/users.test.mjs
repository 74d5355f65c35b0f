// Users, rights and the books encrypted at rest (issue 18,
// Administration → Benutzer): a password the rules refuse, the first user
// encrypting the company, a role and a second user holding it, no
// plaintext left in IndexedDB, locking with Alt+Q, a wrong password and
// an unknown user refused alike, the lock screen after a reload, the
// second user logging in, stamping an edit with their name, seeing the
// entry screen read-only (a posting refused by the engine) and no payment
// runs at all; a deactivated user cannot log in. The password policy as a
// company setting: a setting out of range refused, the rule shown from it,
// a password a superuser set changed by its owner at the first login, not
// to one of the last. Screenshots in German and English.
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

async function go(path) {
  await page.goto(app.url + path);
  await waitForApp(page);
}

async function fillPassword(prefix, login, password, repeat = password) {
  await page.fill(tid(`${prefix}-login`), login);
  await page.fill(tid(`${prefix}-password`), password);
  await page.fill(tid(`${prefix}-repeat`), repeat);
}

/** Every string stored in the company's database (log, drafts, keys). */
async function storedTexts() {
  return page.evaluate(async () => {
    const ask = (r) => new Promise((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
    const dbs = await indexedDB.databases();
    const db = await ask(indexedDB.open(dbs.map((d) => d.name).find((n) => n.includes('.company.'))));
    const stores = ['log', 'meta', 'drafts', 'keys'];
    const tx = db.transaction(stores);
    const all = [];
    for (const s of stores) all.push(...await ask(tx.objectStore(s).getAll()));
    db.close();
    return all;
  });
}

async function logIn(user, password) {
  await page.fill(tid('login-user'), user);
  await page.fill(tid('login-password'), password);
  await page.click(tid('login-submit'));
}

test('a company gets its first user and is encrypted', async () => {
  await createCompany(page, app.url, { name: 'Tresor GmbH', chart: 'skr03', year: '2026' });
  const before = await storedTexts();
  // Each word holds a character base64 never writes (a quote, an
  // underscore), so ciphertext cannot contain it by chance.
  const words = ['"Kasse"', 'Tresor GmbH', 'company_created', '"DE123456788"'];
  for (const word of words) assert.ok(before.some((t) => t.includes(word)), `${word} stored in plaintext before`);
  await go('/admin/users');
  await page.waitForSelector(tid('enable-users'));
  await screenshot(page, 'users-enable-de');

  await fillPassword('enable', 'anna', 'kurz');
  await page.click(tid('enable-submit'));
  assert.equal(await page.textContent(tid('enable-error')), 'Das Kennwort braucht mindestens 8 Zeichen.');
  await fillPassword('enable', 'anna', 'Sommer2026', 'Sommer2025');
  await page.click(tid('enable-submit'));
  assert.equal(await page.textContent(tid('enable-error')), 'Die beiden Kennwörter stimmen nicht überein.');

  await fillPassword('enable', 'Anna', 'Sommer2026');
  await page.click(tid('enable-submit'));
  await page.waitForSelector(tid('users-enabled'), { timeout: 30000 });
  assert.match(await page.textContent(tid('users-enabled')), /Angemeldet als anna$/);
  assert.deepEqual(await page.$$eval(tid('user-row') + ' .user-login', (e) => e.map((x) => x.textContent)), ['anna']);

  const after = await storedTexts();
  for (const word of words) {
    assert.ok(!after.some((t) => t.includes(word)), `${word} stored in plaintext`);
  }
  assert.ok(after.some((t) => t.startsWith('KONTOR-SEALED 1\n')));
});

test('a role and a second user holding it', async () => {
  await page.fill(tid('role-code'), 'buch');
  await page.fill(tid('role-name'), 'Buchhaltung');
  await page.selectOption(tid('role-level-MasterData'), 'full');
  await page.selectOption(tid('role-level-Posting'), 'read');
  await page.selectOption(tid('role-level-Users'), 'read');
  await page.click(tid('role-submit'));
  await page.waitForSelector(tid('role-saved'));
  assert.match(await page.textContent('[data-testid="role-row"][data-code="BUCH"]'),
    /Buchen: lesen; Stammdaten: voll; Benutzer und Rechte: lesen/);

  await page.fill(tid('user-name'), 'Ben Roth');
  await fillPassword('user', 'ben', 'Winter2026x');
  await page.check(tid('user-role-BUCH'));
  await page.click(tid('user-submit'));
  await page.waitForSelector(tid('user-saved'), { timeout: 30000 });
  assert.equal(await page.textContent(tid('user-saved')), 'Gespeichert: ben');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="user-row"]').length === 2);
  const ben = await page.$$eval('[data-testid="user-row"][data-login="ben"] td', (c) => c.map((x) => x.textContent.trim()));
  assert.deepEqual(ben.slice(0, 6), ['ben', 'Ben Roth', 'de', 'ja', 'nein', 'BUCH']);
  await screenshot(page, 'users-de');
});

test('the password policy is a company setting', async () => {
  await page.fill(tid('policy-min-length'), '0');
  await page.click(tid('policy-submit'));
  await page.waitForSelector(tid('policy-error'));
  assert.equal(await page.textContent(tid('policy-error')), 'Die Mindestlänge muss zwischen 1 und 64 liegen.');
  await page.fill(tid('policy-min-length'), '10');
  await page.fill(tid('policy-expiry'), '');
  await page.fill(tid('policy-no-reuse'), '3');
  await page.click(tid('policy-submit'));
  await page.waitForSelector(tid('policy-saved'));
  assert.equal(await page.textContent(tid('user-rule')),
    'Kennwortregel: mindestens 10 Zeichen mit Großbuchstabe, Kleinbuchstabe, Ziffer; ohne Ablauf; nicht eines der letzten 3.');
  // The form checks before Argon2id; the store checks again on saving.
  await page.click(tid('user-edit-ben'));
  await fillPassword('user', 'ben', 'Kurz2026');
  await page.click(tid('user-submit'));
  await page.waitForSelector(tid('user-error'));
  assert.equal(await page.textContent(tid('user-error')), 'Das Kennwort braucht mindestens 10 Zeichen.');
  await fillPassword('user', 'ben', '', '');
  await screenshot(page, 'users-policy-de');
});

test('Alt+Q locks; a wrong password and an unknown user get the same answer', async () => {
  await page.keyboard.press('Alt+Q');
  await page.waitForSelector(tid('lock-screen'));
  assert.equal(await page.textContent(tid('lock-company')), 'Tresor GmbH');
  assert.notEqual(await page.textContent(tid('status-company')).catch(() => ''), 'Tresor GmbH');
  await logIn('anna', 'Sommer2027');
  await page.waitForSelector(tid('login-error'), { timeout: 30000 });
  const wrong = await page.textContent(tid('login-error'));
  assert.equal(wrong, 'Benutzer oder Kennwort ist falsch.');
  await page.waitForFunction(() => !document.querySelector('[data-testid="login-submit"]').disabled);
  await logIn('carla', 'Sommer2026');
  await page.waitForFunction(() => !document.querySelector('[data-testid="login-submit"]').disabled, null, { timeout: 30000 });
  assert.equal(await page.textContent(tid('login-error')), wrong);
  await screenshot(page, 'lock-de');
});

test('after a reload the lock screen asks again; the second user logs in and is named on the change', async () => {
  await go('/');
  await page.waitForSelector(tid('lock-screen'));
  await logIn('BEN', 'Winter2026x');
  // anna set ben's password: he chooses his own before the books open,
  // not the one he was given (one of his last three).
  await page.waitForSelector(tid('change-password'), { timeout: 30000 });
  // The books are not open yet: nothing names the company outside the form.
  assert.notEqual(await page.$eval(tid('status-company'), (e) => e.textContent).catch(() => ''), 'Tresor GmbH');
  await page.fill(tid('change-password-new'), 'Winter2026x');
  await page.fill(tid('change-password-repeat'), 'Winter2026x');
  await page.click(tid('change-password-submit'));
  await page.waitForSelector(tid('change-password-error'), { timeout: 30000 });
  assert.equal(await page.textContent(tid('change-password-error')),
    'Das Kennwort war eines der letzten 3 und darf nicht wieder verwendet werden.');
  await screenshot(page, 'change-password-de');
  // Leaving for another company keeps the password as anna set it: the
  // next login asks again.
  await page.click(tid('change-password-other'));
  await page.click('li.company-row[data-company="Tresor GmbH"] .row-actions .button.primary');
  await page.waitForSelector(tid('login-user'));
  await logIn('ben', 'Winter2026x');
  await page.waitForSelector(tid('change-password'), { timeout: 30000 });
  await page.fill(tid('change-password-new'), 'Frühling2026');
  await page.fill(tid('change-password-repeat'), 'Frühling2026');
  await page.click(tid('change-password-submit'));
  await page.waitForSelector(tid('lock-screen'), { state: 'detached', timeout: 30000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="status-company"]')?.textContent === 'Tresor GmbH');
  await go('/financials/accounts');
  // Reloading asks again: the key was in the old page's memory only.
  await page.waitForSelector(tid('lock-screen'));
  await logIn('ben', 'Frühling2026');
  await page.waitForSelector(tid('lock-screen'), { state: 'detached', timeout: 30000 });
  await page.fill(tid('account-search'), '4210');
  await page.click('tr[data-account="4210"] [data-testid="account-edit"]');
  await page.fill(tid('account-name-de'), 'Miete Lager');
  await page.click(tid('account-save'));
  await page.waitForSelector(tid('account-form'), { state: 'detached' });
  // In-app navigation: a reload would lock again.
  await page.click('nav.main-nav a[href="/admin"]');
  await page.click('main a[href="/admin/change-log"]');
  await page.waitForSelector('[data-testid="change"][data-kind="Account"]');
  const user = await page.$eval('[data-testid="change"][data-kind="Account"] tr', (r) => r.querySelectorAll('td')[1].textContent);
  assert.equal(user.trim(), 'ben');
  // The change log is under "users and rights", which ben may read.
  assert.match(await page.textContent(tid('read-only')), /^Benutzer und Rechte – Nur Lesen/);
});

test('a read-only user sees the entry screen, the engine refuses the posting; no payment runs at all', async () => {
  await page.click('nav.main-nav a[href="/financials"]');
  await page.click('main a[href="/financials/entry"]');
  await page.waitForSelector(tid('posting-date'));
  assert.match(await page.textContent(tid('read-only')), /^Buchen – Nur Lesen: Ihre Rollen erlauben hier kein Ändern/);
  await page.fill(tid('memo'), 'Bargeld');
  await page.fill(tid('account-0'), '1000');
  await page.fill(tid('debit-0'), '50,00');
  await page.fill(tid('account-1'), '1200');
  await page.fill(tid('credit-1'), '50,00');
  // The button says why it cannot be pressed; the shortcut still reaches
  // the engine, which refuses as it would a command typed in the console.
  assert.equal(await page.$eval(tid('post'), (b) => b.disabled), true);
  assert.equal(await page.getAttribute(tid('post'), 'title'), 'Nur Lesen: Ihre Rollen erlauben hier kein Ändern.');
  await page.focus(tid('account-0'));
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector(tid('error'));
  assert.equal(await page.textContent(tid('error')), 'Keine Berechtigung: ben hat für „Buchen“ nicht das volle Recht.');
  await screenshot(page, 'rights-read-only-de');
  await page.click('nav.main-nav a[href="/banking"]');
  await page.waitForSelector('main [data-module="banking"]');
  assert.equal(await page.$('main a[href="/banking/payment-runs"]'), null, 'no card for payment runs');
  // Typed in directly, the screen says why instead of showing.
  await page.evaluate(() => { history.pushState({}, '', '/banking/payment-runs'); dispatchEvent(new PopStateEvent('popstate')); });
  await page.waitForSelector(tid('no-access'));
  assert.match(await page.textContent(tid('no-access')), /Kein Zugriff\s*Zahlungsläufe/);
});

test('in English', async () => {
  await page.keyboard.press('Alt+L');
  await page.click('nav.main-nav a[href="/admin"]');
  await page.click('main a[href="/admin/users"]');
  await page.waitForSelector(tid('users-enabled'));
  assert.match(await page.textContent(tid('users-enabled')), /Logged in as ben$/);
  await assertEnglish(page, 'users');
  // Read-only here: the policy cannot be saved, and the button says why.
  assert.equal(await page.$eval(tid('policy-submit'), (b) => b.disabled), true);
  assert.equal(await page.getAttribute(tid('policy-submit'), 'title'), 'Read only: your roles allow no changes here.');
  assert.equal(await page.textContent(tid('user-rule')),
    'Password rule: at least 10 characters with an upper-case letter, a lower-case letter, a digit; no expiry; not one of the last 3.');
  await screenshot(page, 'users-en');
  await page.click(tid('lock-now'));
  await page.waitForSelector(tid('lock-screen'));
  await logIn('ben', 'falsch');
  await page.waitForSelector(tid('login-error'), { timeout: 30000 });
  assert.equal(await page.textContent(tid('login-error')), 'User name or password is wrong.');
  await assertEnglish(page, 'lock screen');
  await screenshot(page, 'lock-en');
  assert.deepEqual(page.errors.filter((e) => !/401|favicon/.test(e)), []);
});

test('five failed tries make the next one wait, also after a reload', async () => {
  // One failure is behind us (the English test); four more.
  for (let i = 0; i < 4; i += 1) {
    await page.waitForFunction(() => !document.querySelector('[data-testid="login-submit"]').disabled, null, { timeout: 30000 });
    await logIn('ben', `falsch${i}`);
    await page.waitForFunction(() => document.querySelector('[data-testid="login-submit"]').textContent === 'Log in' || document.querySelector('[data-testid="login-wait"]'), null, { timeout: 30000 });
  }
  await page.waitForSelector(tid('login-wait'), { timeout: 30000 });
  assert.match(await page.textContent(tid('login-wait')), /Next try possible in (2\d|30) seconds\./);
  assert.equal(await page.$eval(tid('login-submit'), (b) => b.disabled), true);
  await go('/');
  await page.waitForSelector(tid('login-wait'));
  assert.equal(await page.$eval(tid('login-submit'), (b) => b.disabled), true);
  // The wait is this browser's record: removing it (what waiting does) lets
  // the right password in, and a success forgets the failures.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('kontor.loginFailures.')).forEach((k) => localStorage.removeItem(k)));
  await go('/');
  await logIn('ben', 'Frühling2026');
  await page.waitForSelector(tid('lock-screen'), { state: 'detached', timeout: 30000 });
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('kontor.loginFailures.'))), []);
});

test('a superuser deactivates a user, who then cannot log in', async () => {
  await page.keyboard.press('Alt+Q');
  await page.waitForSelector(tid('lock-screen'));
  await logIn('anna', 'Sommer2026');
  await page.waitForSelector(tid('lock-screen'), { state: 'detached', timeout: 30000 });
  await page.click('nav.main-nav a[href="/admin"]');
  await page.click('main a[href="/admin/users"]');
  await page.click(tid('user-edit-ben'));
  assert.equal(await page.inputValue(tid('user-name')), 'Ben Roth');
  await page.uncheck(tid('user-active'));
  await page.click(tid('user-submit'));
  await page.waitForSelector(tid('user-saved'), { timeout: 30000 });
  // anna's own language is German: her login switched the screens back.
  await page.waitForFunction(() => document.querySelector('[data-testid="user-row"][data-login="ben"] td:nth-child(4)')?.textContent === 'nein');
  // The last active superuser cannot take away her own right.
  await page.click(tid('user-edit-anna'));
  await page.uncheck(tid('user-superuser'));
  await page.click(tid('user-submit'));
  await page.waitForSelector(tid('user-error'));
  assert.equal(await page.textContent(tid('user-error')), 'anna ist der letzte aktive Superuser; es muss einer bleiben.');
  await page.click(tid('lock-now'));
  await page.waitForSelector(tid('lock-screen'));
  await logIn('ben', 'Frühling2026');
  await page.waitForSelector(tid('login-error'), { timeout: 30000 });
  assert.equal(await page.textContent(tid('login-error')), 'ben ist kein aktiver Benutzer dieses Mandanten; ein Superuser kann das ändern.');
  await screenshot(page, 'lock-inactive-de');
});
