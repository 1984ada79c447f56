// bench/pages: how long the main pages take to load in Chromium against the production build, with a
// closed decision of 30 voters' ballots (5 options × 8 criteria) and its record. Each page's median is
// given as a ratio to the sign-in page's median measured in the same run (a page with no data reads),
// so machine load cancels out. Pages are visited round-robin, RUNS times each, signed in as the owner.
//
//   npm run bench:pages                                  # both engines
//   npm run bench:pages -- --engines postgres --runs 5 --port 3232
import { chromium, type Page } from "@playwright/test";
import { setDb } from "../lib/db";
import {
  BENCH_PASSWORD,
  ensureBuild,
  freshDatabase,
  loadLine,
  machineLines,
  option,
  percentile,
  seedProject,
  startServer,
  type EngineName,
} from "./support";

const ENGINES = option("engines", "BENCH_ENGINES", "pglite,postgres").split(",") as EngineName[];
const PORT = Number(option("port", "BENCH_PORT", "3232"));
const RUNS = Number(option("runs", "BENCH_RUNS", "7"));
const VOTERS = 30;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

interface Timing {
  /** Navigation start to the first byte of the page: the server's render. */
  server: number;
  /** Navigation start to the load event. */
  load: number;
}

async function visit(page: Page, url: string): Promise<Timing> {
  const response = await page.goto(url, { waitUntil: "load" });
  if (!response || response.status() !== 200) throw new Error(`${url} answered ${response?.status()}`);
  if (new URL(page.url()).pathname !== new URL(url).pathname) throw new Error(`${url} went to ${page.url()}`);
  return page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    return { server: nav.responseStart - nav.startTime, load: nav.loadEventEnd - nav.startTime };
  });
}

async function run(engine: EngineName) {
  const db = await freshDatabase(engine);
  if (!db) return;
  try {
    const seed = await seedProject(db, VOTERS);
    // Everyone votes, then the owner closes the vote, which writes the record.
    const { prisma } = await db.open();
    setDb(prisma);
    const { submitBallot } = await import("../lib/server/decisions/submit-ballot");
    const { closeDecision } = await import("../lib/server/decisions/close-decision");
    for (const [i, voter] of seed.voters.entries()) {
      await submitBallot({ userId: voter.userId, via: "token" }, seed.decisionId, {
        scores: seed.options.flatMap((optionId, o) =>
          seed.criteria.map((criterionId, c) => ({ optionId, criterionId, value: (i * 7 + o * 3 + c * 5) % 11 })),
        ),
        comment: `Voter ${i + 1}'s reasons`,
      });
    }
    await closeDecision({ userId: "bench-owner", via: "session" }, seed.decisionId);
    await db.release();

    const server = await startServer(db.url, PORT);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    try {
      const signedOut = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const signedIn = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await signedIn.goto(`${server.url}/signin`);
      await signedIn.getByLabel("Email").fill("owner@bench.test");
      await signedIn.getByLabel("Password").fill(BENCH_PASSWORD);
      await signedIn.getByRole("button", { name: "Sign in" }).click();
      await signedIn.waitForURL((url) => !url.pathname.startsWith("/signin"));

      const base = `${server.url}/projects/${seed.projectId}`;
      const pages: { name: string; page: Page; url: string }[] = [
        { name: "sign-in (reference)", page: signedOut, url: `${server.url}/signin` },
        { name: "project overview", page: signedIn, url: base },
        { name: "decision", page: signedIn, url: `${base}/decisions/${seed.decisionId}` },
        { name: "results", page: signedIn, url: `${base}/decisions/${seed.decisionId}/results` },
        { name: "record", page: signedIn, url: `${base}/records/${seed.decisionId}` },
        { name: "audit log", page: signedIn, url: `${base}/audit` },
      ];
      for (const p of pages) await visit(p.page, p.url); // warm-up: compiled, cached, connected
      const timings = new Map<string, Timing[]>(pages.map((p) => [p.name, []]));
      for (let i = 0; i < RUNS; i++) {
        for (const p of pages) timings.get(p.name)!.push(await visit(p.page, p.url));
      }
      const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);
      const reference = median(timings.get(pages[0]!.name)!.map((t) => t.load));
      console.log(`\n${db.label}: ${VOTERS} voters' ballots, closed, with its record; medians of ${RUNS} loads (load ${loadLine()})`);
      console.log(`    ${"page".padEnd(22)} ${"first byte".padStart(10)} ${"load".padStart(8)}   ratio to sign-in`);
      for (const p of pages) {
        const list = timings.get(p.name)!;
        const load = median(list.map((t) => t.load));
        console.log(
          `    ${p.name.padEnd(22)} ${median(list.map((t) => t.server)).toFixed(0).padStart(7)} ms ${load.toFixed(0).padStart(5)} ms   ${(load / reference).toFixed(2)}`,
        );
      }
      console.log(`    server RSS ${server.rssMb()?.toFixed(0) ?? "?"} MB`);
    } finally {
      await browser.close();
      await server.stop();
    }
  } finally {
    await db.destroy();
  }
}

async function main() {
  for (const line of machineLines()) console.log(line);
  ensureBuild(process.env.BENCH_REBUILD === "1");
  for (const engine of ENGINES) await run(engine);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
