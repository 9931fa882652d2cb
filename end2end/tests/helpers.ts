import { Page, TestInfo, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const PASSWORD = 'demo-wachtwoord-2026';
export const COACH = 'coach@demo.datacoach.nl';
export const ADMIN = 'admin@demo.datacoach.nl';
export const ENTREPRENEUR = 'ondernemer@demo.datacoach.nl';

export function jsEnabled(info: TestInfo): boolean {
  return info.project.use.javaScriptEnabled !== false;
}

/** Opens a page and, with JavaScript on, waits until the app has hydrated (a click before is lost). */
export async function open(page: Page, info: TestInfo, path: string) {
  await page.goto(path);
  await ready(page, info);
}

export async function ready(page: Page, info: TestInfo) {
  if (jsEnabled(info)) {
    await page.waitForSelector('body[data-hydrated="true"]');
  } else {
    await page.waitForLoadState('domcontentloaded');
  }
}

/** Fills in and sends the login form. */
export async function attemptLogin(page: Page, info: TestInfo, email: string, password: string) {
  await open(page, info, '/login');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

/** Logs in and waits until the user menu shows the user is signed in. */
export async function login(page: Page, info: TestInfo, email: string, password = PASSWORD) {
  await attemptLogin(page, info, email, password);
  await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
  await ready(page, info);
}

export async function logout(page: Page, info: TestInfo) {
  await ready(page, info);
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
}

/** No serious or critical WCAG 2.1 A/AA violations on the current page. axe runs as a script
 * in the page, so it checks the JavaScript project; the no-JS project renders the same HTML. */
export async function expectAccessible(page: Page, info: TestInfo) {
  if (!jsEnabled(info)) return;
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** From the home page, opens `company` and starts its scan (consent first); ends on step 1. */
export async function startScan(page: Page, info: TestInfo, company: string) {
  await page.getByRole('link', { name: company }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(company);
  await ready(page, info);
  await page.getByRole('button', { name: 'Keuze opslaan' }).click();
  await expect(page.getByRole('button', { name: 'Scan starten' })).toBeVisible();
  await ready(page, info);
  await page.getByRole('button', { name: 'Scan starten' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stap 1 van 6: Digitale bedrijfsstrategie');
  await ready(page, info);
}

/** The demo entrepreneur starts the first scan of their bakery; returns the first step's path. */
export async function startFirstScan(page: Page, info: TestInfo): Promise<string> {
  await login(page, info, ENTREPRENEUR);
  await startScan(page, info, 'Bakkerij Van den Berg (demo)');
  return new URL(page.url()).pathname;
}
