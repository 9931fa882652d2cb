import { APIRequestContext, Page, TestInfo, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { createHmac } from 'node:crypto';

export const PASSWORD = 'demo-wachtwoord-2026';
export const COACH = 'coach@demo.datacoach.nl';
export const ADMIN = 'admin@demo.datacoach.nl';
export const PM = 'programma@demo.datacoach.nl';
export const ENTREPRENEUR = 'ondernemer@demo.datacoach.nl';

/** The demo admin's and programme manager's TOTP secret (`db::seed::DEMO_TOTP_SECRET`): their
 * roles need a second factor, so every login of theirs types a code computed from it. */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPDATACOACHDEMO234';
const DEMO_FACTOR: Record<string, string> = { [ADMIN]: DEMO_TOTP_SECRET, [PM]: DEMO_TOTP_SECRET };

function base32Decode(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of text.replace(/[\s=]/g, '').toUpperCase()) {
    const i = alphabet.indexOf(ch);
    if (i < 0) throw new Error(`not base32: ${ch}`);
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 4226/6238: the six-digit code of a time step (unix seconds / 30), HMAC-SHA1. */
export function totpAt(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const h = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const o = h[h.length - 1] & 0x0f;
  const bin = ((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3];
  return String(bin % 1_000_000).padStart(6, '0');
}

const lastStep = new Map<string, number>();

/** A code the server accepts now and this process has not used yet. The server takes each
 * time step once and allows one step of clock skew either way, so up to three logins fit in
 * 30 s; after that this waits for the next step, as a person would. (Another worker process
 * may have used a step too: the callers retry with the next one.) */
export async function freshCode(secret: string): Promise<string> {
  for (;;) {
    const now = Date.now() / 1000;
    const step = Math.floor(now / 30);
    const earliest = Math.max(step - 1, (lastStep.get(secret) ?? -Infinity) + 1);
    if (earliest <= step + 1) {
      lastStep.set(secret, earliest);
      return totpAt(secret, earliest);
    }
    await new Promise((r) => setTimeout(r, ((earliest - 1) * 30 - now) * 1000 + 500));
  }
}

/** The login's second step on the page: types a fresh code until the server takes one. */
export async function enterCode(page: Page, info: TestInfo, secret: string) {
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen: je code' })).toBeVisible();
  for (let attempt = 0; attempt < 4; attempt++) {
    await ready(page, info);
    await page.getByLabel('Code', { exact: true }).fill(await freshCode(secret));
    const [answer] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/login_code'),
      page.getByRole('button', { name: 'Code controleren' }).click(),
    ]);
    // With JavaScript the answer is 200 or 422; without, a redirect onward or back here.
    const location = answer.headers()['location'] ?? '';
    if (answer.status() < 300 || (answer.status() < 400 && !location.includes('/login/code'))) return;
  }
  throw new Error('no code was accepted');
}

/** The same step for a request context (the cold-server check signs in without a page). */
export async function codeStepApi(ctx: APIRequestContext, email: string) {
  const secret = DEMO_FACTOR[email];
  if (!secret) return;
  for (let attempt = 0; attempt < 4; attempt++) {
    const res = await ctx.post('/api/login_code', { form: { code: await freshCode(secret) }, maxRedirects: 0 });
    const location = res.headers()['location'] ?? '';
    if (res.status() < 400 && !location.includes('/login/code')) return;
  }
  throw new Error(`no code was accepted for ${email}`);
}

export function jsEnabled(info: TestInfo): boolean {
  return info.project.use.javaScriptEnabled !== false;
}

/** Opens a page and, with JavaScript on, waits until the app has hydrated (a click before is lost). */
export async function open(page: Page, info: TestInfo, path: string) {
  await page.goto(path);
  await ready(page, info);
}

export async function ready(page: Page, info: TestInfo) {
  if (jsEnabled(info)) {
    await page.waitForSelector('body[data-hydrated="true"]');
  } else {
    await page.waitForLoadState('domcontentloaded');
  }
}

/** Fills in and sends the login form. */
export async function attemptLogin(page: Page, info: TestInfo, email: string, password: string) {
  await open(page, info, '/login');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

/** Logs in (with the demo code for the admin and the programme manager, or `secret`'s) and
 * waits until the user menu shows the user is signed in. */
export async function login(page: Page, info: TestInfo, email: string, password = PASSWORD, secret?: string) {
  await attemptLogin(page, info, email, password);
  const factor = secret ?? DEMO_FACTOR[email];
  if (factor) await enterCode(page, info, factor);
  await expect(page.locator('.user-menu > summary')).toBeVisible();
  await ready(page, info);
}

export async function logout(page: Page, info: TestInfo) {
  await ready(page, info);
  // "Uitloggen" is in the menu under the user's name (a <details>, also without JavaScript).
  await page.locator('.user-menu > summary').click();
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
}

/** No serious or critical WCAG 2.1 A/AA violations on the current page. axe runs as a script
 * in the page, so it checks the JavaScript project; the no-JS project renders the same HTML. */
export async function expectAccessible(page: Page, info: TestInfo) {
  if (!jsEnabled(info)) return;
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** From the home page, opens `company` and starts its scan (consent first); ends on step 1. */
export async function startScan(page: Page, info: TestInfo, company: string) {
  await page.getByRole('link', { name: company }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(company);
  await ready(page, info);
  await page.getByRole('button', { name: 'Keuze opslaan' }).click();
  await expect(page.getByRole('button', { name: 'Scan starten' })).toBeVisible();
  await ready(page, info);
  await page.getByRole('button', { name: 'Scan starten' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stap 1 van 6: Digitale bedrijfsstrategie');
  await ready(page, info);
}

/** The demo entrepreneur starts the first scan of their bakery; returns the first step's path. */
export async function startFirstScan(page: Page, info: TestInfo): Promise<string> {
  await login(page, info, ENTREPRENEUR);
  await startScan(page, info, 'Bakkerij Van den Berg (demo)');
  return new URL(page.url()).pathname;
}
