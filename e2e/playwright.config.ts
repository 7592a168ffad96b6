import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 8181);
const dataDir = path.join(os.tmpdir(), `zhoubao-e2e-${process.pid}-${Date.now()}`);
export const ADMIN_PASSWORD = 'e2e-admin-pass';

/** Journeys drive Debian's Chromium against the built server on a fresh database. */
export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? 'list' : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    // E2E_SERVER_COMMAND / E2E_WEB_DIR let a developer run journeys against a private build.
    command: process.env.E2E_SERVER_COMMAND ?? 'node ../server/dist/main.js',
    url: `http://127.0.0.1:${port}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      ZHOUBAO_DATA_DIR: dataDir,
      ZHOUBAO_ADMIN_USERNAME: 'admin',
      ZHOUBAO_ADMIN_PASSWORD: ADMIN_PASSWORD,
      ZHOUBAO_WEB_DIR: process.env.E2E_WEB_DIR ?? path.resolve(import.meta.dirname, '../web/dist'),
      LOG_LEVEL: 'warn',
      ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
    },
  },
});
