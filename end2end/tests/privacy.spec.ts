import { test, expect } from '@playwright/test';
import { PM, expectAccessible, login, logout, open, ready } from './helpers';

test('a programme manager erases a company at the end of the programme, after typing its name', async ({ page }, info) => {
  // Each project erases a company of its own: both run against the same data.
  const js = info.project.name === 'js';
  const name = js ? 'Wisbedrijf Aalders (demo)' : 'Wisbedrijf Bosman (demo)';
  const kvk = js ? '76543210' : '76543211';

  await login(page, info, PM);
  await open(page, info, '/companies/new');
  await page.getByLabel('Bedrijfsnaam').fill(name);
  await page.getByLabel('KvK-nummer').fill(kvk);
  await page.getByLabel('Gemeente').fill('Veghel');
  await page.getByLabel('Grootte').selectOption({ index: 1 });
  await page.getByLabel('Hoofdsector').selectOption('C');
  await page.getByRole('button', { name: 'Bedrijf opslaan' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await ready(page, info);

  await page.getByRole('link', { name: 'Bedrijf wissen (einde programma)' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${name} wissen`);
  await ready(page, info);
  await expect(page.getByText('Het hele dossier verdwijnt')).toBeVisible();
  await expectAccessible(page, info);

  // A wrong confirmation is named, and nothing is erased.
  await page.getByLabel('Bevestiging').fill('Wisbedrijf');
  await page.getByRole('button', { name: 'Definitief wissen' }).click();
  await expect(page.locator('.error-summary')).toContainText("'Bevestiging' komt niet overeen");
  await expectAccessible(page, info);

  await page.getByLabel('Bevestiging').fill(name);
  await page.getByRole('button', { name: 'Definitief wissen' }).click();
  await expect(page.getByText('Het bedrijf en zijn dossier zijn gewist.')).toBeVisible();
  await open(page, info, `/companies?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole('link', { name })).toHaveCount(0);
  await logout(page, info);
});

test('an entrepreneur finds what they share with experts and how to erase their account', async ({ page }, info) => {
  await login(page, info, 'ondernemer@demo.datacoach.nl');
  await page.getByRole('link', { name: 'Wat je met experts deelt' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gedeeld met experts');
  await ready(page, info);
  await expect(page.getByText('Een expert ziet het 90 dagen')).toBeVisible();
  await expectAccessible(page, info);

  await open(page, info, '/');
  await page.getByRole('link', { name: 'Je account en je gegevens wissen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Je account wissen');
  await ready(page, info);
  await expect(page.getByText('ondernemer@demo.datacoach.nl', { exact: true })).toBeVisible();
  await expectAccessible(page, info);
  await page.getByRole('link', { name: 'Annuleren' }).click();
  await ready(page, info);
});
