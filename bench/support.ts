// What bench/load and bench/pages share: the production build, a fresh database of either engine with
// a project seeded through the server layer, and `next start` on a local port.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { setDb } from "../lib/db";
import { applyMigrations, pgliteRunner, pgRunner } from "../lib/migrations";

export const ROOT = path.resolve(__dirname, "..");
export const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
export const DIST_DIR = process.env.BENCH_DIST_DIR ?? ".next-bench";

export type EngineName = "pglite" | "postgres";

export function machineLines(): string[] {
  const cpus = os.cpus();
  return [
    `Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    `Load: ${loadLine()}`,
  ];
}

export const loadLine = () => `${os.loadavg().map((l) => l.toFixed(1)).join(" ")} (1, 5, 15 min)`;

/** Newest modification time under the folders a build is made from. */
function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "generated" || entry.name === "node_modules" || entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  for (const dir of ["app", "components", "lib"]) walk(path.join(ROOT, dir));
  for (const file of ["next.config.ts", "proxy.ts", "instrumentation.ts", "package-lock.json"]) {
    const full = path.join(ROOT, file);
    if (fs.existsSync(full)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Reuses the production build in DIST_DIR when it is newer than every source file, else builds it. */
export function ensureBuild(force = false) {
  const buildId = path.join(ROOT, DIST_DIR, "BUILD_ID");
  // BENCH_REBUILD=never: measure the build that is there even if sources changed (a before/after pair).
  const reuseAnyway = process.env.BENCH_REBUILD === "never" && fs.existsSync(buildId);
  if (reuseAnyway || (!force && fs.existsSync(buildId) && fs.statSync(buildId).mtimeMs > newestSource())) {
    console.log(`Reusing the production build in ${DIST_DIR} (set BENCH_REBUILD=1 to rebuild).`);
    return;
  }
  console.log(`Building the app into ${DIST_DIR} (next build)…`);
  const started = Date.now();
  const result = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
  console.log(`Built in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

/** A fresh, migrated database; `open` gives a Prisma client for seeding and checking, `close` releases it. */
export interface BenchDatabase {
  engine: EngineName;
  label: string;
  /** What the server gets as DATABASE_URL. */
  url: string;
  /** `logQueries`: the client emits Prisma's query events (bench/ballot-profile counts them). */
  open(options?: { logQueries?: boolean }): Promise<{ prisma: PrismaClient; sql: (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]> }>;
  /** Releases what open() opened (PGlite is one process's at a time: the server needs the folder). */
  release(): Promise<void>;
  /** Drops the database or deletes the folder. */
  destroy(): Promise<void>;
}

const logOption = (options?: { logQueries?: boolean }) => ({
  log: options?.logQueries ? [{ emit: "event" as const, level: "query" as const }] : [],
});

export async function freshDatabase(engine: EngineName): Promise<BenchDatabase | null> {
  if (engine === "pglite") {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "verdict-bench-"));
    const dataDir = path.join(folder, "data");
    let open: PGlite | null = null;
    let prisma: PrismaClient | null = null;
    const db: BenchDatabase = {
      engine,
      label: "embedded (PGlite)",
      url: `file:${dataDir}`,
      async open(options) {
        open = new PGlite(dataDir);
        prisma = new PrismaClient({ adapter: new PrismaPGlite(open), ...logOption(options) });
        const pglite = open;
        return { prisma, sql: async (text, params) => (await pglite.query<Record<string, unknown>>(text, params)).rows };
      },
      async release() {
        await prisma?.$disconnect();
        await open?.close();
        open = null;
        prisma = null;
      },
      async destroy() {
        await db.release();
        fs.rmSync(folder, { recursive: true, force: true });
      },
    };
    await db.open();
    await applyMigrations(pgliteRunner(open!));
    await db.release();
    return db;
  }
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch {
    console.warn(`PostgreSQL at ${ADMIN_URL} is not reachable: skipping that engine.`);
    return null;
  }
  const name = `verdict_bench_${crypto.randomBytes(4).toString("hex")}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  let client: pg.Client | null = null;
  let prisma: PrismaClient | null = null;
  const db: BenchDatabase = {
    engine,
    label: "PostgreSQL server",
    url: url.toString(),
    async open(options) {
      client = new pg.Client({ connectionString: url.toString() });
      // Dropping the database at the end ends this connection if it is still open: not a crash.
      client.on("error", () => {});
      await client.connect();
      prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString() }), ...logOption(options) });
      const c = client;
      return { prisma, sql: async (text, params) => (await c.query(text, params)).rows };
    },
    async release() {
      await prisma?.$disconnect();
      await client?.end();
      client = null;
      prisma = null;
    },
    async destroy() {
      await db.release();
      const drop = new pg.Client({ connectionString: ADMIN_URL });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await drop.end();
    },
  };
  await db.open();
  await applyMigrations(pgRunner(client!));
  await db.release();
  return db;
}

export interface SeededProject {
  projectId: string;
  decisionId: string;
  ownerToken: string;
  /** One per voter, in order: `voters[i]` is user v{i+1}. */
  voters: { userId: string; email: string; token: string; probeToken: string }[];
  options: string[];
  criteria: string[];
  scale: { min: number; max: number };
}

export const BENCH_PASSWORD = "bench-password-1";

/**
 * A project owned by `owner@bench.test` with `voterCount` members (each with two API tokens: one to
 * vote with, one for the probe route, so no two clients update the same token row) and an OPEN FIXED
 * decision of `options` × `criteria`. Project and decision are made through the server layer (audit
 * events included); users, memberships and tokens in bulk SQL.
 */
export async function seedProject(
  db: BenchDatabase,
  voterCount: number,
  shape: { options: number; criteria: number; reveal?: "LIVE" | "AFTER_CLOSE" } = { options: 5, criteria: 8 },
): Promise<SeededProject> {
  const { prisma, sql } = await db.open().catch(() => {
    throw new Error("could not open the database");
  });
  setDb(prisma);
  const { hashPassword } = await import("../lib/server/passwords");
  const { hashToken } = await import("../lib/server/token-hash");
  const { createProject } = await import("../lib/server/projects/create-project");
  const { createDecision } = await import("../lib/server/decisions/create-decision");
  const { openDecision } = await import("../lib/server/decisions/open-decision");
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const newToken = () => `vdt_${crypto.randomBytes(24).toString("base64url")}`;
  const voters = Array.from({ length: voterCount }, (_, i) => ({
    userId: `bench-v${i + 1}`,
    email: `voter${i + 1}@bench.test`,
    token: newToken(),
    probeToken: newToken(),
  }));
  const owner = { userId: "bench-owner", email: "owner@bench.test", token: newToken() };
  const users = [owner, ...voters];
  await sql(
    `INSERT INTO "User" (id, email, name, "passwordHash") SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])`,
    [users.map((u) => u.userId), users.map((u) => u.email), users.map((u, i) => (i === 0 ? "Bench Owner" : `Voter ${i}`)), users.map(() => passwordHash)],
  );
  const tokens = [
    { userId: owner.userId, token: owner.token },
    ...voters.flatMap((v) => [
      { userId: v.userId, token: v.token },
      { userId: v.userId, token: v.probeToken },
    ]),
  ];
  await sql(
    `INSERT INTO "ApiToken" (id, "userId", name, "tokenHash", prefix) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])`,
    [tokens.map(() => crypto.randomUUID()), tokens.map((t) => t.userId), tokens.map(() => "bench"), tokens.map((t) => hashToken(t.token)), tokens.map((t) => t.token.slice(0, 8))],
  );
  const actor = { userId: owner.userId, via: "session" as const };
  const project = await createProject(actor, { name: "Bench project" });
  await sql(
    `INSERT INTO "Membership" ("projectId", "userId", role) SELECT $1, id, 'MEMBER'::"Role" FROM unnest($2::text[]) AS id`,
    [project.id, voters.map((v) => v.userId)],
  );
  const decision = await createDecision(actor, project.id, {
    title: "Bench decision",
    context: "Which option should the bench pick?",
    weightMode: "FIXED",
    revealPolicy: shape.reveal ?? "AFTER_CLOSE",
    scale: { min: 0, max: 10 },
    options: Array.from({ length: shape.options }, (_, i) => ({ name: `Option ${i + 1}` })),
    criteria: Array.from({ length: shape.criteria }, (_, i) => ({ name: `Criterion ${i + 1}`, weight: 1 + (i % 4) })),
  });
  await openDecision(actor, decision.id);
  const rows = await sql(
    `SELECT 'o' AS kind, id, position FROM "Option" WHERE "decisionId" = $1 UNION ALL SELECT 'c', id, position FROM "Criterion" WHERE "decisionId" = $1 ORDER BY 1, 3`,
    [decision.id],
  );
  await db.release();
  return {
    projectId: project.id,
    decisionId: decision.id,
    ownerToken: owner.token,
    voters,
    options: rows.filter((r) => r.kind === "o").map((r) => String(r.id)),
    criteria: rows.filter((r) => r.kind === "c").map((r) => String(r.id)),
    scale: { min: 0, max: 10 },
  };
}

export interface RunningServer {
  url: string;
  process: ChildProcess;
  /** The last lines the server printed (errors behind a 500 end up here). */
  logTail(): string;
  /** The server process's resident memory in MB, from /proc (Linux). */
  rssMb(): number | null;
  /** CPU time (user + system) the server process has used so far, in ms, from /proc (Linux). */
  cpuMs(): number | null;
  stop(): Promise<void>;
}

/** Linux's USER_HZ: /proc reports CPU times in these ticks. */
const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"]).stdout?.toString().trim()) || 100;

/** `next start` on the production build against `databaseUrl`; resolves once health answers 200. */
export async function startServer(databaseUrl: string, port: number): Promise<RunningServer> {
  const url = `http://127.0.0.1:${port}`;
  // BENCH_CPU_PROF=<folder>: the server writes a V8 CPU profile there when it stops (see bench/profile-summary.ts).
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  const child = spawn(process.execPath, [...profile, require.resolve("next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: "bench-secret-bench-secret-bench-secret-000",
      AUTH_URL: url,
      AUTH_TRUST_HOST: "true",
    },
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output = (output + chunk).slice(-4000)));
  child.stderr!.on("data", (chunk) => (output = (output + chunk).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${url}/api/v1/health`);
      await response.arrayBuffer();
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`next start did not become healthy within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    process: child,
    logTail: () => output,
    rssMb() {
      try {
        const status = fs.readFileSync(`/proc/${child.pid}/status`, "utf8");
        const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
        return Number.isFinite(kb) ? kb / 1024 : null;
      } catch {
        return null;
      }
    },
    cpuMs() {
      try {
        // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesised name): utime and stime in ticks.
        const stat = fs.readFileSync(`/proc/${child.pid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
      } catch {
        return null;
      }
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** Value of `--name value` or the environment variable, else the fallback. */
export function option(name: string, env: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  if (at >= 0 && process.argv[at + 1]) return process.argv[at + 1]!;
  return process.env[env] ?? fallback;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
