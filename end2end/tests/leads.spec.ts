import { test, expect } from '@playwright/test';
import { COACH, expectAccessible, login, logout, open, ready } from './helpers';

test('an expert proposes a lead, a coach accepts it and the company appears in a caseload', async ({ page }, info) => {
  // Each project proposes its own company: both run against the same data.
  const js = info.project.name === 'js';
  const name = js ? 'Houtbewerking Pietersen (demo)' : 'Drukkerij Lanen (demo)';
  const kvk = js ? '87654321' : '87654322';

  await login(page, info, 'expert@demo.datacoach.nl');
  await open(page, info, '/my-leads');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn leads');
  await page.getByLabel('Bedrijfsnaam').fill(name);
  await page.getByLabel('KvK-nummer').fill(kvk);
  await page.getByLabel('Waarom deze expert?').fill('De eigenaar wil zijn planning digitaliseren.');
  await page.getByRole('button', { name: 'Lead aanmelden' }).click();
  await expect(page.getByRole('cell', { name: kvk })).toBeVisible();
  await expectAccessible(page, info);
  await logout(page, info);

  await login(page, info, COACH);
  await open(page, info, '/leads');
  const card = page.locator('article', { hasText: kvk });
  await card.getByText('Accepteren', { exact: true }).click();
  await card.getByLabel('Coach').selectOption({ label: 'Sanne de Vries (demo)' });
  await card.getByLabel('Gemeente').fill('Oss');
  await card.getByLabel('Grootte').selectOption({ index: 1 });
  await card.getByLabel('Hoofdsector').selectOption('C');
  await card.getByRole('button', { name: 'Bedrijf aanmaken en coach toewijzen' }).click();
  await expect(page.locator('article', { hasText: kvk })).toContainText('Geaccepteerd');
  await expectAccessible(page, info);

  await open(page, info, `/caseload?q=${kvk}`);
  await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  await page.getByRole('link', { name, exact: true }).click();
  await ready(page, info);
  await expect(page.locator('#timeline')).toContainText('Aangemeld als lead door Daan Dashboard (demo)');
});
