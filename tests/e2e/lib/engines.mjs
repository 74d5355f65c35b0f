// The other engines Kontor must run in, besides Chromium: Firefox ESR
// (Debian `firefox-esr`, driven by puppeteer-core over WebDriver BiDi) and
// WebKitGTK (Debian `webkit2gtk-driver`: WebKitWebDriver starting
// MiniBrowser under Xvfb, driven by selenium-webdriver). Each starts with a
// fresh profile and no permission pre-granted; no browser or driver is
// ever downloaded (the driver is started here from its Debian path, so
// Selenium Manager never runs).
//
// Each launcher gives pages as the few primitives `Page` (lib/page.mjs)
// builds the specs' API on; lib/app.mjs picks the engine.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyParts } from './page.mjs';

export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const XVFB = process.env.XVFB ?? '/usr/bin/Xvfb';

/** Whether the engine's binaries are installed (scripts/setup.sh does it). */

/** Real key events through puppeteer: "Control+Enter" holds Control.
 *  Playwright's "Space" is puppeteer's " ". */
async function puppeteerPress(keyboard, key) {
  const parts = keyParts(key).map((k) => (k === 'Space' ? ' ' : k));
  const last = parts.pop();
  for (const m of parts) await keyboard.down(m);
  await keyboard.press(last);
  for (const m of parts.reverse()) await keyboard.up(m);
}

/**
 * Firefox ESR with a fresh profile, as pages for `Page` (lib/page.mjs).
 * `prefs` are extra about:config preferences.
 */
export async function launchFirefox({ prefs = {} } = {}) {
  const { default: puppeteer } = await import('puppeteer-core');
  const profile = await mkdtemp(join(tmpdir(), 'kontor-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: { 'intl.accept_languages': 'de-DE', ...prefs },
  });
  return {
    engine: 'firefox',
    async newPage() {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      return {
        errors,
        run: (body, arg) => page.evaluate(`(${body})(${JSON.stringify(arg)})`),
        press: (key) => puppeteerPress(page.keyboard, key),
        type: (text) => page.keyboard.type(text),
        goto: (url) => page.goto(url),
        reload: () => page.reload(),
        screenshot: (path, fullPage) => page.screenshot({ path, fullPage }),
        setViewport: (width, height) => page.setViewport({ width, height }),
        addInitScript: (script) => page.evaluateOnNewDocument(script),
        close: () => page.close(),
      };
    },
    async close() {
      await browser.close();
      await rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** Starts Xvfb on a display it picks itself (`-displayfd`); resolves to `:N`. */
function startXvfb() {
  const xvfb = spawn(XVFB, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  return new Promise((ok, fail) => {
    let out = '';
    xvfb.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) ok({ xvfb, display: `:${out.trim()}` });
    });
    xvfb.once('error', fail);
    xvfb.once('exit', (code) => fail(new Error(`Xvfb exited (${code}) before reporting a display`)));
  });
}

/** Polls until the driver answers `/status` (it needs a moment to listen). */
async function driverReady(url, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const r = await fetch(`${url}/status`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`WebKitWebDriver at ${url} did not answer`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Selenium's names for the keys the specs press. */
const SELENIUM_KEYS = {
  Control: 'CONTROL', Alt: 'ALT', Shift: 'SHIFT', Meta: 'META', Enter: 'ENTER', Escape: 'ESCAPE', Tab: 'TAB',
  ArrowUp: 'ARROW_UP', ArrowDown: 'ARROW_DOWN', ArrowLeft: 'ARROW_LEFT', ArrowRight: 'ARROW_RIGHT',
  Delete: 'DELETE', Backspace: 'BACK_SPACE', Home: 'HOME', End: 'END', PageUp: 'PAGE_UP', PageDown: 'PAGE_DOWN',
  F1: 'F1', F2: 'F2', F3: 'F3', F4: 'F4', F5: 'F5', F6: 'F6', F7: 'F7', F8: 'F8', F9: 'F9', F10: 'F10',
};

/**
 * WebKitGTK's MiniBrowser through WebKitWebDriver under a private Xvfb,
 * with a fresh home (so a fresh website-data directory), as pages for
 * `Page`. One WebDriver session; each page is a window of it, switched
 * to before each command.
 */
export async function launchWebKit() {
  process.env.SE_OFFLINE = 'true'; // belt and braces: Selenium Manager must never download
  const { Builder, Key } = await import('selenium-webdriver');
  const home = await mkdtemp(join(tmpdir(), 'kontor-webkit-'));
  const { xvfb, display } = await startXvfb();
  const port = await freePort();
  const env = {
    ...process.env,
    DISPLAY: display,
    HOME: home,
    XDG_DATA_HOME: join(home, 'data'),
    XDG_CACHE_HOME: join(home, 'cache'),
    XDG_CONFIG_HOME: join(home, 'config'),
    LANGUAGE: 'de_DE',
  };
  const driverProcess = spawn(WEBKIT_DRIVER, [`--port=${port}`], { env, stdio: 'ignore' });
  const stop = async () => {
    const exited = new Promise((ok) => (driverProcess.exitCode !== null ? ok() : driverProcess.once('exit', ok)));
    driverProcess.kill();
    xvfb.kill();
    await exited;
    // WebKit's helper processes may still write their caches for a moment.
    await rm(home, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  };
  let driver;
  try {
    const url = `http://127.0.0.1:${port}`;
    await driverReady(url);
    driver = await new Builder()
      .usingServer(url)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      })
      .build();
    await driver.manage().window().setRect({ width: 1280, height: 900 });
  } catch (e) {
    await stop();
    throw e;
  }
  const first = await driver.getWindowHandle();
  let current = first;
  let firstTaken = false;
  const key = (k) => (SELENIUM_KEYS[k] ? Key[SELENIUM_KEYS[k]] : k === 'Space' ? ' ' : k);
  return {
    engine: 'webkit',
    async newPage() {
      let handle = first;
      if (firstTaken) {
        // A window, not a tab: WebKitGTK paints no background tab, and a
        // screenshot of one never returns.
        await driver.switchTo().newWindow('window');
        handle = await driver.getWindowHandle();
        current = handle;
        await driver.manage().window().setRect({ width: 1280, height: 900 });
      }
      firstTaken = true;
      // Commands go to the current window: make it this page's first.
      const on = async (f) => {
        if (current !== handle) {
          await driver.switchTo().window(handle);
          current = handle;
        }
        return f();
      };
      return {
        run: (body, arg) => on(() => driver.executeScript(`return (${body})(arguments[0])`, arg)),
        press: (k) => on(async () => {
          const parts = keyParts(k).map(key);
          const last = parts.pop();
          let a = driver.actions();
          for (const m of parts) a = a.keyDown(m);
          a = a.sendKeys(last);
          for (const m of parts.reverse()) a = a.keyUp(m);
          await a.perform();
        }),
        type: (text) => on(() => driver.actions().sendKeys(text).perform()),
        goto: (u) => on(() => driver.get(u)),
        reload: () => on(() => driver.navigate().refresh()),
        screenshot: (path) => on(async () => writeFile(path, await driver.takeScreenshot(), 'base64')),
        setViewport: (width, height) => on(() => driver.manage().window().setRect({ width, height })),
        close: () => on(async () => {
          if (handle === first) return; // the session's first window ends with the session
          await driver.close();
          await driver.switchTo().window(first);
          current = first;
        }),
      };
    },
    async close() {
      try {
        await driver.quit();
      } finally {
        await stop();
      }
    },
  };
}
