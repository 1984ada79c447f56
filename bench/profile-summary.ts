// bench/profile-summary: where a V8 CPU profile's time went, by part of the stack (self time per
// module group) and by function. Reads a .cpuprofile written with BENCH_CPU_PROF (bench/support.ts).
//
//   BENCH_CPU_PROF=/tmp/prof npm run bench:load -- --stages 32x15 --engines postgres
//   npx tsx bench/profile-summary.ts /tmp/prof/CPU.*.cpuprofile [--top 30]
import fs from "node:fs";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** The part of the stack a script belongs to, from its URL. */
function groupOf(url: string, name: string): string {
  if (name === "(idle)") return "idle";
  if (name === "(garbage collector)") return "garbage collector";
  if (name === "(program)") return "V8/native (program)";
  if (!url) return `native: ${name || "(anonymous)"}`;
  if (/query_compiler|query-compiler|wasm/.test(url)) return "prisma: query compiler (wasm)";
  if (/@prisma\/client|generated\/prisma|prisma\/client\/runtime|@prisma/.test(url)) return "prisma: client runtime";
  if (/pglite/.test(url)) return "pglite";
  if (/node_modules\/pg|pg-protocol|pg-pool/.test(url)) return "pg driver";
  if (/next-auth|@auth/.test(url)) return "auth.js";
  if (/zod/.test(url)) return "zod";
  if (/react-dom|react-server-dom|\/react\//.test(url)) return "react";
  if (/next\/dist\/compiled/.test(url)) return "next (compiled deps)";
  if (/next\/dist/.test(url)) return "next server";
  if (/\.next-[a-z0-9-]+\/server\/chunks|\.next\/server/.test(url)) return "app bundle (server chunks)";
  if (url.startsWith("node:")) return `node: ${url.slice(5).split("/")[0]}`;
  return url.replace(/^.*node_modules\//, "").split("/").slice(0, 2).join("/");
}

function summarize(file: string, top: number, skipSeconds: number) {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<number, number>();
  // Samples from the first skipSeconds (start-up, module loading, warm-up) are left out.
  let clock = profile.startTime;
  profile.samples.forEach((id, i) => {
    clock += profile.timeDeltas[i] ?? 0;
    if (clock - profile.startTime < skipSeconds * 1e6) return;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  // Inclusive time of the frames INCLUSIVE names (each sample counted once per name).
  const inclusive = new Map<string, number>();
  for (const [id, us] of self) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at)!;
      const label = INCLUSIVE.find(([, test]) => test(node.callFrame.functionName, node.callFrame.url))?.[0];
      if (label && !seen.has(label)) {
        seen.add(label);
        inclusive.set(label, (inclusive.get(label) ?? 0) + us);
      }
    }
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const groups = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, us] of self) {
    const node = byId.get(id)!;
    const group = groupOf(node.callFrame.url, node.callFrame.functionName);
    groups.set(group, (groups.get(group) ?? 0) + us);
    const fn = `${node.callFrame.functionName || "(anonymous)"} ${node.callFrame.url.replace(/^.*\/(node_modules|\.next-[a-z0-9-]+)\//, "")}:${node.callFrame.lineNumber + 1}`;
    functions.set(fn, (functions.get(fn) ?? 0) + us);
  }
  const busy = total - (groups.get("idle") ?? 0);
  console.log(`${file}: ${(total / 1e6).toFixed(1)} s profiled, ${(busy / 1e6).toFixed(1)} s busy`);
  console.log("  self time by group (share of busy time):");
  for (const [group, us] of [...groups].filter(([g]) => g !== "idle").sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(`    ${((100 * us) / busy).toFixed(1).padStart(5)} %  ${(us / 1e6).toFixed(2).padStart(6)} s  ${group}`);
  }
  console.log("  inclusive time (share of busy time) of:");
  for (const [label, us] of [...inclusive].sort((a, b) => b[1] - a[1])) {
    console.log(`    ${((100 * us) / busy).toFixed(1).padStart(5)} %  ${label}`);
  }
  console.log(`  top ${top} functions by self time:`);
  for (const [fn, us] of [...functions].filter(([f]) => !f.startsWith("(idle)")).sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`    ${((100 * us) / busy).toFixed(1).padStart(5)} %  ${fn.slice(0, 150)}`);
  }
}

/** Frames whose inclusive time is worth knowing, by name and script. */
const INCLUSIVE: [string, (name: string, url: string) => boolean][] = [
  ["prisma: compile a query (wasm compile incl. JSON)", (n, u) => /client\.js/.test(u) && /compile/i.test(n)],
  ["prisma: query compiler wasm (any)", (_n, u) => u.startsWith("wasm://") || /query_compiler/.test(u)],
  ["zlib (response compression)", (_n, u) => u === "node:zlib"],
  ["proxy.ts / middleware", (n, u) => /middleware|proxy/i.test(u) && /adapter|run/i.test(n)],
  ["garbage collector", (n) => n === "(garbage collector)"],
];

const flag = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const top = flag("--top", 25);
const skip = flag("--skip", 0);
const files = process.argv.slice(2).filter((a, i, all) => !a.startsWith("--") && !all[i - 1]?.startsWith("--"));
for (const file of files) summarize(file, top, skip);
