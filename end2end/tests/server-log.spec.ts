import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// Runs last: whatever the whole suite asked of the server, nothing in it panicked.
test('the server log of the whole run holds no panic', async () => {
  const log = readFileSync(resolve(__dirname, '../../target/e2e/server.log'), 'utf8');
  const panics = log.split('\n').filter((line) => /panicked/.test(line));
  expect(panics).toEqual([]);
});
