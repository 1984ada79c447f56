// A second instance of the built app on PostgreSQL, reached through a TCP proxy this test cuts and
// restores: while the database is away the app says so plainly, and it comes back by itself.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { expect, test } from "./fixtures";
import { migrate } from "../../scripts/migrate";
import { signUp, unique } from "./helpers";

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const root = path.resolve(__dirname, "../..");

/** Forwards connections to PostgreSQL until cut: then open connections drop and new ones are refused. */
class CuttableProxy {
  private server = net.createServer((client) => this.forward(client));
  private sockets = new Set<net.Socket>();
  port = 0;

  constructor(private target: { host: string; port: number }) {}

  private forward(client: net.Socket) {
    const upstream = net.connect(this.target.port, this.target.host);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on("error", () => socket.destroy());
      socket.on("close", () => {
        this.sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  }

  async listen() {
    await new Promise<void>((resolve) => this.server.listen(this.port, "127.0.0.1", resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  async cut() {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  restore() {
    this.server = net.createServer((client) => this.forward(client));
    return this.listen();
  }
}

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

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

test.describe("when the database goes away", () => {
  test.describe.configure({ timeout: 180_000 });
  const databaseName = `verdict_outage_${crypto.randomBytes(5).toString("hex")}`;
  let proxy: CuttableProxy;
  let server: ChildProcess | undefined;
  let baseURL = "";
  let serverLog = "";

  test.beforeAll(async () => {
    if (!(await postgresReachable())) {
      if (process.env.REQUIRE_POSTGRES === "1")
        throw new Error(`PostgreSQL at ${ADMIN_URL} is not reachable`);
      test.skip(true, `PostgreSQL at ${ADMIN_URL} is not reachable`);
    }
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${databaseName}"`);
    await admin.end();
    const direct = new URL(ADMIN_URL);
    direct.pathname = `/${databaseName}`;
    await migrate(direct.toString());

    proxy = new CuttableProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    await proxy.listen();
    const proxied = new URL(direct);
    proxied.port = String(proxy.port);

    const port = await freePort();
    baseURL = `http://localhost:${port}`;
    // The build `npm run test:e2e` made for the main suite, started a second time on PostgreSQL.
    server = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(port)], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: proxied.toString(),
        NEXT_DIST_DIR: ".next-e2e",
        AUTH_SECRET: "e2e-outage-secret-not-for-production-use-0000",
        AUTH_URL: baseURL,
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout!.on("data", (chunk: Buffer) => (serverLog += chunk.toString()));
    server.stderr!.on("data", (chunk: Buffer) => (serverLog += chunk.toString()));
    await expect
      .poll(
        async () => {
          try {
            return (await fetch(`${baseURL}/api/v1/health`)).status;
          } catch {
            return 0;
          }
        },
        { timeout: 90_000, intervals: [500] },
      )
      .toBe(200);
  });

  test.afterEach(async ({}, testInfo) => {
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach("server log", { body: serverLog });
  });

  test.afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    await proxy?.cut().catch(() => undefined);
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    await admin.end();
  });

  test("health, API, pages and sign-in say the database is unavailable, and all recover by themselves", async ({
    browser,
  }) => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    const email = `${unique("outage")}@example.test`;
    await signUp(page, "Olive Outage", email);
    await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
    const health = await page.request.get("/api/v1/health");
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ status: "ok", database: "postgresql" });

    await proxy.cut();

    const degraded = await page.request.get("/api/v1/health");
    expect(degraded.status()).toBe(503);
    expect(await degraded.json()).toEqual({ status: "degraded", database: "unreachable" });

    const api = await page.request.get("/api/v1/projects");
    expect(api.status()).toBe(503);
    expect(await api.json()).toEqual({
      error: { code: "unavailable", message: "The database is unavailable. Try again in a moment." },
    });

    await page.reload();
    await expect(page.getByRole("heading", { name: "Database unavailable — retrying" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Projects" })).toHaveCount(0);

    const stranger = await browser.newContext({ baseURL });
    const signInPage = await stranger.newPage();
    await signInPage.goto("/signin");
    await signInPage.getByLabel("Email").fill(email);
    await signInPage.getByLabel("Password").fill("a long password 1");
    await signInPage.getByRole("button", { name: /sign in/i }).click();
    await expect(signInPage.getByText("The database is unavailable, try again in a moment.")).toBeVisible();
    await expect(signInPage.getByText(/configuration/i)).toHaveCount(0);

    await proxy.restore();

    // No reload: the outage page notices on its own that the database is back.
    await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible({ timeout: 20_000 });
    expect((await page.request.get("/api/v1/health")).status()).toBe(200);
    expect((await page.request.get("/api/v1/projects")).status()).toBe(200);
    await signInPage.getByLabel("Password").fill("a long password 1");
    await signInPage.getByRole("button", { name: /sign in/i }).click();
    await expect(signInPage).toHaveURL(/\/projects/);

    await stranger.close();
    await context.close();
  });
});
