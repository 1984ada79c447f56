// The layering rules of STYLE.md, checked on the source text: no import cycle in lib/, and no UI
// component reaching into the server layer.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return relative === "lib/generated" ? [] : sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

// Static imports, re-exports and dynamic import() calls; `import type` counts too, since a type-only
// cycle still ties two modules together for a reader.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm;

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  return [...text.matchAll(SPECIFIER)].map((match) => match[1]!);
}

/** The repository-relative file a specifier names, or null for packages. */
function resolve(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    const full = path.join(ROOT, candidate);
    if (fs.existsSync(full) && fs.statSync(full).isFile()) return candidate;
  }
  throw new Error(`${from} imports ${specifier}, which names no file`);
}

/** Every cycle found by a depth-first walk, each as the chain of files that closes it. */
function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, "active" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "active");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "active") cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}

describe("import graph", () => {
  it("finds a cycle when there is one (the checker itself)", () => {
    const graph = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts"]],
      ["d.ts", ["a.ts"]],
    ]);
    expect(findCycles(graph)).toEqual([["a.ts", "b.ts", "c.ts", "a.ts"]]);
    expect(findCycles(new Map([["a.ts", ["b.ts"]], ["b.ts", []]]))).toEqual([]);
  });

  it("has no import cycle among the modules of lib/", () => {
    const graph = new Map<string, string[]>();
    for (const file of sourceFiles("lib")) {
      const targets = importsOf(file)
        .map((specifier) => resolve(file, specifier))
        .filter((target): target is string => target !== null && target.startsWith("lib/") && !target.startsWith("lib/generated/"));
      graph.set(file, targets);
    }
    expect(graph.size).toBeGreaterThan(50);
    expect(findCycles(graph).map((cycle) => cycle.join(" → "))).toEqual([]);
  });

  it("keeps components/ out of lib/server", () => {
    // Being moved out on the layering branch; this list only ever shrinks.
    const knownExceptions = new Set(["components/audit/entity-history.tsx"]);
    const offenders = sourceFiles("components").filter(
      (file) =>
        !knownExceptions.has(file) &&
        importsOf(file).some((specifier) => resolve(file, specifier)?.startsWith("lib/server/")),
    );
    expect(offenders).toEqual([]);
  });
});
