// Recounts one decision's result tallies from its scores and prints any difference; exits 1 on one.
//   npm run results:recount -- --decision <id>
import { getDb } from "../lib/db";
import { recountResults } from "../lib/server/decisions/recount-results";

async function main() {
  const at = process.argv.indexOf("--decision");
  const decisionId = at >= 0 ? process.argv[at + 1] : undefined;
  if (!decisionId) {
    console.error("Usage: npm run results:recount -- --decision <decisionId>");
    process.exit(2);
  }
  const db = getDb();
  try {
    const report = await recountResults(db, decisionId);
    if (report.differences.length === 0) {
      console.log(`Decision ${decisionId}: ${report.ballots} ballot(s); the maintained tallies equal the recount from every score.`);
      return;
    }
    console.error(`Decision ${decisionId}: ${report.differences.length} difference(s) between the maintained tallies and the recount:`);
    for (const line of report.differences) console.error(`  ${line}`);
    process.exitCode = 1;
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
