// Two `next start` instances on one PostgreSQL database: a decision page served by instance A
// updates live when a vote is cast through instance B (LISTEN/NOTIFY carries it across).
// Uses the build the e2e run just made; skipped, loudly, when no PostgreSQL server is reachable.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import pg from "pg";
import { expect, test } from "./fixtures";
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, newPerson } from "./helpers";
import { createOpenDecision, vote } from "./live-support";

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const BASE_PORT = Number(process.env.E2E_PORT ?? 3100);
// Two ports beside the e2e server's own; override when they are taken.
const PORTS = (process.env.CROSS_INSTANCE_PORTS ?? `${BASE_PORT + 70},${BASE_PORT + 71}`).split(",").map(Number);

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function waitForHealth(url: string, server: ChildProcess, log: () => string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited (${server.exitCode}):\n${log()}`);
    const ok = await fetch(`${url}/api/v1/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`server at ${url} did not become healthy:\n${log()}`);
}

async function signInAt(page: Page, baseUrl: string, email: string) {
  await page.goto(`${baseUrl}/signin`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/projects/);
}

test.describe("across instances", () => {
  // Migrating, seeding and starting two servers takes a while on a busy 2-core machine.
  test.describe.configure({ timeout: 240_000 });
  let databaseUrl = "";
  let dbName = "";
  const servers: ChildProcess[] = [];

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    test.skip(!(await postgresReachable()), `PostgreSQL at ${ADMIN_URL} is not reachable`);
    dbName = `verdict_e2e_${crypto.randomBytes(5).toString("hex")}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${dbName}"`);
    await admin.end();
    const url = new URL(ADMIN_URL);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
    const env = { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" };
    for (const script of ["db:migrate", "db:seed"]) {
      const run = spawnSync("npm", ["run", "--silent", script], { env, encoding: "utf8" });
      if (run.status !== 0) throw new Error(`${script} failed:\n${run.stdout}\n${run.stderr}`);
    }
    for (const port of PORTS) {
      let output = "";
      const server = spawn("npx", ["next", "start", "-p", String(port)], {
        env: {
          ...env,
          NEXT_DIST_DIR: ".next-e2e",
          AUTH_SECRET: "e2e-only-secret-not-for-production-use-000000",
          AUTH_URL: `http://localhost:${port}`,
          SIGNIN_MAX_ATTEMPTS: "50",
        },
        stdio: ["ignore", "pipe", "pipe"],
        detached: true,
      });
      server.stdout!.on("data", (chunk) => (output += chunk));
      server.stderr!.on("data", (chunk) => (output += chunk));
      servers.push(server);
      await waitForHealth(`http://localhost:${port}`, server, () => output);
    }
  });

  test.afterAll(async () => {
    for (const server of servers) {
      // The whole group: npx and the next server under it.
      if (server.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
    }
    if (dbName) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const admin = new pg.Client({ connectionString: ADMIN_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await admin.end();
    }
  });

  test("a stream on instance A shows a vote cast through instance B", async ({ browser }) => {
    const [urlA, urlB] = PORTS.map((port) => `http://localhost:${port}`) as [string, string];
    const watcher = await newPerson(browser);
    await signInAt(watcher.page, urlA, "marco@verdict.demo");
    const decision = await createOpenDecision(watcher.page.request, urlA, "Which queue feeds the feature store?");
    await watcher.page.goto(`${urlA}/projects/${decision.projectId}/decisions/${decision.id}`);
    const live = watcher.page.getByTestId("live-decision");
    await expect(live).toHaveAttribute("data-status", "live");

    const voter = await newPerson(browser);
    await signInAt(voter.page, urlB, "lena@verdict.demo");
    // Presence crosses instances too: Lena looks at the decision on B.
    await voter.page.goto(`${urlB}/projects/${decision.projectId}/decisions/${decision.id}`);
    await expect(live.getByTestId("presence")).toContainText("Lena Vogel", { timeout: 10_000 });

    await vote(voter.page.request, urlB, decision, 6);
    const started = Date.now();
    // The stream on A carries the vote cast on B …
    await expect(live.getByTestId("live-activity")).toContainText("Lena Vogel voted", {
      timeout: Number(process.env.LIVE_WITHIN_MS ?? 2_000),
    });
    console.log(`cross-instance: vote on B reached A's stream after ${Date.now() - started} ms`);
    // … and A's page re-renders with it (a full page render: slower on a loaded machine).
    await expect(watcher.page.getByRole("meter", { name: "Participation" })).toHaveAttribute("aria-valuetext", "1 of 5 voted", {
      timeout: 20_000,
    });
    console.log(`cross-instance: A's participation updated after ${Date.now() - started} ms`);
    for (const person of [watcher, voter]) await person.context.close();
  });
});
