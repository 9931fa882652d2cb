import { defineConfig } from '@playwright/test';

// The app is served from the release build (what `make run` serves) on its own port with a
// fresh SQLite database and the demo data; its output and log go to target/e2e/server.log, which
// the invitation journey reads for its link and the last test reads for panics. Chromium is
// Debian's: Playwright never downloads a browser here.
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
    // First, on the cold server: every page as every visitor.
    { name: 'cold', testMatch: /cold\.spec\.ts/, use: { javaScriptEnabled: false } },
    {
      name: 'js',
      testIgnore: /(cold|server-log|delivery|layout)\.spec\.ts/,
      dependencies: ['cold'],
      use: { javaScriptEnabled: true },
    },
    {
      name: 'no-js',
      testIgnore: /(cold|server-log|delivery|layout)\.spec\.ts/,
      dependencies: ['cold'],
      use: { javaScriptEnabled: false },
    },
    // After the journeys (it starts a scan of its own): how the app reaches the browser.
    { name: 'delivery', testMatch: /delivery\.spec\.ts/, dependencies: ['js', 'no-js'], use: { javaScriptEnabled: true } },
    // The pages at a desk and on a phone, with screenshots in target/screenshots (after the
    // delivery check, whose scan in progress it shows).
    { name: 'layout', testMatch: /layout\.spec\.ts/, dependencies: ['delivery'], use: { javaScriptEnabled: true } },
    // Last: the server's log of the whole run holds no panic.
    { name: 'server-log', testMatch: /server-log\.spec\.ts/, dependencies: ['layout'] },
  ],
  webServer: {
    command: `rm -rf target/e2e && mkdir -p target/e2e && exec ./target/release/server >target/e2e/server.log 2>&1`,
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
      // Warnings, and the e-mails kept without SMTP (the invitation journey reads its link).
      RUST_LOG: 'warn,datacoach::outbox=info',
      // No ANSI colours in the log file.
      NO_COLOR: '1',
    },
  },
});
