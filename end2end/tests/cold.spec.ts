import { test, expect, request, APIRequestContext } from '@playwright/test';
import { ADMIN, COACH, ENTREPRENEUR, PASSWORD, PM, codeStepApi } from './helpers';

// Runs first, on the server as it just started: every page, as every kind of visitor,
// answers without a server error. (server-log.spec.ts checks afterwards that nothing panicked.)

const VISITORS = [null, ENTREPRENEUR, COACH, PM, 'expert@demo.datacoach.nl', ADMIN];

async function visitor(baseURL: string, email: string | null): Promise<APIRequestContext> {
  // A browser names the page's origin on every POST; the server refuses posts without it.
  const origin = new URL(baseURL).origin;
  const ctx = await request.newContext({ baseURL, extraHTTPHeaders: { accept: 'text/html', origin } });
  if (email) {
    const res = await ctx.post('/api/login', { form: { email, password: PASSWORD }, maxRedirects: 0 });
    expect(res.status(), `login of ${email}`).toBeLessThan(400);
    await codeStepApi(ctx, email);
  }
  return ctx;
}

/** The first link on `path` whose address matches `pattern`, e.g. a company's page. */
async function firstLink(ctx: APIRequestContext, path: string, pattern: RegExp): Promise<string> {
  const html = await (await ctx.get(path)).text();
  const m = html.match(pattern);
  expect(m, `a link matching ${pattern} on ${path}`).not.toBeNull();
  return m![0];
}

test('every page answers every visitor without a server error on a cold server', async ({ baseURL }) => {
  const coach = await visitor(baseURL!, COACH);
  const admin = await visitor(baseURL!, ADMIN);
  const company = await firstLink(coach, '/caseload', /\/companies\/\d+/);
  const visit = await firstLink(coach, company, /\/visits\/\d+/);
  const scan = await firstLink(coach, `${company}/scans`, /\/scans\/\d+/);
  const expert = await firstLink(coach, '/experts', /\/experts\/\d+/);
  const outbox = await (await admin.get('/admin/outbox')).text();
  const mail = outbox.match(/\/admin\/outbox\/\d+/)?.[0] ?? '/admin/outbox/1';
  const pages = [
    '/', '/login', '/login/code', '/login/code?recovery=1', '/account/two-factor',
    '/account/two-factor?do=new-codes', '/account/two-factor?do=disable', '/forgot-password', '/reset-password/not-a-token', '/invitation/not-a-token',
    '/companies', '/companies/new', company, `${company}/scans`, `${company}/profile`,
    scan, `${scan}/step/1`, `${scan}/step/99`, `${scan}/review`, `${scan}/coach`,
    '/caseload', '/caseload?page=99999&sort=score', '/actions', visit, `${visit}/brief`,
    '/t-profile', '/handover', '/experts', expert, '/expert-profile', '/my-engagements',
    '/leads', '/my-leads', '/admin/users', '/admin/users/invite', '/admin/outbox', mail,
    '/admin/organisations', '/companies/abc', '/bestaat-niet',
    '/shares', '/account/erase', `${company}/erase`, '/admin/users/1/erase', '/admin/users/abc/erase', '/audit',
  ];
  for (const email of VISITORS) {
    const ctx = await visitor(baseURL!, email);
    for (const path of pages) {
      const res = await ctx.get(path, { maxRedirects: 0 });
      expect(res.status(), `${email ?? 'anonymous'} ${path}`).toBeLessThan(500);
    }
    await ctx.dispose();
  }
});
