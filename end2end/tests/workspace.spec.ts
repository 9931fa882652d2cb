import { test, expect, Page, TestInfo } from '@playwright/test';
import { COACH, ENTREPRENEUR, expectAccessible, jsEnabled, login, logout, open, ready } from './helpers';

// Demo companies of the workspace seed (app/src/coach/demo.rs): both coached by Sanne, both
// sharing their scans. The first has a T0 and a T1.
const JOURNEY_COMPANY = 'Bakkerij Van den Heuvel (demo)';
const JOURNEY_TOWN = 'Tilburg';
const NOJS_COMPANY = 'Metaalwerk Mulder (demo)';

/** A day from today as people here type it (dd-mm-jjjj). */
function inDays(n: number): string {
  const [y, m, d] = new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10).split('-');
  return `${d}-${m}-${y}`;
}

async function openCompany(page: Page, info: TestInfo, name: string) {
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await ready(page, info);
}

test('a coach prepares a visit, reports it and hands the company over to a colleague', async ({ page }, info) => {
  test.skip(!jsEnabled(info), 'the JavaScript journey; the no-JS report is below');
  // Every page of the journey must hydrate: a mismatch leaves forms working only as plain posts.
  const broken: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' && /hydrat/i.test(m.text())) broken.push(`${page.url()}: ${m.text().slice(0, 200)}`); });
  page.on('pageerror', (e) => broken.push(`${page.url()}: ${e.message}`));
  await login(page, info, COACH);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn bedrijven' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn bedrijven');
  await ready(page, info);
  await expectAccessible(page, info);

  // Filter the caseload on a municipality and a sort order.
  await page.getByLabel('Gemeente').selectOption(JOURNEY_TOWN);
  await page.getByLabel('Sorteren op').selectOption('-score');
  await page.getByRole('button', { name: 'Toon bedrijven' }).click();
  await expect(page).toHaveURL(/municipality=Tilburg/);
  await ready(page, info);
  const rows = page.locator('table.caseload tbody tr');
  await expect(rows.first()).toContainText(JOURNEY_TOWN);
  for (const town of await rows.locator('td:nth-child(2)').allTextContents()) expect(town).toBe(JOURNEY_TOWN);
  await openCompany(page, info, JOURNEY_COMPANY);
  await expectAccessible(page, info);

  // Review two answers of the latest shared scan.
  await page.getByRole('link', { name: /Scan T1 van .* beoordelen/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Beoordeling scan T1');
  await ready(page, info);
  await expectAccessible(page, info);
  const q7 = page.locator('#review-q7');
  await q7.getByLabel('Notitie bij deze vraag').fill('Waar staan de klantgegevens nu precies?');
  await q7.getByLabel('Navragen tijdens het bezoek').check();
  await q7.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Beoordeling van vraag q7 opgeslagen.' })).toBeVisible();
  await ready(page, info);

  const q8 = page.locator('#review-q8');
  const ownScore = await page.locator('tr.total td').first().textContent();
  await q8.getByText('Coachantwoord aanpassen').click();
  const open8 = q8.locator('input[name="q8"]:not(:checked)');
  if ((await open8.count()) > 0) await open8.first().check();
  else await q8.locator('input[name="q8"]').first().uncheck();
  await q8.getByLabel('Notitie bij deze vraag').fill('Back-ups worden niet getest.');
  await q8.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Beoordeling van vraag q8 opgeslagen.' })).toBeVisible();
  await expect(page.locator('#review-q8')).toContainText('Antwoord volgens de coach');
  await expect(page.locator('tr.total td').first()).toHaveText(ownScore ?? '');
  await expect(page.locator('tr.total td').nth(1)).not.toHaveText(ownScore ?? '');
  await ready(page, info);

  // Plan the visit and print its brief.
  await page.getByRole('link', { name: JOURNEY_COMPANY }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(JOURNEY_COMPANY);
  await ready(page, info);
  await page.locator('#visits').getByLabel('Datum van het bezoek').fill(inDays(7));
  await page.getByRole('button', { name: 'Bezoek plannen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bezoek van');
  await ready(page, info);
  const visitUrl = page.url();
  await page.getByRole('link', { name: 'Voorbereiding (A4)' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Voorbereiding bezoek ${JOURNEY_COMPANY}`);
  await ready(page, info);
  await expectAccessible(page, info);
  await expect(page.getByRole('region', { name: 'Na te vragen tijdens het bezoek' })).toContainText('Waar staan de klantgegevens nu precies?');
  await expect(page.getByRole('heading', { name: 'Drie zwakste dimensies' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Verandering sinds T0' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  expect(pages, 'the brief fits on one A4').toBe(1);
  await page.emulateMedia({ media: 'screen' });

  // Record the visit: saved as it is typed, an approach with its response, and an action.
  await page.goto(visitUrl);
  await ready(page, info);
  await expectAccessible(page, info);
  await page.getByLabel('Status').selectOption('done');
  await page.getByLabel('Aanwezigen').fill('Eigenaar en bedrijfsleider, Sanne');
  await page.getByLabel("Scenario's", { exact: true }).check();
  await page.getByRole('group', { name: "Reactie op Scenario's" }).getByLabel('Positief').check();
  await page.getByLabel('Verslag').fill('Scenario van een digitale orderstroom sloeg aan.');
  await expect(page.locator('.save-status')).toHaveText('Opgeslagen');
  await page.reload();
  await ready(page, info);
  await expect(page.getByLabel('Verslag')).toHaveValue('Scenario van een digitale orderstroom sloeg aan.');
  await expect(page.getByLabel("Scenario's", { exact: true })).toBeChecked();
  await page.getByText('Actie toevoegen').click();
  await page.getByLabel('Wat is er afgesproken?').fill('Twee offertes voor een orderportaal opvragen');
  await page.getByLabel('Wie doet het?').selectOption('entrepreneur');
  await page.getByLabel('Uiterlijk op').fill(inDays(30));
  await page.getByRole('button', { name: 'Actie vastleggen' }).click();
  await expect(page.locator('table.actions-table')).toContainText('Twee offertes voor een orderportaal opvragen');

  // Hand the company over to a colleague.
  await page.getByRole('link', { name: JOURNEY_COMPANY }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(JOURNEY_COMPANY);
  await ready(page, info);
  await page.getByText('Bedrijf overdragen').click();
  await page.locator('#coaches').getByLabel('Coach').selectOption({ label: 'Joris Bakker (demo)' });
  await page.getByLabel('Overdrachtsnotitie').fill('Sanne stopt; de eigenaar wil starten met een orderportaal.');
  await page.getByRole('button', { name: 'Overdragen', exact: true }).click();
  // Sanne no longer coaches the company: the page shows who does now, and her workspace is gone.
  const coaches = page.locator('#coaches');
  await expect(coaches.getByRole('heading', { name: 'Wie coacht dit bedrijf' })).toBeVisible();
  await expect(coaches).toContainText('Joris Bakker (demo)');
  await expect(page.locator('#timeline')).toHaveCount(0);
  await logout(page, info);

  // The colleague finds it, with its whole history, in their own caseload.
  await login(page, info, 'coach2@demo.datacoach.nl');
  await open(page, info, '/caseload?q=Van%20den%20Heuvel');
  await openCompany(page, info, JOURNEY_COMPANY);
  const timeline = page.locator('#timeline');
  await expect(timeline).toContainText('Overgedragen: Sanne de Vries (demo) → Joris Bakker (demo)');
  await expect(timeline).toContainText('Sanne stopt; de eigenaar wil starten met een orderportaal.');
  await expect(timeline).toContainText('Actie afgesproken: Twee offertes voor een orderportaal opvragen');
  await expect(timeline).toContainText('Bezoek afgerond op');
  await expect(timeline).toContainText('Scan T1 ingediend');
  expect(broken).toEqual([]);
});

test('a visit report is saved without JavaScript, and a missing response is named', async ({ page }, info) => {
  test.skip(jsEnabled(info), 'the no-JS report; the JavaScript journey is above');
  await login(page, info, COACH);
  await open(page, info, '/caseload?q=Mulder');
  await openCompany(page, info, NOJS_COMPANY);
  await page.locator('#visits').getByLabel('Datum van het bezoek').fill(inDays(3));
  await page.getByRole('button', { name: 'Bezoek plannen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bezoek van');

  await page.getByLabel('Verslag').fill('Verslag zonder JavaScript.');
  await page.getByLabel('Businesscase en verkoopargumenten', { exact: true }).check();
  await page.getByRole('button', { name: 'Verslag opslaan' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Kies bij elke aangevinkte aanpak hoe de ondernemer reageerde.');
  await expect(page.getByLabel('Verslag')).toHaveValue('Verslag zonder JavaScript.');

  await page.getByRole('group', { name: 'Reactie op Businesscase en verkoopargumenten' }).getByLabel('Neutraal').check();
  await page.getByRole('button', { name: 'Verslag opslaan' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel('Verslag')).toHaveValue('Verslag zonder JavaScript.');
  await expect(page.getByRole('group', { name: 'Reactie op Businesscase en verkoopargumenten' }).getByLabel('Neutraal')).toBeChecked();
});

test('a colleague asks to co-coach, the primary coach agrees, and the colleague steps back again', async ({ page }, info) => {
  // Two demo companies of Sanne that no other test touches: one per project (js, no-js).
  const company = jsEnabled(info) ? 'Kaasmakerij Hendriks (demo)' : 'Timmerfabriek De Graaf (demo)';
  const search = `/companies?q=${encodeURIComponent(company.replace(' (demo)', ''))}`;
  const JORIS = 'coach2@demo.datacoach.nl';

  // Joris does not coach it: he sees who does, nothing of the dossier, and asks to join.
  await login(page, info, JORIS);
  await open(page, info, search);
  await openCompany(page, info, company);
  const coaches = page.locator('#coaches');
  await expect(coaches.getByRole('heading', { name: 'Wie coacht dit bedrijf' })).toBeVisible();
  await expect(coaches).toContainText('Sanne de Vries (demo)');
  await expect(page.locator('#timeline')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Mensen van dit bedrijf' })).toHaveCount(0);
  await expect(page.getByText('Contactpersoon')).toHaveCount(0);
  await expectAccessible(page, info);
  await coaches.getByRole('button', { name: 'Vraag om co-coach te worden' }).click();
  await expect(coaches.getByRole('status')).toContainText('gevraagd om co-coach te worden');
  await logout(page, info);

  // Sanne, the primary coach, finds the request with the company's coaches and agrees.
  await login(page, info, COACH);
  await open(page, info, search);
  await openCompany(page, info, company);
  await expect(coaches).toContainText('Joris Bakker (demo), gevraagd op');
  await expectAccessible(page, info);
  await coaches.getByRole('button', { name: 'Joris Bakker (demo) toestaan als co-coach' }).click();
  await expect(coaches.getByRole('button', { name: 'Joris Bakker (demo) verwijderen als co-coach' })).toBeVisible();
  await expect(coaches).not.toContainText('gevraagd op');
  await logout(page, info);

  // Now the company is in Joris' caseload with its whole dossier; he can step back himself.
  await login(page, info, JORIS);
  await open(page, info, `/caseload?q=${encodeURIComponent(company.replace(' (demo)', ''))}`);
  await openCompany(page, info, company);
  await expect(page.locator('#timeline')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Mensen van dit bedrijf' })).toBeVisible();
  await coaches.getByRole('button', { name: 'Joris Bakker (demo) verwijderen als co-coach' }).click();
  await expect(coaches.getByRole('heading', { name: 'Wie coacht dit bedrijf' })).toBeVisible();
  await expect(page.locator('#timeline')).toHaveCount(0);
});

test('the entrepreneur sees who of the coaching organisation looked at their company', async ({ page }, info) => {
  const company = 'Bakkerij Van den Berg (demo)';
  await login(page, info, COACH);
  await open(page, info, '/companies?q=Van%20den%20Berg');
  await openCompany(page, info, company);
  await logout(page, info);

  await login(page, info, ENTREPRENEUR);
  await page.getByRole('link', { name: company }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(company);
  await ready(page, info);
  await page.getByRole('link', { name: 'Wie heeft je bedrijf bekeken?' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wie heeft je bedrijf bekeken?');
  await ready(page, info);
  const row = page.locator('table tbody tr').filter({ hasText: 'Sanne de Vries (demo)' }).first();
  await expect(row).toContainText('Dossier ingezien');
  await expect(row).toContainText('Coach');
  await expectAccessible(page, info);
});
