import { defineConfig, devices } from "@playwright/test";

// End-to-end tests run against the production build (`npm run test:e2e` builds it first) on a fresh
// embedded database seeded with the demo team, in Debian's Chromium: no browser is downloaded.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const DATA = "tests/e2e/.data";
const env = {
  DATABASE_URL: `file:${DATA}/db`,
  AUTH_SECRET: "e2e-only-secret-not-for-production-use-000000",
  AUTH_URL: `http://localhost:${PORT}`,
  NEXT_DIST_DIR: ".next-e2e",
  NEXT_TELEMETRY_DISABLED: "1",
  SIGNIN_MAX_ATTEMPTS: "50",
  // Webhook retries within seconds, so a test can watch a receiver fail twice and then succeed.
  WEBHOOK_RETRY_BASE_MS: "500",
  WEBHOOK_POLL_MS: "1000",
  // Notification emails go to the SMTP server tests/e2e/notifications.spec.ts starts on this port.
  SMTP_URL: `smtp://127.0.0.1:${PORT + 5}`,
  EMAIL_RETRY_BASE_MS: "1000",
  NOTIFY_POLL_SECONDS: "5",
  // The git publishing journey connects a bare repository on disk.
  GIT_ALLOW_FILE_REMOTES: "1",
  GIT_CACHE_DIR: `${DATA}/git`,
};

export default defineConfig({
  testDir: "tests/e2e",
  // Whole journeys (several browsers voting, live updates) on a small shared machine.
  timeout: 180_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: `rm -rf ${DATA} && npm run db:migrate && npm run db:seed && npx next start -p ${PORT}`,
    url: `http://localhost:${PORT}/api/v1/health`,
    env,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
  },
});
