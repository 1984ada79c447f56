// `npx tsx bench/audit-verify.ts [--events 100000]`: seeds one project's audit chain in a fresh
// database, then times the verification the API and `npm run audit:verify` use, with its memory.
// Without DATABASE_URL it uses embedded PGlite in a new folder under /tmp; with a postgresql:// URL it
// creates a scratch database on that server and drops it afterwards.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { GENESIS_HASH, hashEvent, type ChainedEventBody } from "../lib/domain/hash-chain";
import { resolveDatabase } from "../lib/db-adapter";
import { PrismaClient } from "../lib/generated/prisma/client";
import { applyMigrations, pgliteRunner, pgRunner, type SqlRunner } from "../lib/migrations";
import { loadServerLayer } from "../scripts/audit-verify";

const INSERT_BATCH = 1_000; // rows per INSERT: 10 parameters each, well under PostgreSQL's 65,535

function argValue(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive whole number`);
  return value;
}

interface Scratch {
  engine: "pglite" | "postgresql";
  where: string;
  sql: SqlRunner;
  prisma: PrismaClient;
  dispose(): Promise<void>;
}

async function openScratch(): Promise<Scratch> {
  const target = resolveDatabase(process.env.DATABASE_URL?.trim() || "memory://");
  if (target.engine === "postgresql") {
    const name = `verdict_bench_${crypto.randomBytes(5).toString("hex")}`;
    const admin = new pg.Client({ connectionString: target.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(target.url);
    url.pathname = `/${name}`;
    const owner = new pg.Client({ connectionString: url.toString() });
    await owner.connect();
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString(), max: 4 }) });
    return {
      engine: "postgresql",
      where: `${url.host}/${name} (scratch database, dropped afterwards)`,
      sql: pgRunner(owner),
      prisma,
      dispose: async () => {
        await prisma.$disconnect();
        await owner.end();
        const cleanup = new pg.Client({ connectionString: target.url });
        await cleanup.connect();
        await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await cleanup.end();
      },
    };
  }
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "verdict-bench-"));
  const pglite = new PGlite(folder);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    engine: "pglite",
    where: `${folder} (removed afterwards)`,
    sql: pgliteRunner(pglite),
    prisma,
    dispose: async () => {
      await prisma.$disconnect();
      await pglite.close().catch(() => undefined);
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

// Payloads shaped like the app's own events, from a small role change to a decision snapshot.
function eventFor(projectId: string, seq: number, at: Date): ChainedEventBody {
  const actorId = `bench-user-${seq % 7}`;
  const common = { projectId, seq, at: at.toISOString(), actorId };
  switch (seq % 4) {
    case 0:
      return {
        ...common,
        action: "member.role_changed",
        entityType: "member",
        entityId: `bench-user-${seq % 5}`,
        data: { before: { role: "MEMBER" }, after: { role: "LEAD" } },
      };
    case 1:
      return {
        ...common,
        action: "ballot.submitted",
        entityType: "ballot",
        entityId: `ballot-${seq}`,
        data: {
          decisionId: `decision-${seq % 50}`,
          revision: 1 + (seq % 3),
          cells: 21,
          abstentions: seq % 2,
        },
      };
    case 2: {
      const snapshot = (title: string) => ({
        title,
        status: "DRAFT",
        scale: { min: 0, max: 10 },
        weightMode: "FIXED",
        options: ["PyTorch", "TensorFlow", "JAX"].map((name, i) => ({ id: `option-${i}`, name })),
        criteria: [
          "Flexibility",
          "Ease of use",
          "Production readiness",
          "Scalability",
          "Performance",
          "Ecosystem",
          "Community",
        ].map((name, i) => ({ id: `criterion-${i}`, name, weight: 1 + (i % 3) })),
      });
      return {
        ...common,
        action: "decision.edited",
        entityType: "decision",
        entityId: `decision-${seq % 50}`,
        data: {
          before: snapshot("Which framework?"),
          after: snapshot(`Which framework do we standardize on? (${seq})`),
        },
      };
    }
    default:
      return {
        ...common,
        action: "invite.created",
        entityType: "invite",
        entityId: `invite-${seq}`,
        data: { after: { role: "MEMBER", expiresAt: new Date(at.getTime() + 7 * 86_400_000).toISOString() } },
      };
  }
}

/** Builds the chain in memory batch by batch and writes it with multi-row INSERTs, bypassing the app. */
async function seedChain(sql: SqlRunner, total: number) {
  const projectId = `bench-project-${crypto.randomBytes(4).toString("hex")}`;
  await sql.query(`INSERT INTO "Project" (id, name) VALUES ($1, $2)`, [projectId, "Benchmark"]);
  const start = Date.UTC(2026, 0, 1);
  let head = GENESIS_HASH;
  for (let first = 1; first <= total; first += INSERT_BATCH) {
    const last = Math.min(total, first + INSERT_BATCH - 1);
    const values: string[] = [];
    const params: unknown[] = [];
    for (let seq = first; seq <= last; seq++) {
      const event = eventFor(projectId, seq, new Date(start + seq * 1_000));
      const hash = hashEvent(head, event);
      const p = params.length;
      values.push(
        `($${p + 1},$${p + 2},($${p + 3}::timestamptz AT TIME ZONE 'UTC'),$${p + 4},$${p + 5},$${p + 6},$${p + 7},$${p + 8}::jsonb,$${p + 9},$${p + 10})`,
      );
      params.push(
        projectId,
        seq,
        event.at,
        event.actorId,
        event.action,
        event.entityType,
        event.entityId,
        JSON.stringify(event.data),
        head,
        hash,
      );
      head = hash;
    }
    await sql.query(
      `INSERT INTO "AuditEvent" ("projectId", seq, at, "actorId", action, "entityType", "entityId", data, "prevHash", hash) VALUES ${values.join(",")}`,
      params,
    );
  }
  await sql.query(`UPDATE "Project" SET "auditSeq" = $2, "auditHead" = $3 WHERE id = $1`, [
    projectId,
    total,
    head,
  ]);
  await sql.query(`ANALYZE "AuditEvent"`);
  return { projectId, head };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function measure<T>(run: () => Promise<T>) {
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, 10);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const result = await run();
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  // CPU time of this process alone: on a busy machine it says more than the wall clock.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  clearInterval(sampler);
  const after = process.memoryUsage();
  peakRss = Math.max(peakRss, after.rss);
  peakHeap = Math.max(peakHeap, after.heapUsed);
  return { result, seconds, cpuSeconds, before, after, peakRss, peakHeap };
}

async function main() {
  const total = argValue("--events", 100_000);
  const runs = argValue("--runs", 3);
  const { verifyAuditChain } = await loadServerLayer();
  const scratch = await openScratch();
  try {
    const load = os.loadavg().map((average) => average.toFixed(2));
    console.log(`Load:    ${load.join(" ")} (1, 5, 15 min averages)`);
    console.log(
      `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "unknown CPU"}, ${mb(os.totalmem())} RAM, Node ${process.version}`,
    );
    console.log(`Engine:  ${scratch.engine} at ${scratch.where}`);
    await applyMigrations(scratch.sql);
    const seedStarted = performance.now();
    const { projectId, head } = await seedChain(scratch.sql, total);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    console.log(
      `Seeded:  ${total.toLocaleString("en-US")} events in ${seedSeconds.toFixed(1)} s (${Math.round(total / seedSeconds).toLocaleString("en-US")} events/s)`,
    );
    for (let run = 1; run <= runs; run++) {
      const m = await measure(() => verifyAuditChain(projectId, { db: scratch.prisma }));
      if (m.result.status !== "intact" || m.result.count !== total || m.result.headHash !== head) {
        throw new Error(`verification did not find the seeded chain intact: ${JSON.stringify(m.result)}`);
      }
      console.log(
        `Verify #${run}: ${m.seconds.toFixed(2)} s, ${Math.round(total / m.seconds).toLocaleString("en-US")} events/s ` +
          `(${m.cpuSeconds.toFixed(2)} s CPU in this process); ` +
          `rss ${mb(m.before.rss)} → peak ${mb(m.peakRss)} (+${mb(m.peakRss - m.before.rss)}); ` +
          `heapUsed ${mb(m.before.heapUsed)} → peak ${mb(m.peakHeap)}, after ${mb(m.after.heapUsed)} (Δ ${mb(m.after.heapUsed - m.before.heapUsed)})`,
      );
    }
  } finally {
    await scratch.dispose();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
