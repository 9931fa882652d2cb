import { test, expect } from '@playwright/test';
import { COACH, expectAccessible, jsEnabled, login, logout, open, ready } from './helpers';

test('a programme manager approves an expert, and a coach finds them by theme', async ({ page }, info) => {
  test.skip(!jsEnabled(info), 'the JavaScript journey; the no-JS profile form is below');
  await login(page, info, 'programma@demo.datacoach.nl');
  await open(page, info, '/experts?status=pending');
  await expectAccessible(page, info);
  await page.getByRole('link', { name: 'Iris de Groen (demo)' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Iris de Groen (demo)');
  await ready(page, info);
  await expect(page.getByText('Wacht op goedkeuring')).toBeVisible();
  await page.getByRole('button', { name: 'Goedkeuren' }).click();
  await expect(page.getByText('Goedgekeurd', { exact: true })).toBeVisible();
  await logout(page, info);

  await login(page, info, COACH);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Experts' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Experts');
  await ready(page, info);
  await page.getByLabel("Thema's").selectOption({ label: 'Duurzaam ondernemen' });
  await page.getByRole('button', { name: 'Toon experts' }).click();
  await expect(page).toHaveURL(/theme=sustainability/);
  await expect(page.getByRole('link', { name: 'Iris de Groen (demo)' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Daan Dashboard (demo)' })).toHaveCount(0);
  await expectAccessible(page, info);
});

test('an expert keeps their profile without JavaScript, and a missing theme is named', async ({ page }, info) => {
  test.skip(jsEnabled(info), 'the no-JS profile form; the JavaScript journey is above');
  await login(page, info, 'expert@demo.datacoach.nl');
  await open(page, info, '/expert-profile');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn expertprofiel');
  await page.getByLabel('Dashboards en rapportages').uncheck();
  await page.getByLabel('Datastrategie en -beleid').uncheck();
  await page.getByLabel('Korte omschrijving').fill('Dashboards die het team zelf bijhoudt');
  await page.getByRole('button', { name: 'Profiel opslaan' }).click();
  await expect(page.getByRole('alert')).toContainText("Thema's");
  await expect(page.getByLabel('Korte omschrijving')).toHaveValue('Dashboards die het team zelf bijhoudt');
  await expect(page.getByLabel('Datastrategie en -beleid')).not.toBeChecked();
  await page.getByLabel('Dashboards en rapportages').check();
  await page.getByRole('button', { name: 'Profiel opslaan' }).click();
  await expect(page.getByText('Wacht op goedkeuring')).toBeVisible();
  await expect(page.getByLabel('Korte omschrijving')).toHaveValue('Dashboards die het team zelf bijhoudt');
});

test('a coach recommends an expert, the entrepreneur contacts them and the e-mail is in the outbox', async ({ page }, info) => {
  test.skip(!jsEnabled(info), 'one journey with JavaScript; its forms are plain forms underneath');
  const company = 'Bakkerij Van den Berg (demo)';
  await login(page, info, COACH);
  await open(page, info, '/companies?q=Van%20den%20Berg');
  await page.getByRole('link', { name: company }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(company);
  await ready(page, info);
  const experts = page.locator('#experts');
  await experts.getByText('Expert aanbevelen', { exact: true }).click();
  await experts.getByLabel(/Daan Dashboard \(demo\)/).check();
  await experts.getByLabel('Verbetering op').selectOption({ label: 'Data en connectiviteit' });
  await experts.getByLabel('Waarom deze expert?').fill('Een dashboard voor omzet en voorraad.');
  await experts.getByRole('button', { name: 'Aanbevelen' }).click();
  await expect(page.getByText(/expert\(s\) aanbevolen/)).toBeVisible();
  await expectAccessible(page, info);
  await logout(page, info);

  await login(page, info, 'ondernemer@demo.datacoach.nl');
  await page.getByRole('link', { name: company }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(company);
  await ready(page, info);
  const recommended = page.locator('#experts');
  await expect(recommended).toContainText('Een dashboard voor omzet en voorraad.');
  await recommended.getByText('Daan Dashboard (demo) benaderen').click();
  await recommended.getByLabel('Je bericht aan de expert').fill('Kunnen we volgende week bellen over een dashboard?');
  await recommended.getByRole('button', { name: 'Expert benaderen' }).click();
  await expect(page.getByText('Je bericht is verstuurd.', { exact: false })).toBeVisible();
  await expect(page.locator('#timeline')).toContainText('Expert benaderd: Daan Dashboard (demo)');
  await expectAccessible(page, info);

  // What the expert sees: changed, renewed and withdrawn by the entrepreneur.
  await recommended.getByRole('link', { name: 'Bekijk of wijzig wat je met deze expert deelt' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gedeeld met experts');
  await ready(page, info);
  const share = page.locator('section.panel', { hasText: `Daan Dashboard (demo) · ${company}` }).first();
  await expect(share).toContainText('e-mailadres');
  await share.getByLabel('Telefoon contactpersoon').fill('013 555 0101');
  await share.getByRole('button', { name: 'Opslaan en 90 dagen delen' }).click();
  await expect(page.getByText('Je keuze is opgeslagen')).toBeVisible();
  await expect(page.locator('section.panel', { hasText: `Daan Dashboard (demo) · ${company}` }).first()).toContainText('telefoon 013 555 0101');
  await expectAccessible(page, info);
  await page.locator('section.panel', { hasText: `Daan Dashboard (demo) · ${company}` }).first().getByRole('button', { name: 'Alles intrekken' }).click();
  await expect(page.getByText('Ingetrokken: de expert ziet je gegevens niet meer.')).toBeVisible();
  await expect(page.locator('section.panel', { hasText: `Daan Dashboard (demo) · ${company}` }).first()).toContainText('niets');
  await logout(page, info);

  await login(page, info, 'admin@demo.datacoach.nl');
  await open(page, info, '/admin/outbox');
  const row = page.getByRole('row', { name: /expert@demo\.datacoach\.nl/ });
  await expect(row).toContainText('Een ondernemer wil contact: Bakkerij Van den Berg (demo)');
});
