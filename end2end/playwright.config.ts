import { defineConfig } from '@playwright/test';

// The app is served from a debug build on its own port with a fresh SQLite database and
// the demo data. Chromium is Debian's: Playwright never downloads a browser here.
const port = 3100;
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // An English browser: the app must still answer in Dutch.
    locale: 'en-GB',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: chromiumArgs },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'js', use: { javaScriptEnabled: true } },
    { name: 'no-js', use: { javaScriptEnabled: false } },
  ],
  webServer: {
    command: `rm -rf target/e2e && mkdir -p target/e2e && exec ./target/debug/server`,
    cwd: '..',
    url: `http://127.0.0.1:${port}/login`,
    timeout: 60_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      DATACOACH_DATABASE_URL: 'sqlite://target/e2e/e2e.sqlite?mode=rwc',
      DATACOACH_SEED_DEMO: 'true',
      DATACOACH_LISTEN: `127.0.0.1:${port}`,
      DATACOACH_BASE_URL: `http://127.0.0.1:${port}`,
      RUST_LOG: 'warn',
    },
  },
});
