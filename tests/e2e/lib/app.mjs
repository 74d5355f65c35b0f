// Shared set-up for the end-to-end specs: the built app served locally and
// Debian's Chromium driven by playwright-core (never a downloaded browser).
import { chromium } from 'playwright-core';
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

/** Starts the server and a browser with a fresh profile; `close()` ends both.
 *  `dist` serves another build directory; `stopServer()` takes the network away. */
export async function startApp({ dist = process.env.KONTOR_DIST ?? join(ROOT, 'dist') } = {}) {
  const server = await serveDist(dist);
  const profile = await mkdtemp(join(tmpdir(), 'kontor-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    locale: 'de-DE',
  });
  await mkdir(ARTIFACTS, { recursive: true });
  return {
    url: server.url,
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

/** Waits until the Leptos app has mounted (the header is rendered). */
export async function waitForApp(page) {
  await page.waitForSelector('header.app-header', { timeout: 20000 });
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
