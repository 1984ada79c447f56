// Two processes on one embedded database folder diverge and lose writes: only one may open it.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DataFolderInUseError, lockDataFolder, lockFileFor } from "@/lib/data-folder-lock";
import { openPGlite } from "@/lib/db-adapter";
import { applyMigrations, pgliteRunner } from "@/lib/migrations";

const execFileAsync = promisify(execFile);
const root = path.resolve(__dirname, "../..");
const holderScript = path.join(root, "tests/support/hold-data-folder.ts");

/** A process that opens `folder` like the app does and keeps it open until its stdin ends. */
async function startHolder(folder: string): Promise<{ child: ChildProcess; pid: number }> {
  const child = spawn(process.execPath, ["--import", "tsx", holderScript, folder], {
    cwd: root,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let output = "";
  const pid = await new Promise<number>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /holding (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => reject(new Error(`holder exited with ${code}: ${output}`)));
  });
  return { child, pid };
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/** One of the project's scripts (`npm run db:migrate`, `audit:verify`) on the folder, without npm. */
async function runScript(folder: string, script: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, ["--import", "tsx", script, ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: `file:${folder}` },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

/** Proves the folder is free again by opening (and closing) it here. */
async function openAndClose(folder: string) {
  const pglite = openPGlite(folder);
  await pglite.query("SELECT 1");
  await pglite.close();
}

// Each test starts Node processes that open a database: minutes, not seconds, on a busy machine.
describe("one process per embedded database folder", { timeout: 240_000 }, () => {
  let template: string;
  let dir: string;
  let folder: string;
  const children: ChildProcess[] = [];

  // Creating a data folder is the slow part of opening one: each test copies a migrated template.
  beforeAll(async () => {
    template = fs.mkdtempSync(path.join(os.tmpdir(), "verdict-lock-template-"));
    const pglite = openPGlite(path.join(template, "db"));
    await applyMigrations(pgliteRunner(pglite));
    await pglite.close();
  });

  afterAll(() => fs.rmSync(template, { recursive: true, force: true }));

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "verdict-lock-"));
    folder = path.join(dir, "db");
    fs.cpSync(path.join(template, "db"), folder, { recursive: true });
  });

  afterEach(async () => {
    for (const child of children.splice(0)) {
      child.kill("SIGKILL");
      await exited(child);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a second opener at once, naming the folder and the holder's pid", async () => {
    const holder = await startHolder(folder);
    children.push(holder.child);

    const started = performance.now();
    let refusal: unknown;
    try {
      openPGlite(folder);
    } catch (error) {
      refusal = error;
    }
    expect(performance.now() - started).toBeLessThan(500);
    expect(refusal).toBeInstanceOf(DataFolderInUseError);
    expect((refusal as Error).message).toContain(folder);
    expect((refusal as Error).message).toContain(`pid ${holder.pid}`);

    const [migration, audit] = await Promise.all([
      runScript(folder, "scripts/migrate.ts"),
      runScript(folder, "scripts/audit-verify.ts", "--all"),
    ]);
    expect(migration.code, migration.output).toBe(1);
    expect(migration.output).toContain(`The database folder ${folder} is already in use`);
    expect(migration.output).toContain(`pid ${holder.pid}`);
    expect(audit.code, audit.output).toBe(2);
    expect(audit.output).toContain(`The database folder ${folder} is already in use`);
    expect(audit.output).toContain(`pid ${holder.pid}`);
  });

  it("releases the folder when its holder exits normally or is stopped with SIGTERM or SIGINT", async () => {
    const first = await startHolder(folder);
    expect(fs.existsSync(lockFileFor(folder))).toBe(true);
    first.child.stdin!.end();
    await exited(first.child);
    expect(fs.existsSync(lockFileFor(folder))).toBe(false);

    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      const next = await startHolder(folder);
      next.child.kill(signal);
      await exited(next.child);
      expect(fs.existsSync(lockFileFor(folder)), signal).toBe(false);
    }
    await openAndClose(folder);
  });

  it("releases the folder on close, so migrate, seed and serve can run one after another", async () => {
    await openAndClose(folder);
    expect(fs.existsSync(lockFileFor(folder))).toBe(false);
    await openAndClose(folder);
  });

  it("recovers the lock of a holder that crashed, with a warning", async () => {
    const crashed = await startHolder(folder);
    crashed.child.kill("SIGKILL");
    await exited(crashed.child);
    expect(fs.existsSync(lockFileFor(folder)), "a killed process leaves its lock behind").toBe(true);

    const warn = vi.fn();
    const release = lockDataFolder(folder, warn);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`process ${crashed.pid}`));
    expect(JSON.parse(fs.readFileSync(lockFileFor(folder), "utf8")).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(lockFileFor(folder))).toBe(false);
    await openAndClose(folder);
  });

  it("treats a lock from another host as held, since its process cannot be checked from here", () => {
    fs.writeFileSync(
      lockFileFor(folder),
      JSON.stringify({
        pid: 4242,
        hostname: "other-host.example",
        startedAt: "2026-01-01T00:00:00.000Z",
        nonce: "x",
      }),
    );
    expect(() => lockDataFolder(folder)).toThrow(
      /in use by another process \(pid 4242 on host other-host\.example/,
    );
  });

  it("refuses a second open of the same folder within one process", () => {
    const release = lockDataFolder(folder);
    try {
      expect(() => lockDataFolder(folder)).toThrow(/already in use by this process/);
    } finally {
      release();
    }
  });
});
