import { defineConfig, devices } from '@playwright/test'

export const CMS_PORT = Number(process.env.E2E_CMS_PORT ?? 3100)
export const SITE_PORT = Number(process.env.E2E_SITE_PORT ?? 4421)
export const SITE = `http://localhost:${SITE_PORT}`
export const CMS = `http://localhost:${CMS_PORT}`
const E2E_DATA = process.env.E2E_DATA_DIR ?? '.e2e-data'
export const ADMIN = { email: 'admin@rbbg.example.org', password: 'e2e-Password-2026' }
/**
 * Every test's client speaks from 127.0.0.1, so the suite's logins and newsletter sign-ups would use up
 * production's per-address limits (30 logins, 8 sign-ups in 10 minutes). The suite's own servers get these;
 * the rate-limit tests read them; stacks that tests start themselves keep production's (event proposals too).
 */
export const E2E_AUTH_RATE_LIMIT = '150/600'
export const E2E_SUBSCRIBE_LIMIT = 40
/** Event proposals per connection an hour (production: 5). */
export const E2E_PROPOSAL_LIMIT = 40
/** The suite's CMS gathers an event's changes for its followers 3 s instead of 15 minutes, so a notice arrives. */
export const E2E_FOLLOW_WINDOW_MS = 3_000
/** The servers' PAYLOAD_SECRET (tests sign what the CMS would sign, e.g. a confirmation's check-in code). */
export const E2E_SECRET = 'e2e-secret-not-for-production-0123456789'

/** Debian Chromium's flags here: no sandbox (containers), no GPU, nothing that reaches the network on its own. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.e2e.spec.ts', 'security/**/*.e2e.spec.ts'],
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  // A flaky test is a bug to fix, not to repeat; a stray test.only must not pass CI by skipping the rest.
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: SITE,
    locale: 'it-IT',
    timezoneId: 'Europe/Rome',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    // The production build on a fresh database, seeded with the demo network, exactly as `npm start` runs it.
    command: `rm -rf ${E2E_DATA} && node scripts/start.mjs`,
    url: `${SITE}/healthz`,
    timeout: 400_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    env: {
      DATA_DIR: E2E_DATA,
      CMS_PORT: String(CMS_PORT),
      SITE_PORT: String(SITE_PORT),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      PAYLOAD_SECRET: E2E_SECRET,
      AUTH_RATE_LIMIT: E2E_AUTH_RATE_LIMIT,
      NEWSLETTER_SUBSCRIBE_LIMIT: String(E2E_SUBSCRIBE_LIMIT),
      FOLLOW_NOTICE_WINDOW_MS: String(E2E_FOLLOW_WINDOW_MS),
      // Calendar sources may read fixtures the tests serve on 127.0.0.1 (calendar-import.e2e.spec.ts).
      IMPORT_ALLOW_LOOPBACK: '1',
      PROPOSAL_LIMIT_PER_IP: String(E2E_PROPOSAL_LIMIT),
    },
  },
})
