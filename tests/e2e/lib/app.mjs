// Shared set-up for the end-to-end specs: the built app served locally and
// one browser engine with a fresh profile: `KONTOR_ENGINE` chromium (the
// default; Debian's Chromium driven by playwright-core), firefox or webkit
// (lib/engines.mjs, behind the same page API: lib/page.mjs). Never a
// downloaded browser.
import { chromium } from 'playwright-core';
import { launchFirefox, launchWebKit } from './engines.mjs';
import { Page } from './page.mjs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(here, '..', '..', '..');
export const ARTIFACTS = join(ROOT, 'tests', 'e2e', 'artifacts');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The engine this run drives. */
export const ENGINE = process.env.KONTOR_ENGINE ?? 'chromium';

/** Starts the server and a browser with a fresh profile; `close()` ends both.
 *  `dist` serves another build directory; `stopServer()` takes the network away. */
export async function startApp({ dist = process.env.KONTOR_DIST ?? join(ROOT, 'dist'), engine = ENGINE, prefs } = {}) {
  const server = await serveDist(dist);
  await mkdir(ARTIFACTS, { recursive: true });
  if (engine !== 'chromium') return startOther(server, engine, prefs);
  const profile = await mkdtemp(join(tmpdir(), 'kontor-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    locale: 'de-DE',
  });
  return {
    url: server.url,
    engine,
    context,
    /** A new page that records console errors and page errors. */
    async page() {
      const page = await context.newPage();
      page.errors = [];
      page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
      page.on('pageerror', (e) => page.errors.push(String(e)));
      return page;
    },
    stopped: false,
    async stopServer() {
      this.stopped = true;
      await server.close();
    },
    async close() {
      await context.close();
      if (!this.stopped) await server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The same app for Firefox or WebKit: pages are `Page`s; there is no
 *  Playwright `context` (a spec needing one asks `app.engine`). */
async function startOther(server, engine, prefs) {
  const browser = engine === 'firefox' ? await launchFirefox({ prefs }) : engine === 'webkit' ? await launchWebKit() : null;
  if (!browser) throw new Error(`unknown KONTOR_ENGINE ${engine} (chromium, firefox or webkit)`);
  return {
    url: server.url,
    engine,
    context: null,
    async page() {
      return new Page(await browser.newPage(), engine);
    },
    stopped: false,
    async stopServer() {
      this.stopped = true;
      await server.close();
    },
    async close() {
      try {
        await browser.close();
      } finally {
        // Even when the browser fails to close: a live server would keep
        // the spec's process from ever ending.
        if (!this.stopped) await server.close();
      }
    },
  };
}

/** Waits until the Leptos app has mounted (the header is rendered). */
export async function waitForApp(page) {
  await page.waitForSelector('header.app-header', { timeout: 20000 });
}

/** `artifacts/NAME.png` in Chromium, `NAME-firefox.png` / `NAME-webkit.png`
 *  in the others (the three engines run at once). */
export async function screenshot(page, name) {
  const engine = page.engine ?? 'chromium';
  const file = engine === 'chromium' ? `${name}.png` : `${name}-${engine}.png`;
  await page.screenshot({ path: join(ARTIFACTS, file), fullPage: true });
}
