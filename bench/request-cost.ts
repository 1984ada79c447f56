// bench/request-cost: the CPU one request's server-layer work costs, in process and one call at a time
// (no HTTP, no Next): token authentication, the trivial route's query, the decision with participation,
// and a ballot revision. Prints CPU ms per call (user + system of this process, which includes the
// Prisma query compiler and the database driver; PGlite's engine too, since it runs in process) and wall
// ms per call, so the part of a request's cost that is ours can be told apart from Next's; and the SQL
// statements each call sends (Prisma's query events, BEGIN and COMMIT included).
//
//   npx tsx --conditions=react-server bench/request-cost.ts [--engines pglite,postgres] [--calls 200]
//   BENCH_LIB=.old/lib …    # the same calls against another copy of lib/ (an older commit's, for before/after)
import { freshDatabase, machineLines, option, seedProject, type EngineName } from "./support";

const ENGINES = option("engines", "BENCH_ENGINES", "pglite,postgres").split(",") as EngineName[];
const CALLS = Number(option("calls", "BENCH_CALLS", "200"));
const LIB = process.env.BENCH_LIB ? `${process.cwd()}/${process.env.BENCH_LIB}` : "../lib";

let statements = 0;

async function measure(label: string, call: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await call(i);
  statements = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < CALLS; i++) await call(i);
  const wall = (performance.now() - start) / CALLS;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000 / CALLS;
  const perCall = statements / CALLS;
  console.log(
    `    ${label.padEnd(44)} CPU ${cpuMs.toFixed(2).padStart(6)} ms/call   wall ${wall.toFixed(2).padStart(6)} ms/call   ${perCall.toFixed(1).padStart(4)} statements/call`,
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
    await measure("authenticate a token (requestActor)", (i) => requestActor(request(i)));
    await measure("list projects (the trivial route's query)", (i) => listProjects(actorOf(i)));
    await measure("decision with participation (getDecision)", (i) => getDecision(actorOf(i), seed.decisionId));
    await measure("ballot revision (submitBallot)", (i) => submitBallot(actorOf(i), seed.decisionId, ballot()));
    await measure("SELECT 1 through Prisma ($queryRawUnsafe)", () => prisma.$queryRawUnsafe("SELECT 1"));
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
