import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// `make bench`: the first-load benchmark (end2end/bench/) against the release build, on its
// own port and database. Not part of `make test`: it measures, it does not judge.
const port = 3200;
export default defineConfig({
  ...base,
  testDir: './bench',
  testMatch: /.*\.bench\.ts/,
  timeout: 300_000,
  projects: [{ name: 'bench', use: { javaScriptEnabled: true } }],
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}` },
  webServer: {
    ...(base.webServer as any),
    command: `rm -rf target/bench-e2e && mkdir -p target/bench-e2e && exec ./target/release/server 2>target/bench-e2e/server.log`,
    url: `http://127.0.0.1:${port}/login`,
    env: {
      ...(base.webServer as any).env,
      DATACOACH_DATABASE_URL: 'sqlite://target/bench-e2e/bench.sqlite?mode=rwc',
      DATACOACH_LISTEN: `127.0.0.1:${port}`,
      DATACOACH_BASE_URL: `http://127.0.0.1:${port}`,
    },
  },
});
