// bench/load: the production build (`next start`) under concurrent voters, on the embedded database and
// on PostgreSQL. Each stage runs C voter clients and, beside them, C probe clients:
//   voters  PUT /api/v1/decisions/{id}/ballot (a 5 × 8 ballot, then revisions of it) and, every third
//           request, GET /api/v1/decisions/{id} (who has voted);
//   probes  GET /api/v1/projects, the trivial authenticated route.
// Every client waits for its answer before sending the next request (keep-alive connections): these
// stages saturate the server, so their latencies are queueing (Little's law: with C clients in a closed
// loop, a request waits about C ÷ throughput). Prints ok/s, p50/p99 and errors per route and the ratio
// ballot ok/s ÷ probe ok/s (target ≥ 0.5 at 32 voters).
// Then a paced stage (`--paced 32x30@1`): C voters each sending about R requests a second, the same mix,
// at jittered times whether or not the previous answer has come (an open loop), and no probes: the
// latency a voter sees at that arrival rate, which is what "p99 < 100 ms" is about. With `--ballots
// off` the paced clients call the trivial route instead.
// Afterwards it stops the server, recounts the decision's results from its scores and checks that every
// acknowledged ballot is stored exactly once. Exits 1 on a failed check. Localhost only.
//
//   npm run bench:load                                     # 32 voters × 30 s, 200 × 60 s, then paced 32 × 30 s at 1/s; both engines
//   npm run bench:load -- --stages 32x10 --engines postgres
//   BENCH_STAGES=8x5 BENCH_ENGINES=pglite BENCH_PORT=3231 npm run bench:load
//   npm run bench:load -- --stages 32x15 --ballots off     # the trivial route alone: its CPU per request
//   npm run bench:load -- --stages 32x20 --paced 32x30@1,64x30@1   # paced stages; --paced off for none
//   BENCH_CPU_PROF=/tmp/prof npm run bench:load -- …        # plus a CPU profile (bench/profile-summary.ts)
import { loadLine, machineLines, ensureBuild, freshDatabase, option, percentile, seedProject, startServer, type EngineName, type SeededProject } from "./support";

const STAGES = option("stages", "BENCH_STAGES", "32x30,200x60")
  .split(",")
  .map((stage) => {
    const [voters, seconds] = stage.split("x").map(Number);
    if (!voters || !seconds) throw new Error(`A stage is <voters>x<seconds>, got "${stage}"`);
    return { voters, seconds };
  });
/** `<voters>x<seconds>@<requests per second per voter>`: open-loop stages run after the saturating ones. */
const PACED = option("paced", "BENCH_PACED", "32x30@1")
  .split(",")
  .filter((stage) => stage && stage !== "off")
  .map((stage) => {
    const match = /^(\d+)x(\d+)@(\d+(?:\.\d+)?)$/.exec(stage);
    if (!match) throw new Error(`A paced stage is <voters>x<seconds>@<per second>, got "${stage}"`);
    return { voters: Number(match[1]), seconds: Number(match[2]), perSecond: Number(match[3]) };
  });
const ENGINES = option("engines", "BENCH_ENGINES", "pglite,postgres").split(",") as EngineName[];
const PORT = Number(option("port", "BENCH_PORT", "3231"));
const PROBES_PER_VOTER = Number(option("probes", "BENCH_PROBES", "1"));
const TIMEOUT_MS = 30_000;
/** "off": the voter clients send no ballots and no decision reads, so the stage measures the trivial route alone. */
const BALLOTS = option("ballots", "BENCH_BALLOTS", "on") !== "off";

type Route = "PUT ballot" | "GET decision (participation)" | "GET projects (trivial)";

class RouteStats {
  ok: number[] = [];
  errors = new Map<string, number>();
  record(ms: number, status: number | string) {
    if (status === 200) this.ok.push(ms);
    else this.errors.set(String(status), (this.errors.get(String(status)) ?? 0) + 1);
  }
  get errorCount() {
    return [...this.errors.values()].reduce((a, b) => a + b, 0);
  }
}

/** A ballot over every cell: mostly scores, some abstentions. */
function randomBallot(seed: SeededProject) {
  const scores = seed.options.flatMap((optionId) =>
    seed.criteria.map((criterionId) => ({
      optionId,
      criterionId,
      value: Math.random() < 0.05 ? null : seed.scale.min + Math.floor(Math.random() * (seed.scale.max - seed.scale.min + 1)),
    })),
  );
  return JSON.stringify({ scores, comment: "bench" });
}

async function timed(url: string, init: RequestInit): Promise<{ ms: number; status: number | string; body: string }> {
  const start = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
    const body = await response.text();
    return { ms: performance.now() - start, status: response.status, body };
  } catch (error) {
    return { ms: performance.now() - start, status: (error as Error).name === "TimeoutError" ? "timeout" : "network", body: "" };
  }
}

/** What each voter was told: acknowledged submissions and the revisions they reported. */
interface Acks {
  count: number;
  revisions: number[];
  /** Requests whose outcome is unknown (timeout, dropped connection): they may or may not have landed. */
  unknown: number;
  /** Requests still unanswered when a stage was given up on (see `watched`). */
  pending: number;
}

const newStats = (): Record<Route, RouteStats> => ({
  "PUT ballot": new RouteStats(),
  "GET decision (participation)": new RouteStats(),
  "GET projects (trivial)": new RouteStats(),
});

/** One voter's n-th request (every third reads who has voted, the others submit or revise), and one probe's. */
function requests(base: string, seed: SeededProject, stats: Record<Route, RouteStats>, acks: Acks[]) {
  const voterRequest = async (index: number, n: number) => {
    const { token } = seed.voters[index]!;
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    if (n % 3 === 2) {
      const r = await timed(`${base}/api/v1/decisions/${seed.decisionId}`, { headers });
      stats["GET decision (participation)"].record(r.ms, r.status);
      return;
    }
    acks[index]!.pending++;
    const r = await timed(`${base}/api/v1/decisions/${seed.decisionId}/ballot`, { method: "PUT", headers, body: randomBallot(seed) });
    acks[index]!.pending--;
    stats["PUT ballot"].record(r.ms, r.status);
    if (r.status === 200) {
      acks[index]!.count++;
      acks[index]!.revisions.push((JSON.parse(r.body) as { revision: number }).revision);
    } else if (typeof r.status === "string" || r.status >= 500) {
      acks[index]!.unknown++;
    }
  };
  const probeRequest = async (index: number) => {
    const headers = { authorization: `Bearer ${seed.voters[index % seed.voters.length]!.probeToken}` };
    const r = await timed(`${base}/api/v1/projects`, { headers });
    stats["GET projects (trivial)"].record(r.ms, r.status);
  };
  return { voterRequest, probeRequest };
}

/**
 * The open loop: each voter sends at its own jittered times (gaps uniform in 0.5–1.5 × 1/R s), without
 * waiting for earlier answers, so the arrival rate is fixed and latency is not hidden by clients that
 * slow down with the server.
 */
async function runPaced(base: string, seed: SeededProject, voters: number, seconds: number, perSecond: number, acks: Acks[]) {
  const stats = newStats();
  const { voterRequest, probeRequest } = requests(base, seed, stats, acks);
  const started = performance.now();
  const until = started + seconds * 1000;
  const gap = 1000 / perSecond;
  const sent: Promise<void>[] = [];
  const paced = async (send: (n: number) => Promise<void>) => {
    let at = started + Math.random() * gap;
    for (let n = 0; at < until; n++) {
      const wait = at - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      sent.push(send(n));
      at += gap * (0.5 + Math.random());
    }
  };
  const loops = Promise.all(Array.from({ length: voters }, (_, i) => paced((n) => (BALLOTS ? voterRequest(i, n) : probeRequest(i)))));
  await watched(
    loops.then(() => Promise.all(sent)),
    seconds,
    stats,
    acks,
  );
  return { stats, elapsed: (performance.now() - started) / 1000 };
}

async function runStage(base: string, seed: SeededProject, voters: number, seconds: number, acks: Acks[]) {
  const stats = newStats();
  const started = performance.now();
  const until = started + seconds * 1000;
  const { voterRequest, probeRequest } = requests(base, seed, stats, acks);
  const voter = async (index: number) => {
    for (let n = 0; BALLOTS && performance.now() < until; n++) await voterRequest(index, n);
  };
  const probe = async (index: number) => {
    while (performance.now() < until) await probeRequest(index);
  };
  await watched(
    Promise.all([
      ...Array.from({ length: voters }, (_, i) => voter(i)),
      ...Array.from({ length: Math.round(voters * PROBES_PER_VOTER) }, (_, i) => probe(i)),
    ]),
    seconds,
    stats,
    acks,
  );
  return { stats, elapsed: (performance.now() - started) / 1000 };
}

/**
 * A watchdog: a stage that has not finished one request timeout after its end is given up on, and its
 * unanswered ballots count as of unknown outcome.
 */
async function watched(work: Promise<unknown>, seconds: number, stats: Record<Route, RouteStats>, acks: Acks[]) {
  let watchdog: NodeJS.Timeout | undefined;
  const finished = await Promise.race([
    work.then(() => true),
    new Promise<false>((resolve) => (watchdog = setTimeout(() => resolve(false), seconds * 1000 + TIMEOUT_MS + 15_000))),
  ]);
  clearTimeout(watchdog);
  if (!finished) {
    const pending = acks.reduce((n, a) => n + a.pending, 0);
    console.log(`    WATCHDOG: the stage did not finish; ${pending} ballot request(s) never answered (counted as unknown)`);
    for (const a of acks) {
      a.unknown += a.pending;
      a.pending = 0;
    }
    stats["PUT ballot"].record(0, "unanswered");
  }
}

function printStage(stats: Record<Route, RouteStats>, elapsed: number, paced = false) {
  const rate = (route: Route) => stats[route].ok.length / elapsed;
  for (const [route, s] of Object.entries(stats) as [Route, RouteStats][]) {
    if (paced && s.ok.length === 0 && s.errorCount === 0) continue;
    const sorted = [...s.ok].sort((a, b) => a - b);
    const errors = s.errorCount ? ` errors ${s.errorCount} (${[...s.errors].map(([k, v]) => `${k}: ${v}`).join(", ")})` : " errors 0";
    console.log(
      `    ${route.padEnd(30)} ${rate(route).toFixed(1).padStart(7)} ok/s   p50 ${percentile(sorted, 50).toFixed(0).padStart(5)} ms   p99 ${percentile(sorted, 99).toFixed(0).padStart(5)} ms  ${errors}`,
    );
  }
  const ratio = rate("PUT ballot") / rate("GET projects (trivial)");
  // Paced, ok/s is the arrival rate (when all is answered): the ratio says nothing about capacity.
  if (!paced) console.log(`    ratio ballot ok/s ÷ trivial ok/s: ${ratio.toFixed(2)}`);
  return { ratio, errors: Object.values(stats).reduce((n, s) => n + s.errorCount, 0) };
}

/** Every acknowledged ballot stored exactly once, and the maintained tallies equal to a recount. */
async function verify(db: Awaited<ReturnType<typeof freshDatabase>> & object, seed: SeededProject, acks: Acks[]) {
  const problems: string[] = [];
  const { prisma, sql } = await db.open();
  try {
    const { setDb } = await import("../lib/db");
    setDb(prisma);
    const ballots = await sql(
      `SELECT b."voterId", b.revision, (SELECT count(*) FROM "Score" s WHERE s."ballotId" = b.id)::int AS scores
       FROM "Ballot" b WHERE b."decisionId" = $1`,
      [seed.decisionId],
    );
    const byVoter = new Map(ballots.map((b) => [String(b.voterId), b]));
    const cells = seed.options.length * seed.criteria.length;
    let acknowledged = 0;
    let uncertain = 0;
    seed.voters.forEach((voter, i) => {
      const ack = acks[i]!;
      acknowledged += ack.count;
      uncertain += ack.unknown;
      const stored = byVoter.get(voter.userId);
      if (ack.count === 0 && ack.unknown === 0) {
        if (stored) problems.push(`${voter.userId}: a ballot is stored that was never acknowledged`);
        return;
      }
      if (!stored) {
        if (ack.count > 0) problems.push(`${voter.userId}: ${ack.count} acknowledged ballot(s), none stored`);
        return;
      }
      const revision = Number(stored.revision);
      // Each acknowledged submission is one revision: the stored one counts them all (plus any unknown outcome).
      if (revision < ack.count || revision > ack.count + ack.unknown) {
        problems.push(`${voter.userId}: ${ack.count} acknowledged (+${ack.unknown} unknown) but stored revision ${revision}`);
      }
      const sorted = [...ack.revisions].sort((a, b) => a - b);
      if (new Set(sorted).size !== sorted.length) problems.push(`${voter.userId}: two acknowledgements carried the same revision`);
      if (Number(stored.scores) !== cells) problems.push(`${voter.userId}: ${stored.scores} scores stored, expected ${cells}`);
    });
    const [events] = await sql(
      `SELECT count(*)::int AS n FROM "AuditEvent" WHERE "projectId" = $1 AND action IN ('ballot.submitted', 'ballot.revised')`,
      [seed.projectId],
    );
    const eventCount = Number(events?.n);
    if (eventCount < acknowledged || eventCount > acknowledged + uncertain) {
      problems.push(`${eventCount} ballot audit events for ${acknowledged} acknowledged ballots`);
    }
    const { recountResults } = await import("../lib/server/decisions/recount-results");
    const report = await recountResults(prisma, seed.decisionId);
    problems.push(...report.differences.map((d) => `recount: ${d}`));
    console.log(
      `  check: ${acknowledged} acknowledged ballots (${uncertain} of unknown outcome) → ${ballots.length} ballot rows, ${eventCount} audit events; recount of ${report.ballots} ballot(s): ${report.differences.length} difference(s)`,
    );
  } finally {
    await db.release();
  }
  return problems;
}

async function main() {
  for (const line of machineLines()) console.log(line);
  ensureBuild(process.env.BENCH_REBUILD === "1");
  const most = Math.max(...STAGES.map((s) => s.voters), ...PACED.map((s) => s.voters));
  let failed = false;
  const summary: string[] = [];
  for (const engine of ENGINES) {
    const db = await freshDatabase(engine);
    if (!db) continue;
    try {
      const seed = await seedProject(db, most);
      const server = await startServer(db.url, PORT);
      const acks: Acks[] = seed.voters.map(() => ({ count: 0, revisions: [], unknown: 0, pending: 0 }));
      console.log(`\n${db.label}: ${most} voters seeded, decision of ${seed.options.length} options × ${seed.criteria.length} criteria, server on ${server.url}`);
      try {
        // Warm-up: every route compiled and connected before anything is timed.
        await runStage(server.url, seed, Math.min(4, most), 2, acks);
        const stages = [...STAGES.map((stage) => ({ ...stage, perSecond: 0 })), ...PACED];
        for (const { voters, seconds, perSecond } of stages) {
          const paced = perSecond > 0;
          console.log(
            paced
              ? `  paced: ${voters} ${BALLOTS ? "voters" : "probes"}, each about ${perSecond} request(s)/s, for ${seconds} s (open loop; load before: ${loadLine()})`
              : `  ${voters} voters + ${Math.round(voters * PROBES_PER_VOTER)} probes for ${seconds} s (load before: ${loadLine()})`,
          );
          const cpuBefore = server.cpuMs();
          const { stats, elapsed } = paced
            ? await runPaced(server.url, seed, voters, seconds, perSecond, acks)
            : await runStage(server.url, seed, voters, seconds, acks);
          const cpuUsed = (server.cpuMs() ?? NaN) - (cpuBefore ?? NaN);
          const { ratio, errors } = printStage(stats, elapsed, paced);
          const served = Object.values(stats).reduce((n, s) => n + s.ok.length, 0);
          console.log(
            `    server CPU ${(cpuUsed / 1000).toFixed(1)} s over ${elapsed.toFixed(0)} s (${((100 * cpuUsed) / (elapsed * 1000)).toFixed(0)} % of one core), ${(cpuUsed / served).toFixed(1)} ms per answered request`,
          );
          if (stats["PUT ballot"].errors.has("500")) {
            const lines = server.logTail().split("\n").filter((line) => /error|Error/.test(line));
            console.log(`    the server's last error lines:\n${lines.slice(-6).map((l) => `      ${l.slice(0, 240)}`).join("\n")}`);
          }
          console.log(`    server RSS ${server.rssMb()?.toFixed(0) ?? "?"} MB; load after: ${loadLine()}`);
          const ballotSorted = [...stats["PUT ballot"].ok].sort((a, b) => a - b);
          summary.push(
            paced
              ? `${db.label}, paced ${voters} voters × ${perSecond}/s: ballot p50 ${percentile(ballotSorted, 50).toFixed(0)} ms, p99 ${percentile(ballotSorted, 99).toFixed(0)} ms, ${errors} error(s)`
              : `${db.label}, ${voters} voters (saturating): ratio ${ratio.toFixed(2)}, ballot p99 ${percentile(ballotSorted, 99).toFixed(0)} ms, ${errors} error(s)`,
          );
          if (errors) failed = true;
        }
      } finally {
        await server.stop();
      }
      const problems = await verify(db, seed, acks);
      for (const problem of problems.slice(0, 20)) console.error(`  FAILED ${problem}`);
      if (problems.length) failed = true;
    } finally {
      await db.destroy();
    }
  }
  console.log(`\nSummary (targets: ratio ≥ 0.5 at 32 voters saturating, p99 < 100 ms paced on a quiet machine, zero errors):`);
  for (const line of summary) console.log(`  ${line}`);
  if (failed) process.exitCode = 1;
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
