// Journeys shared by the specs: create a company through the setup wizard.
import { waitForApp } from './app.mjs';

/** Creates a company through the wizard and waits until it is open. */
export async function createCompany(page, url, { name = 'Muster GmbH', chart = 'skr03', year = '2026', layout = 'monthly' } = {}) {
  await page.goto(url + '/setup');
  await waitForApp(page);
  await page.fill('#company-name', name);
  await page.fill('#company-address', 'Hauptstraße 1, 10115 Berlin');
  await page.fill('#company-vat-id', 'DE123456788');
  await page.fill('#company-first-year', year);
  await page.selectOption('#company-layout', layout);
  await page.selectOption('#company-chart', chart);
  await page.click('[data-testid="setup-submit"]');
  await page.waitForFunction((n) => document.querySelector('[data-testid="status-company"]')?.textContent === n, name, { timeout: 20000 });
}
