import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ADMIN, COACH, login, logout, open } from './helpers';

function invitationLinkFromServerLog(): string {
  const log = readFileSync(resolve(__dirname, '../../target/e2e/server.log'), 'utf8');
  const links = log.match(/http:\/\/\S+\/invitation\/[0-9a-f]{64}/g) ?? [];
  expect(links.length).toBeGreaterThan(0);
  return links[links.length - 1];
}

// One journey: a coach invites an entrepreneur, the admin finds the e-mail in the outbox (with
// the link masked), the entrepreneur follows the link from the e-mail (here: the server's
// console, as without SMTP), chooses a password and lands in the portal.
test('a coach invites an entrepreneur who sets a password through the e-mailed link', async ({ page }, info) => {
  const email = `nieuw-${info.project.name}@bakkerij.example`;
  await login(page, info, COACH);
  await page.getByRole('link', { name: 'Bakkerij Van den Berg (demo)' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bakkerij Van den Berg (demo)');
  await open(page, info, page.url().replace(/^https?:\/\/[^/]+/, ''));
  // First a mistake: the form says what is wrong and keeps the name.
  await page.getByLabel('Naam').fill('Nina Nieuw');
  await page.getByLabel('E-mailadres').fill('geen-adres');
  await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Er is een probleem' })).toBeVisible();
  await expect(page.getByLabel('Naam')).toHaveValue('Nina Nieuw');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await expect(page.getByText('De uitnodiging is verstuurd.')).toBeVisible();
  await expect(page.getByRole('cell', { name: email })).toBeVisible();
  await logout(page, info);

  await login(page, info, ADMIN);
  await open(page, info, '/admin/outbox');
  await page.getByRole('row', { name: new RegExp(email) }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uitnodiging voor Datacoach');
  // The admin sees that the link went out, never the link itself: it is Nina's key.
  const body = await page.locator('pre.mail-body').innerText();
  expect(body).toMatch(/\/invitation\/••••••/);
  expect(body).not.toMatch(/\/invitation\/[0-9a-f]{64}/);
  await logout(page, info);
  // Without SMTP the server writes the e-mail to its console (its log here): that is where
  // the operator finds the link to hand over.
  const link = invitationLinkFromServerLog();

  await open(page, info, link.replace(/^https?:\/\/[^/]+/, ''));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welkom bij Datacoach');
  await page.getByLabel('Wachtwoord', { exact: true }).fill('een lange zin als wachtwoord');
  await page.getByLabel('Herhaal wachtwoord').fill('een lange zin als wachtwoord');
  await page.getByRole('button', { name: 'Wachtwoord opslaan en inloggen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welkom, Nina Nieuw');
  await expect(page.getByRole('heading', { name: 'Bakkerij Van den Berg (demo)' })).toBeVisible();
  await logout(page, info);

  // The link works once.
  await open(page, info, link.replace(/^https?:\/\/[^/]+/, ''));
  await expect(page.getByText('Deze link is al gebruikt.')).toBeVisible();
});
