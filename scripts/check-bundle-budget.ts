// Fails when a page's first-load JavaScript outgrows its budget. Reads the route list Next writes at
// build time (<distDir>/diagnostics/route-bundle-stats.json: each route's first-load chunks), gzips
// each chunk as a browser would receive it, and prints every page's total. Run after `next build`:
//   npx tsx scripts/check-bundle-budget.ts [distDir]        (default: .next; npm test checks .next-e2e)
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

/** Budgets in KB of gzipped JavaScript; the first pattern that matches a route applies. */
export const BUDGETS: { route: RegExp; kb: number; why: string }[] = [
  { route: /\/decisions\/(new|\[decisionId\]\/edit)$/, kb: 190, why: "the decision form (options, criteria, pairwise weights)" },
  { route: /\/vote$/, kb: 160, why: "the ballot matrix with autosaved drafts" },
  { route: /.*/, kb: 150, why: "every other page; charts load after the page, only where drawn" },
];

interface RouteStats {
  route: string;
  firstLoadChunkPaths: string[];
}

export function budgetFor(route: string) {
  return BUDGETS.find((b) => b.route.test(route))!;
}

function main() {
  const distDir = process.argv[2] ?? ".next";
  const file = path.join(distDir, "diagnostics", "route-bundle-stats.json");
  if (!fs.existsSync(file)) {
    console.error(`${file} not found: run \`next build\` first (with NEXT_DIST_DIR=${distDir}).`);
    process.exit(2);
  }
  const routes = JSON.parse(fs.readFileSync(file, "utf8")) as RouteStats[];
  const gzipped = new Map<string, number>();
  const sizeOf = (chunk: string) => {
    if (!gzipped.has(chunk)) gzipped.set(chunk, zlib.gzipSync(fs.readFileSync(chunk)).length);
    return gzipped.get(chunk)!;
  };
  let over = 0;
  console.log(`First-load JavaScript per page (gzip), from ${file}:`);
  for (const { route, firstLoadChunkPaths } of [...routes].sort((a, b) => a.route.localeCompare(b.route))) {
    const kb = firstLoadChunkPaths.reduce((sum, chunk) => sum + sizeOf(chunk), 0) / 1024;
    const budget = budgetFor(route);
    const ok = kb <= budget.kb;
    if (!ok) over++;
    console.log(`  ${ok ? " " : "✗"} ${route.padEnd(58)} ${kb.toFixed(0).padStart(4)} KB  (budget ${budget.kb} KB)`);
  }
  if (over) {
    console.error(`${over} page(s) over budget. Load heavy components with next/dynamic where they are drawn, or raise a budget in ${path.relative(process.cwd(), __filename)} saying why.`);
    process.exit(1);
  }
}

if (require.main === module) main();
