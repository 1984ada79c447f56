// bench/request-cost: the CPU one request's server-layer work costs, in process and one call at a time
// (no HTTP, no Next): token authentication, the trivial route's query, the decision with participation,
// and a ballot revision. Prints CPU ms per call (user + system of this process, which includes the
// Prisma query compiler and the database driver; PGlite's engine too, since it runs in process) and wall
// ms per call, so the part of a request's cost that is ours can be told apart from Next's; and the SQL
// statements each call sends (Prisma's query events, BEGIN and COMMIT included).
//
//   npx tsx --conditions=react-server bench/request-cost.ts [--engines pglite,postgres] [--calls 200]
//   BENCH_LIB=.old/lib …    # the same calls against another copy of lib/ (an older commit's, for before/after)
//   … --only ballot         # only the calls whose label contains "ballot"
//   BENCH_CPU_PROF=/tmp/prof …  # a V8 CPU profile of each call's timed loop (bench/profile-summary.ts)
import fs from "node:fs";
import { Session } from "node:inspector/promises";
import path from "node:path";
import { freshDatabase, machineLines, option, seedProject, type EngineName } from "./support";

const ENGINES = option("engines", "BENCH_ENGINES", "pglite,postgres").split(",") as EngineName[];
const CALLS = Number(option("calls", "BENCH_CALLS", "200"));
const ONLY = option("only", "BENCH_ONLY", "");
const PROFILE_DIR = process.env.BENCH_CPU_PROF;
const LIB = process.env.BENCH_LIB ? `${process.cwd()}/${process.env.BENCH_LIB}` : "../lib";

let statements = 0;

async function measure(label: string, call: (i: number) => Promise<unknown>, engine: EngineName) {
  if (ONLY && !label.includes(ONLY)) return;
  for (let i = 0; i < 20; i++) await call(i);
  const session = PROFILE_DIR ? new Session() : null;
  if (session) {
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.start");
  }
  statements = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < CALLS; i++) await call(i);
  const wall = (performance.now() - start) / CALLS;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000 / CALLS;
  const perCall = statements / CALLS;
  if (session) {
    const { profile } = await session.post("Profiler.stop");
    fs.mkdirSync(PROFILE_DIR!, { recursive: true });
    const file = path.join(PROFILE_DIR!, `${engine}-${label.split(" ").slice(0, 2).join("-").replace(/[^a-z-]/gi, "")}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
  console.log(
    `    ${label.padEnd(44)} CPU ${cpuMs.toFixed(2).padStart(6)} ms/call (system ${(used.system / 1000 / CALLS).toFixed(2)})   wall ${wall.toFixed(2).padStart(6)} ms/call   ${perCall.toFixed(1).padStart(4)} statements/call`,
  );
}

async function run(engine: EngineName) {
  const db = await freshDatabase(engine);
  if (!db) return;
  try {
    const seed = await seedProject(db, 32);
    const { prisma } = await db.open({ logQueries: true });
    (prisma as unknown as { $on(event: "query", cb: () => void): void }).$on("query", () => statements++);
    (await import(`${LIB}/db`)).setDb(prisma);
    const { requestActor } = await import(`${LIB}/server/actor`);
    const { listProjects } = await import(`${LIB}/server/projects/list-projects`);
    const { getDecision } = await import(`${LIB}/server/decisions/get-decision`);
    const { submitBallot } = await import(`${LIB}/server/decisions/submit-ballot`);
    const voters = seed.voters;
    const request = (i: number) =>
      new Request("http://bench.local/api/v1/projects", { headers: { authorization: `Bearer ${voters[i % voters.length]!.probeToken}` } });
    const actorOf = (i: number) => ({ userId: voters[i % voters.length]!.userId, via: "token" as const });
    const ballot = () => ({
      scores: seed.options.flatMap((optionId) => seed.criteria.map((criterionId) => ({ optionId, criterionId, value: Math.floor(Math.random() * 11) }))),
      comment: "bench",
    });
    console.log(`\n${db.label}: ${CALLS} calls each, one at a time`);
    await measure("authenticate a token (requestActor)", (i) => requestActor(request(i)), engine);
    await measure("list projects (the trivial route's query)", (i) => listProjects(actorOf(i)), engine);
    await measure("decision with participation (getDecision)", (i) => getDecision(actorOf(i), seed.decisionId), engine);
    await measure("ballot revision (submitBallot)", (i) => submitBallot(actorOf(i), seed.decisionId, ballot()), engine);
    await measure("SELECT 1 through Prisma ($queryRawUnsafe)", () => prisma.$queryRawUnsafe("SELECT 1"), engine);
    await db.release();
  } finally {
    await db.destroy();
  }
}

async function main() {
  for (const line of machineLines()) console.log(line);
  for (const engine of ENGINES) await run(engine);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
