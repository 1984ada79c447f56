// bench/results: 100, 1,000 and 10,000 voters × 20 options × 25 criteria on the embedded database and
// on PostgreSQL. Prints, per engine and size, the median time of GET /api/v1/decisions/{id}/results (the
// real route handler: token auth, maintained tallies, aggregation, JSON) beside the full-scan SQL
// aggregate over every score (the recount path, run straight through the driver), their ratio (target
// ≤ 0.1 at 1,000 voters), the endpoint's ratio at 10,000 to 100 voters (target ≤ 2) and the heap growth.
//
//   npm run bench:results                        # both engines (PostgreSQL if reachable)
//   BENCH_VOTERS=100,1000 BENCH_RUNS=15 BENCH_ENGINES=postgres npm run bench:results
import crypto from "node:crypto";
import os from "node:os";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { setDb } from "../lib/db";
import { applyMigrations, pgliteRunner, pgRunner } from "../lib/migrations";
import { createApiToken } from "../lib/server/tokens/create-api-token";
import { computeWeights } from "../lib/domain/aggregation";
import { voterPositions } from "../lib/domain/ranking";
import { recountBallotSumsSql, recountScoreTallySql } from "../lib/server/decisions/tally-sql";

const VOTER_COUNTS = (process.env.BENCH_VOTERS ?? "100,1000,10000").split(",").map(Number);
let VOTERS = VOTER_COUNTS[0]!;
const OPTIONS = 20;
const CRITERIA = 25;
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

interface Engine {
  name: string;
  prisma: PrismaClient;
  sql(text: string, params?: unknown[]): Promise<unknown[]>;
  close(): Promise<void>;
}

// Everything generated inside the database: deterministic pseudo-random scores with some abstentions.
const SEED_SQL = (decisionId: string) => `
  INSERT INTO "Project" (id, name) VALUES ('bench-project', 'Bench');
  INSERT INTO "User" (id, email, name) SELECT 'u' || g, 'u' || g || '@bench.test', 'Voter ' || g FROM generate_series(1, ${VOTERS}) g;
  INSERT INTO "Membership" ("projectId", "userId", role) SELECT 'bench-project', 'u' || g, (CASE WHEN g = 1 THEN 'OWNER' ELSE 'MEMBER' END)::"Role" FROM generate_series(1, ${VOTERS}) g;
  INSERT INTO "Decision" (id, "projectId", number, title, status, "createdById", "updatedAt", "closedAt")
    VALUES ('${decisionId}', 'bench-project', 1, 'Bench decision', 'CLOSED', 'u1', now(), now());
  INSERT INTO "Option" (id, "decisionId", position, name) SELECT 'o' || g, '${decisionId}', g, 'Option ' || g FROM generate_series(1, ${OPTIONS}) g;
  INSERT INTO "Criterion" (id, "decisionId", position, name, weight) SELECT 'c' || g, '${decisionId}', g, 'Criterion ' || g, 1 + (g % 4) FROM generate_series(1, ${CRITERIA}) g;
  INSERT INTO "Ballot" (id, "decisionId", "voterId") SELECT 'b' || g, '${decisionId}', 'u' || g FROM generate_series(1, ${VOTERS}) g;
  INSERT INTO "Score" ("ballotId", "optionId", "criterionId", value)
    SELECT 'b' || v, 'o' || o, 'c' || c,
           CASE WHEN (v * 7 + o * 13 + c * 17) % 23 = 0 THEN NULL ELSE (v * 31 + o * 17 + c * 7 + (v % o) * 3) % 11 END
    FROM generate_series(1, ${VOTERS}) v, generate_series(1, ${OPTIONS}) o, generate_series(1, ${CRITERIA}) c;
  ANALYZE;
`;

async function pgliteEngine(): Promise<Engine> {
  const pglite = new PGlite();
  await applyMigrations(pgliteRunner(pglite));
  return {
    name: "embedded (PGlite)",
    prisma: new PrismaClient({ adapter: new PrismaPGlite(pglite) }),
    sql: async (text, params) => (await pglite.query(text, params)).rows,
    close: () => pglite.close(),
  };
}

async function postgresEngine(): Promise<Engine | null> {
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch {
    console.warn(`PostgreSQL at ${ADMIN_URL} not reachable: skipping that engine.`);
    return null;
  }
  const name = `verdict_bench_${crypto.randomBytes(4).toString("hex")}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await applyMigrations(pgRunner(client));
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString() }) });
  return {
    name: "PostgreSQL 15 server",
    prisma,
    sql: async (text, params) => (await client.query(text, params)).rows,
    close: async () => {
      await prisma.$disconnect();
      await client.end();
      const drop = new pg.Client({ connectionString: ADMIN_URL });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await drop.end();
    },
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function timeIt(fn: () => Promise<unknown>) {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function run(engine: Engine) {
  const decisionId = "bench-decision";
  const seedStart = Date.now();
  await engine.sql("SELECT 1");
  for (const statement of SEED_SQL(decisionId).split(";\n").map((s) => s.trim()).filter(Boolean)) {
    await engine.sql(statement);
  }
  await buildTallies(engine, decisionId);
  const seeded = ((Date.now() - seedStart) / 1000).toFixed(1);
  setDb(engine.prisma);
  // The owner (u1) is sent every pivotal voter's name once the vote is closed; a member (u2) the count.
  const { token } = await createApiToken({ userId: "u1", via: "session" }, { name: "bench" });
  const { token: memberToken } = await createApiToken({ userId: "u2", via: "session" }, { name: "bench" });
  const { GET } = await import("../app/api/v1/decisions/[decisionId]/results/route");
  // The endpoint also computes rank acceptability and leave-one-out, which read every counted score:
  // past BENCH_ENDPOINT_UP_TO voters only the tallies and the full scan are timed.
  const timeEndpoint = VOTERS <= Number(process.env.BENCH_ENDPOINT_UP_TO ?? Infinity);
  const callEndpoint = async (bearer = token) => {
    const response = await GET(new Request(`http://localhost/api/v1/decisions/${decisionId}/results`, { headers: { authorization: `Bearer ${bearer}` } }), {
      params: Promise.resolve({ decisionId }),
    });
    if (response.status !== 200) throw new Error(`results answered ${response.status}: ${await response.text()}`);
    return response.json();
  };

  // The raw aggregate: the same two statements the server runs, straight through the driver.
  const { cellStatsSql, voterSumsSql } = await import("../lib/server/decisions/results-sql");
  const weights = (await engine.sql(`SELECT id, weight FROM "Criterion" WHERE "decisionId" = $1`, [decisionId])) as { id: string; weight: number }[];
  const total = weights.reduce((s, w) => s + Number(w.weight), 0);
  const ids = weights.map((w) => w.id);
  const values = weights.map((w) => Number(w.weight) / total);
  const callRaw = async () => {
    await engine.sql(cellStatsSql, [decisionId]);
    await engine.sql(voterSumsSql, [decisionId, ids, values, 0, 10, false]);
  };

  // The same result from the maintained tallies alone, without the uncertainty (rank acceptability and
  // leave-one-out, which read every counted score): what the tallies themselves cost.
  const { computeResultsFromTallies } = await import("../lib/server/decisions/compute-results");
  const callTallies = () => computeResultsFromTallies(engine.prisma, decisionId);

  // The first read computes the uncertainty figures and stores them (ResultUncertainty); every timed
  // read after it finds the counted ballots unchanged and is served the stored figures.
  // The first read after a change answers with the maintained results at once and `figures:
  // "computing"`; the figures are computed in the background (figures-job.ts), timed here until stored.
  const { figuresSettled } = await import("../lib/server/decisions/figures-job");
  let body: unknown;
  const first = timeEndpoint ? await timeIt(async () => (body = await callEndpoint())) : NaN;
  const firstFigures = (body as { figures?: string } | undefined)?.figures;
  const background = timeEndpoint ? await timeIt(() => figuresSettled(decisionId)) : NaN;
  if (timeEndpoint) body = await callEndpoint();
  if (timeEndpoint && (body as { figures?: string }).figures !== "ready") throw new Error("the figures were not stored by the background computation");
  if (!timeEndpoint) body = { ...(await callTallies()), participation: { voted: VOTERS } };
  const shown = body as { options: { name: string; total: number }[]; participation: { voted: number }; pivotalVoters?: { count: number } | null };
  await callRaw();
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  let heapPeak = heapBefore;
  let rssPeak = rssBefore;
  const endpoint: number[] = [];
  const memberEndpoint: number[] = [];
  const raw: number[] = [];
  const tallies: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Interleaved so all see the same machine load. The scan reads every score and evicts the tallies'
    // pages from the caches, which no real read is preceded by: one untimed read warms them again, so
    // whichever read is timed first after the scan is not the one that pays for it.
    raw.push(await timeIt(callRaw));
    await callTallies();
    tallies.push(await timeIt(callTallies));
    if (timeEndpoint) endpoint.push(await timeIt(() => callEndpoint()));
    if (timeEndpoint) memberEndpoint.push(await timeIt(() => callEndpoint(memberToken)));
    const memory = process.memoryUsage();
    heapPeak = Math.max(heapPeak, memory.heapUsed);
    rssPeak = Math.max(rssPeak, memory.rss);
  }
  const e = timeEndpoint ? median(endpoint) : NaN;
  const m = timeEndpoint ? median(memberEndpoint) : NaN;
  const r = median(raw);
  const t = median(tallies);
  console.log(
    [
      `${engine.name}: ${VOTERS} voters × ${OPTIONS} options × ${CRITERIA} criteria = ${VOTERS * OPTIONS * CRITERIA} scores (seeded in ${seeded} s)`,
      `  results endpoint      first read ${first.toFixed(1)} ms (figures: ${firstFigures}); the background computation of the figures took ${background.toFixed(1)} ms more`,
      `  results endpoint      median ${e.toFixed(1)} ms over ${RUNS} later reads (stored figures) as the owner, ${m.toFixed(1)} ms as a member`,
      `  server memory         heap +${mb(heapPeak - heapBefore)} MB and RSS +${mb(rssPeak - rssBefore)} MB while serving (RSS ${mb(rssPeak)} MB, heap ${mb(heapPeak)} MB${engine.name.startsWith("embedded") ? ", the embedded database included" : ""})`,
      `  full-scan aggregate   median ${r.toFixed(1)} ms`,
      `  tallies alone         median ${t.toFixed(1)} ms (the result without rank acceptability and leave-one-out)`,
      `  ratio to full scan    endpoint ${(e / r).toFixed(3)}, tallies alone ${(t / r).toFixed(3)}  (target ≤ 0.1 at 1,000 voters)`,
      `  winner ${shown.options[0]?.name} (total ${(shown.options[0]!.total * 100).toFixed(2)}), ${shown.participation.voted} voted` +
        // The owner reading a closed decision is sent every pivotal voter's name: that part of the answer grows with them.
        (shown.pivotalVoters ? `, ${shown.pivotalVoters.count} pivotal voter(s) named in each answer` : ""),
    ].join("\n"),
  );
  return { endpoint: e, memberEndpoint: m, first, background, raw: r, tallies: t, heapGrowth: heapPeak - heapBefore };
}

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

/**
 * The maintained tallies for the seeded scores, as ballots would have left them: the cell histograms by
 * the migration's backfill, each ballot's totals and Borda positions by the recount's SQL and lib/domain.
 * The decision is FIXED and every voter a member, so ImportanceTally and the Apart* tallies stay empty
 * and every ballot counted (Ballot.counted defaults to true), as ballots and memberships would leave them.
 */
async function buildTallies(engine: Engine, decisionId: string) {
  await engine.sql(`INSERT INTO "ScoreTally" ("decisionId", "optionId", "criterionId", abstained, value, voters)
    SELECT $1, "optionId", "criterionId", abstained, value, voters FROM (${recountScoreTallySql}) t`, [decisionId, null]);
  const criteria = (await engine.sql(`SELECT id, weight FROM "Criterion" WHERE "decisionId" = $1 ORDER BY position`, [decisionId])) as { id: string; weight: number }[];
  const options = ((await engine.sql(`SELECT id FROM "Option" WHERE "decisionId" = $1 ORDER BY position`, [decisionId])) as { id: string }[]).map((o) => o.id);
  const { weights } = computeWeights("FIXED", criteria.map((c) => ({ id: c.id, weight: Number(c.weight) })), []);
  const ids = criteria.map((c) => c.id);
  const sums = (await engine.sql(recountBallotSumsSql, [decisionId, ids, ids.map((id) => weights[id]), 0, 10, false, null])) as {
    ballotId: string; optionId: string; weightedSum: number; coverage: number;
  }[];
  const byBallot = new Map<string, Map<string, { weightedSum: number; coverage: number }>>();
  for (const row of sums) {
    const ballot = byBallot.get(row.ballotId) ?? new Map();
    ballot.set(row.optionId, { weightedSum: Number(row.weightedSum), coverage: Number(row.coverage) });
    byBallot.set(row.ballotId, ballot);
  }
  let batch: { b: string; o: string; w: number; c: number; p: number }[] = [];
  const flush = async () => {
    if (!batch.length) return;
    await engine.sql(`INSERT INTO "BallotTotal" ("ballotId", "optionId", "weightedSum", coverage, "position2")
      SELECT * FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[], $5::int[])`,
      [batch.map((r) => r.b), batch.map((r) => r.o), batch.map((r) => r.w), batch.map((r) => r.c), batch.map((r) => r.p)]);
    batch = [];
  };
  for (const [ballotId, ballot] of byBallot) {
    const positions = voterPositions(options, ballot);
    for (const optionId of options) {
      const sum = ballot.get(optionId) ?? { weightedSum: 0, coverage: 0 };
      batch.push({ b: ballotId, o: optionId, w: sum.weightedSum, c: sum.coverage, p: 2 * positions.get(optionId)! });
    }
    if (batch.length >= 20_000) await flush();
  }
  await flush();
  await engine.sql(`INSERT INTO "OptionTally" ("decisionId", "optionId", voters, "positionSum2")
    SELECT $1, t."optionId", count(*)::int, sum(t."position2")::int FROM "BallotTotal" t JOIN "Ballot" b ON b.id = t."ballotId"
    WHERE b."decisionId" = $1 GROUP BY t."optionId"`, [decisionId]);
  await engine.sql("ANALYZE");
}

async function main() {
  console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  console.log(`Load: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} (1, 5, 15 min)`);
  const engines = (process.env.BENCH_ENGINES ?? "pglite,postgres").split(",");
  for (const make of [engines.includes("pglite") && pgliteEngine, engines.includes("postgres") && postgresEngine]) {
    if (!make) continue;
    const sizes = new Map<number, Awaited<ReturnType<typeof run>>>();
    let name = "";
    for (const voters of VOTER_COUNTS) {
      VOTERS = voters;
      const engine = await make();
      if (!engine) break;
      name = engine.name;
      try {
        sizes.set(voters, await run(engine));
      } finally {
        await engine.close();
      }
    }
    if (!sizes.size) continue;
    const least = Math.min(...sizes.keys());
    const most = Math.max(...sizes.keys());
    const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
    console.log(`  ${name} against the targets:`);
    const at1000 = sizes.get(1000);
    if (at1000) {
      for (const [what, ms] of [["endpoint as the owner (stored figures)", at1000.endpoint], ["endpoint as a member", at1000.memberEndpoint], ["endpoint first read", at1000.first], ["tallies alone", at1000.tallies]] as const) {
        const ratio = ms / at1000.raw;
        console.log(`    1,000 voters: ${what} ÷ full scan ${ratio.toFixed(3)} (target ≤ 0.1: ${verdict(ratio <= 0.1)})`);
      }
    }
    if (sizes.size > 1) {
      const label = { endpoint: "endpoint as the owner", memberEndpoint: "endpoint as a member", tallies: "tallies alone" };
      for (const what of ["endpoint", "memberEndpoint", "tallies"] as const) {
        const growth = sizes.get(most)![what] / sizes.get(least)![what];
        console.log(`    ${label[what]} at ${most} ÷ at ${least} voters: ${growth.toFixed(2)} (target ≤ 2${most === 10000 && least === 100 ? "" : " at 10,000 ÷ 100"}: ${verdict(growth <= 2)})`);
      }
      const heaps = [...sizes].map(([v, s]) => `${v}: +${mb(s.heapGrowth)} MB`).join(", ");
      console.log(`    heap growth while serving per size: ${heaps} (target: flat in voters)`);
    }
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
