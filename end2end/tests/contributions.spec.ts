import { test, expect } from '@playwright/test';
import { COACH, expectAccessible, login, open, ready } from './helpers';

// The demo metal company declared EUR 296,000 of de-minimis aid from elsewhere.
const COMPANY = 'Metaalwerk Mulder (demo)';

test('a contribution application beyond the de-minimis ceiling is warned about', async ({ page }, info) => {
  await login(page, info, COACH);
  await open(page, info, '/caseload?q=Mulder');
  await page.getByRole('link', { name: COMPANY, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(COMPANY);
  await ready(page, info);
  const section = page.locator('#contributions');
  await expect(section).toContainText('EUR 296.000,00');
  await section.getByText('Aanvraag vastleggen', { exact: true }).first().click();
  const value = await section.getByLabel('Regeling').locator('option', { hasText: 'Bijdrage digitaliseringsadvies' }).getAttribute('value');
  await section.getByLabel('Regeling').selectOption(value!);
  await section.getByLabel('Gevraagd bedrag').fill('5.000,00');
  await section.getByLabel('Aangevraagd op').fill(new Date().toISOString().slice(0, 10));
  await section.getByRole('button', { name: 'Aanvraag vastleggen' }).click();
  await expect(page.getByRole('alert')).toContainText('boven het EU-plafond van EUR 300.000,00');
  await expect(page.locator('#contributions').getByLabel('Gevraagd bedrag')).toHaveValue('5.000,00');
  await expectAccessible(page, info);
  await page.locator('#contributions').getByLabel('Ik weet dat deze aanvraag boven het de-minimisplafond uitkomt').check();
  await page.locator('#contributions').getByRole('button', { name: 'Aanvraag vastleggen' }).click();
  await expect(page.locator('#contributions table')).toContainText('EUR 5.000,00');
  // Above the ceiling now (each project of the run adds its own EUR 5,000 to the same data).
  await expect(page.locator('#contributions .notice')).toContainText(/EUR 3\d\d\.\d{3},00 van het EU-plafond/);
});
