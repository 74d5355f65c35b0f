// The page API the specs are written against, for engines Playwright
// cannot drive (Debian's Firefox ESR and WebKitGTK need no patched build
// here, so puppeteer-core and selenium-webdriver drive them). The specs use
// Playwright's `Page` in Chromium; this class offers the same methods they
// call, built on a few native primitives each driver has:
//   run(source, arg)       evaluate `(source)(arg)` in the page, awaited
//   press(key) / type(text) real key events ("Control+Enter", "Alt+L")
//   goto(url) / reload() / screenshot(path) / setViewport(w, h) / close()
//   addInitScript(source) (where the driver has one)
// Everything else (selectors, waiting, filling, downloads, file inputs)
// happens in the page, the same way in every engine, so a journey behaves
// alike wherever it runs. Where this differs from Playwright it says so.
import { mkdtemp, readFile, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const DEFAULT_TIMEOUT = 30000;

// Installed once per document, before anything else a call runs:
// - `find(selector)`: CSS plus the Playwright selector forms the specs use
//   (`a >> b`, `>> nth=N`, `text=…`, `:has-text("…")`);
// - `visible(el)`: Playwright's notion (a box, not visibility:hidden);
// - the app hands files to the browser through a Blob behind
//   `<a download>.click()` (src/ui/components/download.rs); the hook keeps
//   each such file for `waitForEvent('download')` instead of letting the
//   engine save it somewhere the test cannot see.
const PRELUDE = `(() => {
  if (window.__kontorE2E) return;
  const norm = (s) => (s ?? '').replace(/\\s+/g, ' ').trim().toLowerCase();
  const unquote = (s) => s.replace(/^(["'])(.*)\\1$/, '$2');
  const byText = (scope, text) => {
    const want = norm(unquote(text));
    // The scope itself counts, as in Playwright (\`a >> text=…\` may be a).
    const own = scope instanceof Element ? [scope] : [];
    const hits = [...own, ...scope.querySelectorAll('*')].filter((e) => norm(e.textContent).includes(want));
    return hits.filter((e) => !hits.some((o) => o !== e && e.contains(o)));
  };
  const all = (scopes, sel) => {
    const out = [];
    for (const s of scopes) for (const e of s.querySelectorAll(sel)) if (!out.includes(e)) out.push(e);
    return out;
  };
  // CSS, where \`:has-text("…")\` keeps the elements of the compound it is
  // attached to whose text contains it; what follows is looked up inside them.
  const css = (scopes, part) => {
    const m = /:has-text\\((["'])(.*?)\\1\\)/.exec(part);
    if (!m) return all(scopes, part);
    const head = part.slice(0, m.index);
    const want = norm(m[2]);
    const found = all(scopes, head === '' || /[\\s>]$/.test(head) ? head + '*' : head).filter((e) => norm(e.textContent).includes(want));
    const rest = part.slice(m.index + m[0].length);
    if (rest.trim() === '') return found;
    if (!/^\\s*>|^\\s/.test(rest)) throw new Error('unsupported selector (text then more of the same compound): ' + part);
    return all(found, ':scope' + rest);
  };
  const find = (selector) => {
    let found = [document];
    for (const raw of selector.split(/\\s+>>\\s+/)) {
      const part = raw.trim();
      const nth = /^nth=(-?\\d+)$/.exec(part);
      if (nth) {
        const i = Number(nth[1]);
        const e = i < 0 ? found[found.length + i] : found[i];
        found = e ? [e] : [];
      } else if (part.startsWith('text=')) {
        found = found.flatMap((s) => byText(s, part.slice(5)));
      } else {
        found = css(found, part);
      }
    }
    return found.filter((e) => e !== document);
  };
  const visible = (e) => {
    if (!e || !e.isConnected) return false;
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
  };
  const downloads = [];
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.hasAttribute('download') && this.href.startsWith('blob:')) {
      const name = this.getAttribute('download');
      downloads.push(fetch(this.href).then((r) => r.arrayBuffer()).then((b) => {
        let s = '';
        const bytes = new Uint8Array(b);
        for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return { name, base64: btoa(s) };
      }));
      return;
    }
    return click.call(this);
  };
  const pick = (all, i) => (i < 0 ? all[all.length + i] : all[i]);
  // Errors the page reports from here on, for drivers that cannot listen
  // (WebDriver classic): uncaught errors, rejections, console.error.
  const errors = [];
  window.addEventListener('error', (e) => errors.push(String(e.error ?? e.message)));
  window.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));
  const consoleError = console.error;
  console.error = (...args) => { errors.push(args.map(String).join(' ')); consoleError.apply(console, args); };
  // IndexedDB requests and transactions still running (from the prelude on):
  // a navigation waits for them, as a user waits for "saved" before leaving.
  // WebKitGTK 2.50 never again answered an open or a write of a database
  // whose upgrade or transaction a navigation had cut off.
  let pending = 0;
  const track = (target, ends) => {
    pending += 1;
    let done = false;
    const end = () => { if (!done) { done = true; pending -= 1; } };
    for (const e of ends) target.addEventListener(e, end);
    return target;
  };
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (...args) {
    return track(transaction.apply(this, args), ['complete', 'abort', 'error']);
  };
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (...args) {
    return track(open.apply(this, args), ['success', 'error', 'blocked']);
  };
  const storageIdle = () => pending === 0;
  window.__kontorE2E = { find, visible, downloads, pick, errors, storageIdle };
})();`;

/** Function source written here (not a spec's expression string). */
const fnText = (text) => ({ fnText: text });

/** `fn` as function source for the page; a string is an expression, as
 *  Playwright takes it. */
const source = (fn) => (fn.fnText ?? (typeof fn === 'string' ? `() => (${fn})` : fn.toString()));

/** Splits "Control+Enter" into ['Control', 'Enter'] ("+" alone stays a key). */
export const keyParts = (key) => (key === '+' ? ['+'] : key.split('+').map((k, i, a) => (k === '' && i === a.length - 1 ? '+' : k)).filter((k) => k !== ''));

export class Page {
  /** `native`: the driver's primitives (see the top of this file). */
  constructor(native, engine) {
    this.native = native;
    this.engine = engine;
    // The driver's own listener where it has one; else what the page
    // caught itself since the prelude was installed in its document (an
    // error while a new document loads, before the first call, is missed).
    this.errors = native.errors ?? [];
    this.errorsInPage = !native.errors;
    this.lastUrl = 'about:blank';
    this.keyboard = {
      press: (key) => native.press(key),
      type: (text) => native.type(text),
    };
  }

  /** Evaluates `(fn)(arg)` after the prelude; the page's result, awaited. */
  async run(fn, arg) {
    // The address comes back with every answer, for the synchronous `url()`.
    const body = `(async (arg) => { ${PRELUDE}; const K = window.__kontorE2E;
      const v = await (${source(fn)})(arg, K); return { v, href: location.href, errors: K.errors.splice(0) }; })`;
    const { v, href, errors } = await this.native.run(body, arg === undefined ? null : arg);
    this.lastUrl = href;
    if (this.errorsInPage) this.errors.push(...errors);
    return v;
  }

  /** Polls `fn(arg, K)` in the page until it is truthy; its value. A
   *  navigation in between only costs one round. */
  async poll(fn, arg, timeout = DEFAULT_TIMEOUT, what = 'condition') {
    const deadline = Date.now() + timeout;
    const inPage = fnText(`async ([arg, until], K) => {
      const f = (${source(fn)});
      for (;;) {
        const v = await f(arg, K);
        if (v) return { v };
        if (Date.now() > until) return null;
        await new Promise((r) => setTimeout(r, 50));
      }
    }`);
    let lastError;
    for (;;) {
      const now = Date.now();
      if (now > deadline) break;
      try {
        const got = await this.run(inPage, [arg, Date.now() + Math.min(2000, deadline - now)]);
        if (got) return got.v;
      } catch (e) {
        lastError = e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error(`${this.engine}: timed out after ${timeout} ms waiting for ${what}${lastError ? ` (last error: ${lastError.message})` : ''}`);
  }

  // --- navigation ---
  async goto(url) {
    await this.storageSettled();
    this.lastUrl = url;
    await this.native.goto(url);
    await this.refreshUrl();
  }
  async reload() {
    await this.storageSettled();
    await this.native.reload();
    await this.refreshUrl();
  }
  /** Before a navigation: the page's IndexedDB work done (see the prelude),
   *  for at most 10 s; a page that is not ready to answer is not waited for. */
  async storageSettled() {
    if (this.lastUrl === 'about:blank') return;
    await this.poll((_, K) => K.storageIdle(), null, 10000, 'IndexedDB to be idle').catch(() => {});
  }
  async refreshUrl() {
    try {
      this.lastUrl = await this.run(() => location.href);
    } catch {
      // a page still navigating: the last known address stays
    }
    return this.lastUrl;
  }
  /** Playwright's is synchronous; this is the address the page had at the
   *  end of the last call into it. */
  url() {
    return this.lastUrl;
  }
  async waitForURL(want, { timeout = DEFAULT_TIMEOUT } = {}) {
    const deadline = Date.now() + timeout;
    const ok = (href) => {
      if (typeof want === 'function') return want(new URL(href));
      if (want instanceof RegExp) return want.test(href);
      return href === want;
    };
    for (;;) {
      if (ok(await this.refreshUrl())) return;
      if (Date.now() > deadline) throw new Error(`${this.engine}: timed out waiting for URL ${want}; at ${this.lastUrl}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  // --- waiting ---
  async waitForSelector(selector, { state = 'visible', timeout = DEFAULT_TIMEOUT } = {}) {
    const index = await this.poll(([s, state], K) => {
      const all = K.find(s);
      const i = all.findIndex((e) => state === 'attached' || (state === 'visible' ? K.visible(e) : false));
      if (state === 'detached') return all.length === 0;
      if (state === 'hidden') return !all.some(K.visible);
      return i >= 0 ? { i } : false;
    }, [selector, state], timeout, `${selector} (${state})`);
    return state === 'visible' || state === 'attached' ? new Locator(this, selector, index.i) : null;
  }
  async waitForFunction(fn, arg, { timeout = DEFAULT_TIMEOUT } = {}) {
    const value = await this.poll(fn, arg, timeout, `function ${source(fn).slice(0, 80)}`);
    return { jsonValue: async () => value };
  }
  async waitForTimeout(ms) {
    await new Promise((r) => setTimeout(r, ms));
  }

  // --- reading ---
  evaluate(fn, arg) {
    return this.run(fn, arg);
  }
  /** The document's markup, as Playwright's `content()`. */
  content() {
    return this.run(() => new XMLSerializer().serializeToString(document));
  }
  /** The first element matching, once it is in the document. */
  async attached(selector, index = 0, timeout = DEFAULT_TIMEOUT) {
    await this.poll(([s, i], K) => Boolean(K.pick(K.find(s), i)), [selector, index], timeout, `${selector} to be attached`);
  }
  async onElement(selector, index, fn, arg, { wait = true, timeout = DEFAULT_TIMEOUT } = {}) {
    if (wait) await this.attached(selector, index, timeout);
    return this.run(fnText(`async ([s, i, a], K) => {
      const all = K.find(s);
      const e = i < 0 ? all[all.length + i] : all[i];
      if (!e) throw new Error('no element matches ' + s);
      return (${source(fn)})(e, a);
    }`), [selector, index, arg]);
  }
  textContent(selector) {
    return this.onElement(selector, 0, (e) => e.textContent);
  }
  innerText(selector) {
    return this.onElement(selector, 0, (e) => e.innerText);
  }
  inputValue(selector) {
    return this.onElement(selector, 0, (e) => e.value);
  }
  getAttribute(selector, name) {
    return this.onElement(selector, 0, (e, n) => e.getAttribute(n), name);
  }
  isVisible(selector) {
    return this.run((s, K) => K.visible(K.find(s)[0]), selector);
  }
  isDisabled(selector) {
    return this.onElement(selector, 0, (e) => e.disabled === true || e.getAttribute('aria-disabled') === 'true');
  }
  isChecked(selector) {
    return this.onElement(selector, 0, (e) => e.checked === true);
  }
  async $(selector) {
    const n = await this.run((s, K) => K.find(s).length, selector);
    return n > 0 ? new Locator(this, selector, 0) : null;
  }
  async $$(selector) {
    const n = await this.run((s, K) => K.find(s).length, selector);
    return Array.from({ length: n }, (_, i) => new Locator(this, selector, i));
  }
  $eval(selector, fn, arg) {
    return this.onElement(selector, 0, fn, arg, { wait: false });
  }
  $$eval(selector, fn, arg) {
    return this.run(fnText(`async ([s, a], K) => (${source(fn)})(K.find(s), a)`), [selector, arg]);
  }
  locator(selector) {
    return new Locator(this, selector, null);
  }

  // --- acting ---
  /** Waits for a visible, enabled element (as Playwright does), then
   *  focuses and clicks it in the page: the same event a mouse click on
   *  it would send to the app's handlers. */
  async click(selector, { timeout = DEFAULT_TIMEOUT, index = 0 } = {}) {
    await this.poll(([s, i], K) => {
      const e = K.pick(K.find(s), i);
      return K.visible(e) && !e.disabled;
    }, [selector, index], timeout, `${selector} to be visible and enabled`);
    await this.onElement(selector, index, (e) => {
      e.scrollIntoView({ block: 'center' });
      const down = { bubbles: true, cancelable: true, button: 0 };
      e.dispatchEvent(new PointerEvent('pointerdown', down));
      if (e.dispatchEvent(new MouseEvent('mousedown', down))) {
        // A real click focuses the nearest focusable element around the
        // point (a row with a tabindex for a click on its cell), else none.
        const target = e.closest('a[href], button, input, select, textarea, [tabindex], [contenteditable="true"]');
        if (target) target.focus();
        else document.activeElement?.blur?.();
      }
      e.dispatchEvent(new PointerEvent('pointerup', down));
      e.dispatchEvent(new MouseEvent('mouseup', down));
      e.click();
    });
  }
  dblclick(selector) {
    return this.onElement(selector, 0, (e) => e.dispatchEvent(new MouseEvent('dblclick', { bubbles: true })));
  }
  /** Sets the value as typing would end: an `input` event, then `change`
   *  (which a browser sends when the field is left; the specs always
   *  leave it, by the next fill, click or key). */
  async fill(selector, value, { index = 0, timeout = DEFAULT_TIMEOUT } = {}) {
    await this.poll(([s, i], K) => {
      const e = K.pick(K.find(s), i);
      return K.visible(e) && !e.disabled && !e.readOnly;
    }, [selector, index], timeout, `${selector} to be editable`);
    await this.onElement(selector, index, (e, v) => {
      e.focus();
      if (e.isContentEditable) {
        e.textContent = v;
      } else {
        const proto = e instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype
          : e instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
        Object.getOwnPropertyDescriptor(proto, 'value').set.call(e, v);
      }
      e.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: v }));
      e.dispatchEvent(new Event('change', { bubbles: true }));
    }, value);
  }
  async type(selector, text) {
    await this.focus(selector);
    await this.native.type(text);
  }
  async press(selector, key) {
    await this.focus(selector);
    await this.native.press(key);
  }
  async focus(selector, index = 0) {
    await this.onElement(selector, index, (e) => e.focus());
  }
  async check(selector, index = 0) {
    await this.setChecked(selector, true, index);
  }
  async uncheck(selector, index = 0) {
    await this.setChecked(selector, false, index);
  }
  async setChecked(selector, on, index) {
    const now = await this.onElement(selector, index, (e) => e.checked);
    if (now !== on) await this.click(selector, { index });
  }
  /** `values`: a value, `{ label }`, `{ value }`, `{ index }` or a list. */
  async selectOption(selector, values, { index = 0, timeout = DEFAULT_TIMEOUT } = {}) {
    const wanted = (Array.isArray(values) ? values : [values]).map((v) => (typeof v === 'string' ? { valueOrLabel: v } : v));
    await this.poll(([s, i, want], K) => {
      const e = K.pick(K.find(s), i);
      if (!K.visible(e) || e.disabled) return false;
      return want.every((w) => [...e.options].some((o) => matches(o, w)));
      function matches(o, w) {
        if (w.valueOrLabel !== undefined) return o.value === w.valueOrLabel || o.label === w.valueOrLabel;
        if (w.value !== undefined) return o.value === w.value;
        if (w.label !== undefined) return o.label === w.label;
        return o.index === w.index;
      }
    }, [selector, index, wanted], timeout, `${selector} to offer ${JSON.stringify(values)}`);
    return this.onElement(selector, index, (e, want) => {
      const matches = (o, w) => (w.valueOrLabel !== undefined ? o.value === w.valueOrLabel || o.label === w.valueOrLabel
        : w.value !== undefined ? o.value === w.value : w.label !== undefined ? o.label === w.label : o.index === w.index);
      e.focus();
      for (const o of e.options) o.selected = want.some((w) => matches(o, w));
      e.dispatchEvent(new Event('input', { bubbles: true }));
      e.dispatchEvent(new Event('change', { bubbles: true }));
      return [...e.selectedOptions].map((o) => o.value);
    }, wanted);
  }
  dispatchEvent(selector, type) {
    return this.onElement(selector, 0, (e, t) => e.dispatchEvent(new Event(t, { bubbles: true })), type);
  }
  /** Files from paths or `{ name, mimeType, buffer }`, put on the input as
   *  a user's choice would be, with its `input` and `change` events. */
  async setInputFiles(selector, files) {
    const list = await Promise.all((Array.isArray(files) ? files : [files]).map(async (f) => (typeof f === 'string'
      ? { name: basename(f), type: '', base64: (await readFile(f)).toString('base64') }
      : { name: f.name, type: f.mimeType ?? '', base64: Buffer.from(f.buffer).toString('base64') })));
    await this.onElement(selector, 0, (e, list) => {
      const dt = new DataTransfer();
      for (const f of list) {
        const bin = atob(f.base64);
        const bytes = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
        dt.items.add(new File([bytes], f.name, { type: f.type }));
      }
      e.files = dt.files;
      e.dispatchEvent(new Event('input', { bubbles: true }));
      e.dispatchEvent(new Event('change', { bubbles: true }));
    }, list);
  }

  // --- files, windows ---
  /** Only 'download' is known: the next file the app hands the browser. */
  async waitForEvent(event, { timeout = DEFAULT_TIMEOUT } = {}) {
    if (event !== 'download') throw new Error(`waitForEvent('${event}') is not offered in ${this.engine}`);
    const file = await this.poll(async (_, K) => (K.downloads.length ? K.downloads.shift() : null), null, timeout, 'a download');
    return new Download(file);
  }
  async screenshot({ path, fullPage = false } = {}) {
    await this.native.screenshot(path, fullPage);
  }
  setViewportSize({ width, height }) {
    return this.native.setViewport(width, height);
  }
  async addInitScript(fn, arg) {
    if (!this.native.addInitScript) throw new Error(`${this.engine} has no init scripts`);
    await this.native.addInitScript(`(${source(fn)})(${JSON.stringify(arg ?? null)})`);
  }
  close() {
    return this.native.close();
  }
}

/** Playwright's locator, as far as the specs use it: the i-th match of a
 *  selector, looked up again at each call. */
/** Also what `$`, `$$` and `waitForSelector` return: Playwright's element
 *  handle is, as far as the specs use it, a locator fixed at one index. */
class Locator {
  constructor(page, selector, index) {
    this.page = page;
    this.selector = selector;
    this.index = index;
  }
  get at() {
    return this.index ?? 0;
  }
  first() { return new Locator(this.page, this.selector, 0); }
  last() { return new Locator(this.page, this.selector, -1); }
  nth(i) { return new Locator(this.page, this.selector, i); }
  count() { return this.page.run((s, K) => K.find(s).length, this.selector); }
  async all() {
    const n = await this.count();
    return Array.from({ length: n }, (_, i) => this.nth(i));
  }
  textContent() { return this.page.onElement(this.selector, this.at, (e) => e.textContent); }
  innerText() { return this.page.onElement(this.selector, this.at, (e) => e.innerText); }
  inputValue() { return this.page.onElement(this.selector, this.at, (e) => e.value); }
  getAttribute(name) { return this.page.onElement(this.selector, this.at, (e, n) => e.getAttribute(n), name); }
  isVisible() { return this.page.run(([s, i], K) => K.visible(K.pick(K.find(s), i)), [this.selector, this.at]).catch(() => false); }
  isChecked() { return this.page.onElement(this.selector, this.at, (e) => e.checked === true); }
  isDisabled() { return this.page.onElement(this.selector, this.at, (e) => e.disabled === true); }
  click(opts = {}) { return this.page.click(this.selector, { ...opts, index: this.at }); }
  fill(value, opts = {}) { return this.page.fill(this.selector, value, { ...opts, index: this.at }); }
  check() { return this.page.check(this.selector, this.at); }
  uncheck() { return this.page.uncheck(this.selector, this.at); }
  selectOption(v, opts = {}) { return this.page.selectOption(this.selector, v, { ...opts, index: this.at }); }
  focus() { return this.page.focus(this.selector, this.at); }
  async press(key) {
    await this.focus();
    await this.page.native.press(key);
  }
  async type(text) {
    await this.focus();
    await this.page.native.type(text);
  }
  evaluate(fn, arg) { return this.page.onElement(this.selector, this.at, fn, arg); }
  evaluateAll(fn, arg) { return this.page.$$eval(this.selector, fn, arg); }
  /** `sub` inside this element (Playwright's `handle.$…` and `locator`). */
  inside(sub) { return `${this.selector} >> nth=${this.at} >> ${sub}`; }
  locator(sub) { return new Locator(this.page, this.inside(sub), null); }
  $(sub) { return this.page.$(this.inside(sub)); }
  $$(sub) { return this.page.$$(this.inside(sub)); }
  $eval(sub, fn, arg) { return this.page.$eval(this.inside(sub), fn, arg); }
  $$eval(sub, fn, arg) { return this.page.$$eval(this.inside(sub), fn, arg); }
  async waitFor({ state = 'visible', timeout = DEFAULT_TIMEOUT } = {}) {
    await this.page.poll(([s, i, state], K) => {
      const e = K.pick(K.find(s), i);
      if (state === 'attached') return Boolean(e);
      if (state === 'detached') return !e;
      if (state === 'hidden') return !K.visible(e);
      return K.visible(e);
    }, [this.selector, this.at, state], timeout, `${this.selector} (${state})`);
  }
}

/** A file the app handed to the browser. */
class Download {
  constructor({ name, base64 }) {
    this.name = name;
    this.bytes = Buffer.from(base64, 'base64');
    this.file = null;
  }
  suggestedFilename() {
    return this.name;
  }
  async path() {
    if (!this.file) {
      const dir = await mkdtemp(join(tmpdir(), 'kontor-download-'));
      this.file = join(dir, this.name);
      await writeFile(this.file, this.bytes);
    }
    return this.file;
  }
  async saveAs(to) {
    await copyFile(await this.path(), to);
  }
}
