import { test, expect, Page, TestInfo } from '@playwright/test';
import { expectAccessible, jsEnabled, login, logout, open, ready, startScan } from './helpers';

// The worked example of the reference (shared/reference/dma-sme-scan.md): overall 39.24.
const ANSWERS: Record<string, any> = {
  q1: { invested: ['design', 'planning', 'operations', 'admin'], planned: ['marketing', 'delivery', 'purchasing'] },
  q2: ['needs_aligned', 'finance', 'it_ready', 'ict_staff', 'management'],
  q3: ['connectivity', 'website', 'webforms', 'chat_social', 'ecommerce', 'emarketing'],
  q4: { simulation: 0, vr_ar: 1, cad_cam: 2, mes: 0, iot: 4, blockchain: 0, additive: 1 },
  q5: ['skills_gap', 'training_plan', 'short_training'],
  q6: ['awareness', 'communication', 'acceptance', 'codesign'],
  q7: ['policy', 'stored', 'integrated', 'realtime'],
  q8: ['security_policy', 'customer_data', 'staff_training'],
  q9: { nlp: 1, vision: 0, audio: 0, robotics: 2, bi: 3 },
  q10: ['business_model', 'services'],
  q11: { strategy: 'yes', ems: 'partly', procurement: 'no', energy_use: 'no', recycling: 'partly' },
};
const STEPS = [['q1', 'q2'], ['q3', 'q4'], ['q5', 'q6'], ['q7', 'q8'], ['q9'], ['q10', 'q11']];

async function answer(page: Page, q: string) {
  const a = ANSWERS[q];
  if (Array.isArray(a)) {
    for (const opt of a) await page.locator(`input[name="${q}"][value="${opt}"]`).check();
  } else if (q === 'q1') {
    for (const row of a.invested) await page.locator(`input[name="q1.invested"][value="${row}"]`).check();
    for (const row of a.planned) await page.locator(`input[name="q1.planned"][value="${row}"]`).check();
  } else {
    for (const [row, v] of Object.entries(a)) await page.locator(`select[name="${q}.${row}"]`).selectOption(String(v));
  }
}

async function saved(page: Page, info: TestInfo) {
  if (jsEnabled(info)) await expect(page.locator('.save-status')).toHaveText('Opgeslagen');
}

test('an entrepreneur fills in the scan, finds answers back after a reload, submits and starts T1', async ({ page }, info) => {
  test.skip(!jsEnabled(info), 'the JavaScript journey; the no-JS journey is below');
  await login(page, info, 'metaal@demo.datacoach.nl');
  await startScan(page, info, 'Metaalbewerking Yilmaz (demo)');
  await expectAccessible(page, info);

  // Half the scan, saved as it is given.
  for (let i = 0; i < 3; i++) {
    for (const q of STEPS[i]) await answer(page, q);
    await saved(page, info);
    if (i < 2) {
      await page.getByRole('button', { name: 'Opslaan en verder' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText(`Stap ${i + 2} van 6`);
      await ready(page, info);
    }
  }
  await expect(page.getByText('6 van 11 vragen beantwoord (54%)')).toBeVisible();
  // A reload loses nothing: the answers of step 3 were saved without pressing a button.
  await page.reload();
  await ready(page, info);
  for (const opt of ANSWERS.q5) await expect(page.locator(`input[name="q5"][value="${opt}"]`)).toBeChecked();
  await expect(page.locator('input[name="q5"][value="traineeships"]')).not.toBeChecked();
  await page.getByRole('button', { name: 'Opslaan en verder' }).click();

  for (let i = 3; i < 6; i++) {
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`Stap ${i + 1} van 6`);
    await ready(page, info);
    for (const q of STEPS[i]) await answer(page, q);
    await saved(page, info);
    await page.getByRole('button', { name: i < 5 ? 'Opslaan en verder' : 'Opslaan en controleren' }).click();
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Controleer je antwoorden');
  await expect(page.getByText('Nog niet beantwoord', { exact: true })).toHaveCount(0);
  await expectAccessible(page, info);
  await ready(page, info);
  await page.getByRole('button', { name: 'Scan afronden' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Resultaten van de digitale-volwassenheidsscan');
  await expect(page.locator('.score-summary__number')).toContainText('39,2');
  await expect(page.locator('.score-summary__band')).toHaveText('Gemiddeld');
  await expect(page.getByRole('img', { name: 'Scores per dimensie (0 tot 100)' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Scores per dimensie' });
  await expect(table.getByRole('row')).toHaveCount(7);
  await expect(table.getByRole('row', { name: /Data en connectiviteit/ })).toContainText('53,6');
  await expectAccessible(page, info);

  // A new round is pre-filled with these answers, to confirm or change.
  await page.getByRole('link', { name: 'Metaalbewerking Yilmaz (demo)' }).click();
  await ready(page, info);
  await page.getByRole('button', { name: 'Nieuwe scan starten (T1)' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stap 1 van 6: Digitale bedrijfsstrategie');
  await expect(page.getByText('Overgenomen uit je vorige scan').first()).toBeVisible();
  await expect(page.locator('input[name="q1.invested"][value="design"]')).toBeChecked();
  await expect(page.locator('input[name="q2"][value="management"]')).toBeChecked();
  await logout(page, info);
});

test('a scan step is saved and moves on without JavaScript', async ({ page }, info) => {
  test.skip(jsEnabled(info), 'the plain-HTML path');
  await login(page, info, 'transport@demo.datacoach.nl');
  await startScan(page, info, 'Janssen Transport (demo)');
  // Module 1: the company profile, checked and completed from the first step.
  await page.getByRole('link', { name: 'Bedrijfsprofiel controleren' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bedrijfsprofiel');
  await expect(page.getByLabel('Bedrijfsnaam')).toHaveValue('Janssen Transport (demo)');
  await page.getByLabel('Naam contactpersoon').fill('Linda Janssen');
  await page.getByLabel('E-mailadres contactpersoon').fill('linda@janssen.example');
  await page.getByRole('button', { name: 'Gegevens opslaan' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stap 1 van 6: Digitale bedrijfsstrategie');
  await answer(page, 'q2');
  await page.locator('input[name="q1"][value="__none"]').check();
  await page.getByRole('button', { name: 'Opslaan en verder' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stap 2 van 6: Digitale gereedheid');
  await expect(page.getByText('2 van 11 vragen beantwoord (18%)')).toBeVisible();
  await page.getByRole('button', { name: 'Vorige stap' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stap 1 van 6: Digitale bedrijfsstrategie');
  await expect(page.locator('input[name="q2"][value="finance"]')).toBeChecked();
  await expect(page.locator('input[name="q1"][value="__none"]')).toBeChecked();
  await open(page, info, '/');
  await logout(page, info);
});
