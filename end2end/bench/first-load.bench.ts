import { test, expect, Browser, APIRequestContext } from '@playwright/test';
import http from 'node:http';
import { startFirstScan } from '../tests/helpers';

// The first load as a browser sees it, in one run against the release build:
//  - bytes of wasm + JS per page (raw, gzip, brotli),
//  - time until the page is hydrated on loopback and on throttled slow 4G (1.6 Mbit/s down,
//    750 kbit/s up, 150 ms latency) with the CPU slowed 4x, cache off,
//  - the p50 of a small static file over one kept-alive connection and over fresh ones.

const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const RUNS = 5;

type Throttle = 'loopback' | 'slow 4G, CPU 4x';

async function hydrate(browser: Browser, path: string, throttle: Throttle, storageState?: any) {
  const context = await browser.newContext({ storageState });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle !== 'loopback') {
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  const files = new Set<string>();
  page.on('request', (r) => {
    const p = new URL(r.url()).pathname;
    if (p.startsWith('/pkg/') && /\.(wasm|js)$/.test(p)) files.add(p);
  });
  const start = Date.now();
  await page.goto(path, { waitUntil: 'commit' });
  await page.waitForSelector('body[data-hydrated="true"]', { timeout: 120_000 });
  const ms = Date.now() - start;
  await context.close();
  return { ms, files: [...files] };
}

async function bytes(api: APIRequestContext, files: string[], encoding: string) {
  let total = 0;
  for (const f of files) {
    const res = await api.get(f, { headers: { 'accept-encoding': encoding } });
    total += Number(res.headers()['content-length'] ?? (await res.body()).length);
  }
  return total;
}

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeGets(base: string, path: string, n: number, keepAlive: boolean): Promise<number[]> {
  const agent = new http.Agent({ keepAlive, maxSockets: 1 });
  const times: number[] = [];
  const one = () =>
    new Promise<void>((done, fail) => {
      const t = process.hrtime.bigint();
      http
        .get(base + path, { agent }, (res) => {
          res.resume();
          res.on('end', () => {
            times.push(Number(process.hrtime.bigint() - t) / 1e6);
            done();
          });
        })
        .on('error', fail);
    });
  return (async () => {
    for (let i = 0; i < n; i++) await one();
    agent.destroy();
    return times;
  })();
}

test('first load: bytes, time to interactive, kept-alive latency', async ({ browser, page, request, baseURL }) => {
  // A signed-in entrepreneur with a scan step open, as in delivery.spec.ts.
  const step = await startFirstScan(page, test.info());
  const signedIn = await page.context().storageState();

  const rows: string[] = [];
  rows.push('| page | files | raw | gzip | brotli | hydrated, loopback (p50) | hydrated, slow 4G + CPU 4x (p50) |');
  rows.push('|---|---|---|---|---|---|---|');
  for (const [name, path, state] of [
    ['login', '/login', undefined],
    ['portal home', '/', signedIn],
    ['scan step', step, signedIn],
  ] as const) {
    const fast: number[] = [];
    const slow: number[] = [];
    let files: string[] = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await hydrate(browser, path, 'loopback', state);
      fast.push(r.ms);
      files = r.files;
    }
    for (let i = 0; i < 3; i++) slow.push((await hydrate(browser, path, 'slow 4G, CPU 4x', state)).ms);
    const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
    rows.push(
      `| ${name} | ${files.length} | ${kb(await bytes(request, files, 'identity'))} | ${kb(await bytes(request, files, 'gzip'))} | ${kb(await bytes(request, files, 'br'))} | ${median(fast)} ms | ${(median(slow) / 1000).toFixed(2)} s |`,
    );
  }
  const keptAlive = await timeGets(baseURL!, '/favicon.svg', 500, true);
  const fresh = await timeGets(baseURL!, '/favicon.svg', 200, false);
  rows.push('');
  rows.push('| small static file (/favicon.svg) | p50 | requests |');
  rows.push('|---|---|---|');
  rows.push(`| one kept-alive connection | ${median(keptAlive).toFixed(2)} ms | ${keptAlive.length} |`);
  rows.push(`| a new connection per request | ${median(fresh).toFixed(2)} ms | ${fresh.length} |`);
  console.log('\n' + rows.join('\n') + '\n');
});
