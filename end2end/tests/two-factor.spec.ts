import { test, expect } from '@playwright/test';
import { PASSWORD, attemptLogin, enterCode, expectAccessible, freshCode, login, logout, open, ready } from './helpers';

// One journey, with JavaScript on and off: a coach sets up the second factor (optional for
// coaches), logs in with a code, uses a recovery code once, and turns the factor off again so
// the other journeys find the account as the demo left it.
const COACH2 = 'coach2@demo.datacoach.nl';

test('a coach sets up a second factor, logs in with a code and uses a recovery code once', async ({ page }, info) => {
  // Codes are taken once per 30-second step: the journey may wait for the next one.
  test.setTimeout(150_000);
  await login(page, info, COACH2);
  await page.locator('.user-menu > summary').click();
  await page.getByRole('link', { name: 'Tweede factor', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inloggen met een tweede factor');
  await ready(page, info);
  await expect(page.getByRole('img', { name: 'QR-code om te scannen met je authenticator-app' })).toBeVisible();
  await expect(page.locator('code.uri')).toContainText('otpauth://totp/Datacoach:');
  const secret = (await page.locator('code.secret').innerText()).replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expect(page.getByLabel('Code', { exact: true })).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(page.getByLabel('Code', { exact: true })).toHaveAttribute('inputmode', 'numeric');
  await expectAccessible(page, info);

  // A wrong first code: the form says so, beside the field and in the summary.
  await page.getByLabel('Code', { exact: true }).fill('000000');
  await page.getByRole('button', { name: 'Tweede factor aanzetten' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
  await expect(summary.getByRole('link', { name: /Deze code klopt niet/ })).toHaveAttribute('href', '#code');
  await ready(page, info);
  await page.getByLabel('Code', { exact: true }).fill(await freshCode(secret));
  await page.getByRole('button', { name: 'Tweede factor aanzetten' }).click();
  await expect(page.getByRole('heading', { name: 'Je herstelcodes' })).toBeVisible();
  const codes = await page.locator('.recovery-codes__list code').allInnerTexts();
  expect(codes).toHaveLength(10);
  for (const c of codes) expect(c).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  await expect(page.getByText('Je tweede factor staat aan.')).toBeVisible();
  await logout(page, info);

  // The password alone is not enough any more; the code from the app is.
  await login(page, info, COACH2, PASSWORD, secret);
  await logout(page, info);

  // A recovery code works once.
  await attemptLogin(page, info, COACH2, PASSWORD);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inloggen: je code');
  await ready(page, info);
  await page.getByRole('link', { name: 'Een herstelcode gebruiken' }).click();
  await expect(page.getByText('Typ een van je herstelcodes')).toBeVisible();
  await ready(page, info);
  await expect(page.getByLabel('Code', { exact: true })).toHaveAttribute('inputmode', 'text');
  await page.getByLabel('Code', { exact: true }).fill(codes[0]);
  await page.getByRole('button', { name: 'Code controleren' }).click();
  await expect(page.locator('.user-menu > summary')).toBeVisible();
  await logout(page, info);

  await attemptLogin(page, info, COACH2, PASSWORD);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inloggen: je code');
  await ready(page, info);
  await page.getByLabel('Code', { exact: true }).fill(codes[0]);
  await page.getByRole('button', { name: 'Code controleren' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Deze code klopt niet' })).toBeVisible();
  await ready(page, info);
  await page.getByLabel('Code', { exact: true }).fill(codes[1].toUpperCase());
  await page.getByRole('button', { name: 'Code controleren' }).click();
  await expect(page.locator('.user-menu > summary')).toBeVisible();

  // Back as the demo left it: the factor off, with a current code.
  await open(page, info, '/account/two-factor');
  await expect(page.getByText('Je hebt nog 8 ongebruikte herstelcodes.')).toBeVisible();
  await page.getByRole('link', { name: 'Tweede factor uitzetten' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Tweede factor uitzetten' })).toBeVisible();
  await ready(page, info);
  await page.getByLabel('Code', { exact: true }).fill(codes[2]);
  await page.getByRole('button', { name: 'Tweede factor uitzetten' }).click();
  await expect(page.getByText('Je tweede factor staat uit.')).toBeVisible();
  await logout(page, info);
  await login(page, info, COACH2);
  await logout(page, info);
});
