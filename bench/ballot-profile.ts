// bench/ballot-profile: where a ballot's time goes, in process (the server's own submitBallot, no HTTP).
// 1. One voter at a time: the statements each ballot sends (Prisma query events: BEGIN and COMMIT
//    included), first submissions and revisions apart, with each statement's median time.
// 2. C voters revising at once: the same statements' median and p99 times under contention; the growth
//    of the locking statements over (1) is time spent waiting for locks. On PostgreSQL, a sampler also
//    reads pg_stat_activity every 10 ms and reports how often a backend was waiting for a lock, in
//    which statement, and for a row of which table where pg_locks shows it (tuple locks).
//
//   npx tsx --conditions=react-server bench/ballot-profile.ts [--engines pglite,postgres] [--voters 32] [--seconds 10]
import pg from "pg";
import { setDb } from "../lib/db";
import { freshDatabase, loadLine, machineLines, option, percentile, seedProject, type EngineName, type SeededProject } from "./support";

const ENGINES = option("engines", "BENCH_ENGINES", "pglite,postgres").split(",") as EngineName[];
const VOTERS = Number(option("voters", "BENCH_VOTERS", "32"));
const SECONDS = Number(option("seconds", "BENCH_SECONDS", "10"));
const SEQUENTIAL = 20;

/** A statement's role in the ballot write, from its text. */
function kindOf(query: string): string {
  const q = query.replace(/\s+/g, " ");
  if (/^(BEGIN|START TRANSACTION)/i.test(q)) return "BEGIN";
  if (/^COMMIT/i.test(q)) return "COMMIT";
  if (/^ROLLBACK/i.test(q)) return "ROLLBACK";
  if (q.includes("FOR SHARE OF d")) return "lock decision FOR SHARE (+ definition, role)";
  // pg_stat_activity keeps the first 1 kB of a statement: the write is known by its opening.
  if (q.includes("WITH old_score AS")) return "write rows + tallies + audit (project row)";
  if (q.includes('INSERT INTO "Ballot"')) return "upsert ballot (row lock on revision)";
  if (q.includes('DELETE FROM "Score"') || /WITH .*DELETE/i.test(q) && q.includes('"Score"')) return "clear old scores/totals";
  if (q.includes('INSERT INTO "Score"')) return "write scores + cell tallies";
  if (q.includes('"OptionTally"')) return "option tallies";
  if (/UPDATE "public"."Project" SET "auditSeq"/.test(q)) return "audit: next seq (project row lock)";
  if (q.includes('"AuditEvent"')) return "audit: event";
  if (q.includes('"AuditSeal"')) return "audit: seal";
  if (/UPDATE "public"."Project" SET "auditHead"/.test(q)) return "audit: chain head";
  if (q.includes('FROM "public"."Decision"')) return "load decision + role (before tx)";
  if (q.includes('"ApiToken"')) return "token";
  return q.slice(0, 60);
}

interface Event {
  kind: string;
  ms: number;
}

function table(rows: Map<string, number[]>, calls: number) {
  const lines: string[] = [];
  for (const [kind, times] of [...rows].sort((a, b) => b[1].length - a[1].length)) {
    const sorted = [...times].sort((a, b) => a - b);
    lines.push(
      `    ${kind.padEnd(40)} ${(times.length / calls).toFixed(2).padStart(5)}/ballot   p50 ${percentile(sorted, 50).toFixed(2).padStart(7)} ms   p99 ${percentile(sorted, 99).toFixed(2).padStart(8)} ms`,
    );
  }
  return lines.join("\n");
}

async function profile(engine: EngineName) {
  const db = await freshDatabase(engine);
  if (!db) return;
  try {
    const seed: SeededProject = await seedProject(db, VOTERS);
    const { prisma, sql } = await db.open({ logQueries: true });
    setDb(prisma);
    const { submitBallot } = await import("../lib/server/decisions/submit-ballot");
    let sink: Event[] | null = null;
    (prisma as unknown as { $on(event: "query", cb: (e: { query: string; duration: number }) => void): void }).$on("query", (e) => {
      sink?.push({ kind: kindOf(e.query), ms: Number(e.duration) });
    });
    const ballot = () => ({
      scores: seed.options.flatMap((optionId) =>
        seed.criteria.map((criterionId) => ({ optionId, criterionId, value: Math.floor(Math.random() * 11) })),
      ),
    });
    const actorOf = (i: number) => ({ userId: seed.voters[i]!.userId, via: "token" as const });

    console.log(`\n${db.label}: decision of ${seed.options.length} options × ${seed.criteria.length} criteria, ${VOTERS} voters`);
    for (const phase of ["first submission", "revision"] as const) {
      const perCall: number[] = [];
      const byKind = new Map<string, number[]>();
      const wall: number[] = [];
      for (let i = 0; i < Math.min(SEQUENTIAL, VOTERS); i++) {
        sink = [];
        const start = performance.now();
        await submitBallot(actorOf(i), seed.decisionId, ballot());
        wall.push(performance.now() - start);
        perCall.push(sink.length);
        for (const e of sink) byKind.set(e.kind, [...(byKind.get(e.kind) ?? []), e.ms]);
        sink = null;
      }
      const sortedWall = [...wall].sort((a, b) => a - b);
      console.log(
        `  one at a time, ${phase}: ${Math.min(...perCall)}–${Math.max(...perCall)} statements per ballot; whole call p50 ${percentile(sortedWall, 50).toFixed(1)} ms`,
      );
      console.log(table(byKind, perCall.length));
    }

    // Contended: every voter revising as fast as it can.
    const events: Event[] = [];
    sink = events;
    const until = performance.now() + SECONDS * 1000;
    let calls = 0;
    const wall: number[] = [];
    const waits: { kind: string }[] = [];
    const rowWaits = new Map<string, number>();
    let samples = 0;
    let sampler: Promise<void> = Promise.resolve();
    if (engine === "postgres") {
      const monitor = new pg.Client({ connectionString: db.url });
      await monitor.connect();
      sampler = (async () => {
        while (performance.now() < until) {
          const rows = await monitor.query<{ query: string }>(
            `SELECT query FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          // Which table's row they wait for, where PostgreSQL says: a backend waiting to update or lock a
          // row holds or queues for a "tuple" lock on it. An upsert that meets a row another transaction
          // is changing waits on that transaction without one, so tally waits are mostly not seen here.
          const tuples = await monitor.query<{ relname: string; n: number }>(
            `SELECT c.relname, count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
             WHERE l.locktype = 'tuple' AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
             GROUP BY 1`,
          );
          samples++;
          for (const row of rows.rows) waits.push({ kind: kindOf(row.query) });
          for (const row of tuples.rows) rowWaits.set(row.relname, (rowWaits.get(row.relname) ?? 0) + row.n);
          await new Promise((r) => setTimeout(r, 10));
        }
        await monitor.end();
      })();
    }
    console.log(`  ${VOTERS} voters revising at once for ${SECONDS} s (load ${loadLine()})`);
    await Promise.all([
      sampler,
      ...Array.from({ length: VOTERS }, async (_, i) => {
        while (performance.now() < until) {
          const start = performance.now();
          await submitBallot(actorOf(i), seed.decisionId, ballot());
          wall.push(performance.now() - start);
          calls++;
        }
      }),
    ]);
    sink = null;
    const byKind = new Map<string, number[]>();
    for (const e of events) byKind.set(e.kind, [...(byKind.get(e.kind) ?? []), e.ms]);
    const sortedWall = [...wall].sort((a, b) => a - b);
    console.log(
      `    ${calls} ballots, ${(calls / SECONDS).toFixed(1)}/s; whole call p50 ${percentile(sortedWall, 50).toFixed(1)} ms, p99 ${percentile(sortedWall, 99).toFixed(1)} ms; ${(events.length / calls).toFixed(1)} statements per ballot`,
    );
    console.log(table(byKind, calls));
    if (engine === "postgres") {
      const byWait = new Map<string, number>();
      for (const w of waits) byWait.set(w.kind, (byWait.get(w.kind) ?? 0) + 1);
      console.log(
        `    lock waits seen in ${samples} samples of pg_stat_activity: ${(waits.length / Math.max(1, samples)).toFixed(2)} backends waiting on average` +
          (byWait.size ? ` (${[...byWait].map(([k, n]) => `${k}: ${n}`).join("; ")})` : ""),
      );
      console.log(
        `    rows waited for, by table (backends per sample): ${[...rowWaits].map(([table, n]) => `${table} ${(n / Math.max(1, samples)).toFixed(2)}`).join(", ") || "none"}`,
      );
    } else {
      console.log("    (PGlite is one connection: statements queue for it rather than for row locks)");
    }
    await sql("SELECT 1");
    await db.release();
  } finally {
    await db.destroy();
  }
}

async function main() {
  for (const line of machineLines()) console.log(line);
  for (const engine of ENGINES) await profile(engine);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
