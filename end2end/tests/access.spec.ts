import { test, expect } from '@playwright/test';
import { ENTREPRENEUR, login, logout, open } from './helpers';

test('after login a visitor returns to the page they asked for', async ({ page }, info) => {
  await page.goto('/companies');
  await expect(page).toHaveURL(/\/login\?next=%2F|\/login\?next=\/companies/);
  await page.getByLabel('E-mailadres').fill('coach@demo.datacoach.nl');
  await page.getByLabel('Wachtwoord', { exact: true }).fill('demo-wachtwoord-2026');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(/\/companies$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bedrijven');
  await logout(page, info);
});

test('an entrepreneur gets no access to admin pages or to another company', async ({ page }, info) => {
  await login(page, info, ENTREPRENEUR);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welkom');
  const own = await page.getByRole('heading', { name: 'Bakkerij Van den Berg (demo)' }).getByRole('link').getAttribute('href');
  const ownId = Number(own!.split('/').pop());
  const res = await page.goto('/admin/users');
  expect(res!.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Geen toegang');
  for (const id of [ownId + 1, ownId + 2]) {
    const r = await page.goto(`/companies/${id}`);
    expect(r!.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
  }
  await open(page, info, '/');
  await logout(page, info);
});
