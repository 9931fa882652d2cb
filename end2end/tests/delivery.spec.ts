import { test, expect, Browser, BrowserContext, APIRequestContext, Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ENTREPRENEUR, login, startFirstScan } from './helpers';

// How the app reaches the browser: bundles precompressed and cached for a year, pages of a
// signed-in user never stored, and the entrepreneur's first load within its budget.

/**
 * The first load of wasm + JS per page, brotli bytes. The goal (issue #9) is 250 KB for each of
 * these pages; today's split gets the login page and the portal home closer but not there
 * (README, "Delivery and first load"). These limits stop any growth past today's sizes (plus
 * a few per cent) while the goal stays in sight.
 */
const FIRST_LOAD_GOAL = 250_000;
const FIRST_LOAD_LIMIT: Record<string, number> = {
  // Today's sizes plus about 3 % (2026-11-30, after #11: 388, 340 and 503 KB brotli; the main
  // module is back to 237 KB from the 293 KB of the #10 round).
  login: 400_000,
  'portal home': 350_000,
  'scan step': 518_000,
};

/** Messages of the browser about the Content-Security-Policy blocking something on `page`. */
function watchPolicy(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
  });
  return violations;
}

/** Every policy violation seen while measuring first loads (expected: none). */
const firstLoadViolations: string[] = [];

/** The /pkg files (wasm, JS) a fresh browser loads for `path` until the page is interactive. */
async function firstLoad(browser: Browser, path: string, storageState?: any): Promise<string[]> {
  const context: BrowserContext = await browser.newContext({ storageState });
  const page = await context.newPage();
  const violations = watchPolicy(page);
  const files = new Set<string>();
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/pkg/') && /\.(wasm|js)$/.test(url.pathname)) files.add(url.pathname);
  });
  await page.goto(path);
  await page.waitForSelector('body[data-hydrated="true"]');
  await page.waitForLoadState('networkidle');
  firstLoadViolations.push(...violations);
  await context.close();
  return [...files].sort();
}

/** Bytes on the wire for `file` with the given encoding, and the headers it came with. */
async function sizeOf(api: APIRequestContext, file: string, encoding: string) {
  const res = await api.get(file, { headers: { 'accept-encoding': encoding } });
  expect(res.status(), file).toBe(200);
  const headers = res.headers();
  return { bytes: Number(headers['content-length'] ?? (await res.body()).length), headers };
}

test('bundles arrive precompressed with brotli or gzip and are cached for a year', async ({ page, request }) => {
  await page.goto('/login');
  await page.waitForSelector('body[data-hydrated="true"]');
  const assets = await page.evaluate(() =>
    [...document.querySelectorAll('link[rel=modulepreload], link[rel=preload], link[rel=stylesheet]')]
      .map((l) => new URL((l as HTMLLinkElement).href).pathname)
      .filter((p) => p.startsWith('/pkg/')),
  );
  expect(assets.some((a) => a.endsWith('.wasm'))).toBeTruthy();
  expect(assets.some((a) => a.endsWith('.js'))).toBeTruthy();
  expect(assets.some((a) => a.endsWith('.css'))).toBeTruthy();
  for (const asset of assets) {
    // Hashed file names: the content never changes under a name.
    expect(asset).toMatch(/\.[A-Za-z0-9_-]{8,}\.(wasm|js|css)$/);
    for (const encoding of ['br', 'gzip']) {
      const { headers } = await sizeOf(request, asset, encoding);
      expect(headers['content-encoding'], `${asset} as ${encoding}`).toBe(encoding);
      expect(headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(headers['vary'] ?? '').toMatch(/accept-encoding/i);
    }
  }
});

test('pages and answers of a signed-in user are never stored; pages are compressed', async ({ page, request }) => {
  const anonymous = await request.get('/login', { headers: { 'accept-encoding': 'gzip' } });
  expect(anonymous.headers()['cache-control']).toBe('no-cache');
  expect(anonymous.headers()['content-encoding']).toBe('gzip');

  const info = test.info();
  await login(page, info, ENTREPRENEUR);
  const home = await page.request.get('/', { headers: { 'accept-encoding': 'br' } });
  expect(home.headers()['cache-control']).toBe('no-store');
  expect(home.headers()['content-encoding']).toBe('br');
  const me = await page.request.post('/api/me', { form: {}, headers: { origin: new URL(page.url()).origin } });
  expect(me.status()).toBe(200);
  expect(me.headers()['cache-control']).toBe('no-store');
});

test('the entrepreneur\'s first load of wasm and JavaScript does not grow', async ({ browser, page, request }) => {
  const info = test.info();
  // A scan step: the demo entrepreneur starts their first scan.
  const step = await startFirstScan(page, info);
  const signedIn = await page.context().storageState();

  const report: Record<string, any> = {};
  for (const [name, path, state] of [
    ['login', '/login', undefined],
    ['portal home', '/', signedIn],
    ['scan step', step, signedIn],
  ] as const) {
    const files = await firstLoad(browser, path, state);
    let raw = 0, gzip = 0, br = 0;
    for (const f of files) {
      raw += (await sizeOf(request, f, 'identity')).bytes;
      gzip += (await sizeOf(request, f, 'gzip')).bytes;
      br += (await sizeOf(request, f, 'br')).bytes;
    }
    report[name] = { path, files: files.length, raw, gzip, br, goal: FIRST_LOAD_GOAL, limit: FIRST_LOAD_LIMIT[name] };
  }
  // The figures of this run, for whoever looks at a failure.
  mkdirSync(resolve(__dirname, '../../target/e2e'), { recursive: true });
  writeFileSync(resolve(__dirname, '../../target/e2e/first-load.json'), JSON.stringify(report, null, 2));
  expect(firstLoadViolations, 'no Content-Security-Policy violation on these pages').toEqual([]);
  for (const [name, r] of Object.entries(report)) {
    expect(r.files, `${name} loads the app`).toBeGreaterThan(1);
    expect(r.br, `${name}: first load in brotli bytes`).toBeLessThanOrEqual(r.limit);
  }
});

test('pages run under a nonce-based Content-Security-Policy without a single violation', async ({ page }) => {
  const info = test.info();
  const violations = watchPolicy(page);
  const res = await page.goto('/login');
  const csp = res!.headers()['content-security-policy'];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=_-]{16,}' 'wasm-unsafe-eval'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  await page.waitForSelector('body[data-hydrated="true"]');
  // Signed in, through the portal to the company (the scan steps are checked by the
  // first-load test above, which watches the policy on each page it loads).
  await login(page, info, ENTREPRENEUR);
  await page.getByRole('link', { name: 'Bakkerij Van den Berg (demo)' }).first().click();
  await page.waitForSelector('body[data-hydrated="true"]');
  await page.waitForLoadState('networkidle');
  expect(violations).toEqual([]);
});
