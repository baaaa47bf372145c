import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { SITES } from './e2e/sites.ts';

/**
 * End-to-end tests against built sites, served as a static host would serve
 * them. Chromium is Debian's (CHROMIUM_PATH, default /usr/bin/chromium) where
 * it exists, Playwright's own browser elsewhere.
 */
const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const useSystem = existsSync(systemChromium);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    ...devices['Desktop Chrome'],
    trace: 'retain-on-failure',
    launchOptions: useSystem
      ? {
          executablePath: systemChromium,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        }
      : {},
  },
  webServer: Object.values(SITES).map((site) => ({
    command: `node scripts/serve.ts ${site.dir} --port ${site.port} --base ${site.base}`,
    url: `http://127.0.0.1:${site.port}${site.base}`,
    reuseExistingServer: false,
    stdout: 'ignore',
  })),
});
