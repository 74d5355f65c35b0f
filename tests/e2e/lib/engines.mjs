// The other engines Kontor must run in, besides Chromium: Firefox ESR
// (Debian `firefox-esr`, driven by puppeteer-core over WebDriver BiDi) and
// WebKitGTK (Debian `webkit2gtk-driver`: WebKitWebDriver starting
// MiniBrowser under Xvfb, driven by selenium-webdriver). Each starts with a
// fresh profile and no permission pre-granted; no browser or driver is
// ever downloaded (the driver is started here from its Debian path, so
// Selenium Manager never runs).
//
// Both are wrapped in one small interface, so a journey is written once:
//   goto(url), reload(), click(selector), until(fn, arg, timeoutMs),
//   run(fn, arg) (evaluate in the page), screenshot(name), close();
// `errors` collects uncaught page errors where the driver reports them.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS } from './app.mjs';

export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const XVFB = process.env.XVFB ?? '/usr/bin/Xvfb';

/** Whether the engine's binaries are installed (scripts/setup.sh does it). */
export const hasFirefox = () => existsSync(FIREFOX);
export const hasWebKit = () => existsSync(WEBKIT_DRIVER) && existsSync(MINIBROWSER) && existsSync(XVFB);

/**
 * Firefox ESR with a fresh profile. `prefs` are extra about:config
 * preferences; the journey passes none but the UI language.
 */
export async function startFirefox({ prefs = {} } = {}) {
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
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return {
    engine: 'firefox',
    errors,
    goto: (url) => page.goto(url),
    reload: () => page.reload(),
    click: (selector) => page.click(selector),
    until: (fn, arg, timeout = 20000) => page.waitForFunction(fn, { timeout, polling: 100 }, arg),
    run: (fn, arg) => page.evaluate(fn, arg),
    screenshot: (name) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true }),
    async close() {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
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

/**
 * WebKitGTK's MiniBrowser through WebKitWebDriver under a private Xvfb,
 * with a fresh home (so a fresh website-data directory).
 */
export async function startWebKit() {
  process.env.SE_OFFLINE = 'true'; // belt and braces: Selenium Manager must never download
  const { Builder } = await import('selenium-webdriver');
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
    driverProcess.kill();
    xvfb.kill();
    await rm(home, { recursive: true, force: true });
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
  // Selenium runs a function as the body of `function () { … }`; wrap it
  // so `fn(arg)` is called and its value (or promise) returned.
  const call = (fn, arg) => driver.executeScript(`return (${fn}).apply(null, arguments)`, arg);
  return {
    engine: 'webkit',
    errors: [],
    goto: (url) => driver.get(url),
    reload: () => driver.navigate().refresh(),
    click: (selector) => call((s) => document.querySelector(s).click(), selector),
    until: (fn, arg, timeout = 20000) => driver.wait(async () => Boolean(await call(fn, arg)), timeout),
    run: call,
    async screenshot(name) {
      await writeFile(join(ARTIFACTS, `${name}.png`), await driver.takeScreenshot(), 'base64');
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
