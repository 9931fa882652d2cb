import { test, expect } from '@playwright/test';
import { COACH, ENTREPRENEUR, ADMIN, attemptLogin, expectAccessible, login, logout, open, ready } from './helpers';

test('the login page is Dutch for an English browser and accessible', async ({ page }, info) => {
  await open(page, info, '/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inloggen');
  await expect(page).toHaveTitle('Inloggen - Datacoach');
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Direct naar de inhoud' })).toBeAttached();
  await expectAccessible(page, info);
});

test('a coach logs in, reaches the workspace and logs out', async ({ page }, info) => {
  await login(page, info, COACH);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welkom, Sanne de Vries (demo)');
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Bedrijven', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Bakkerij Van den Berg (demo)' })).toBeVisible();
  await expectAccessible(page, info);
  await logout(page, info);
  await expect(page.getByText('Je bent uitgelogd.')).toBeVisible();
  // The session is gone: the workspace sends us back to the login page.
  await page.goto('/companies');
  await expect(page).toHaveURL(/\/login\?next=/);
});

test('a wrong password gets an error summary, a message at the field, and keeps the e-mail', async ({ page }, info) => {
  await attemptLogin(page, info, COACH, 'dit is niet het wachtwoord');
  const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Het e-mailadres of het wachtwoord klopt niet.' })).toHaveAttribute('href', '#email');
  await expect(page.getByLabel('E-mailadres')).toHaveValue(COACH);
  await expect(page.getByLabel('E-mailadres')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, info);
});

test('an entrepreneur and an admin each reach their own home page', async ({ page }, info) => {
  await login(page, info, ENTREPRENEUR);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welkom, Eva van den Berg (demo)');
  await expect(page.getByRole('heading', { name: 'Bakkerij Van den Berg (demo)' })).toBeVisible();
  await logout(page, info);
  await login(page, info, ADMIN);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welkom, Anouk Admin (demo)');
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'E-mails' })).toBeVisible();
  await logout(page, info);
});

test('English is one click away and remembered', async ({ page }, info) => {
  await open(page, info, '/login');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log in');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await ready(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log in');
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inloggen');
});
