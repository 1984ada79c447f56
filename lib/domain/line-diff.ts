// Line diff of two texts by longest common subsequence, for comparing record versions side by side.
import { diffArrays } from "diff";

export type DiffKind = "same" | "removed" | "added";

export interface DiffLine {
  kind: DiffKind;
  text: string;
  /** 1-based line number in the old text (absent for added lines). */
  oldLine?: number;
  /** 1-based line number in the new text (absent for removed lines). */
  newLine?: number;
}

export interface DiffRow {
  left: { line: number; text: string; kind: "same" | "removed" } | null;
  right: { line: number; text: string; kind: "same" | "added" } | null;
}

// Past this many removed-plus-added lines the search for a shortest edit script stops, and the
// changed middle is shown as one replaced block: still a correct (if not minimal) diff, found fast.
const MAX_EDIT_LENGTH = 1_000;

export function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  // A final newline ends the last line rather than starting an empty one.
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** The edit script from `before` to `after`: every line of both, in order, marked same/removed/added. */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  // Myers' algorithm (the `diff` package): a shortest edit script, so a longest common subsequence kept.
  const changes = diffArrays(a, b, { maxEditLength: MAX_EDIT_LENGTH }) ?? replacedBlock(a, b);
  const out: DiffLine[] = [];
  let oldLine = 1;
  let newLine = 1;
  for (const change of changes) {
    for (const text of change.value) {
      if (change.removed) out.push({ kind: "removed", text, oldLine: oldLine++ });
      else if (change.added) out.push({ kind: "added", text, newLine: newLine++ });
      else out.push({ kind: "same", text, oldLine: oldLine++, newLine: newLine++ });
    }
  }
  return out;
}

/** The common head and tail kept, everything between them removed and then added. */
function replacedBlock(a: string[], b: string[]): { value: string[]; added?: boolean; removed?: boolean }[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return [
    { value: a.slice(0, head) },
    { value: a.slice(head, a.length - tail), removed: true },
    { value: b.slice(head, b.length - tail), added: true },
    { value: a.slice(a.length - tail) },
  ];
}

/**
 * Pairs a diff into side-by-side rows: unchanged lines face each other, and a run of removals faces
 * the run of additions that follows it, line by line; the longer run continues against blanks.
 */
export function sideBySide(diff: DiffLine[]): DiffRow[] {
  const rows: DiffRow[] = [];
  let index = 0;
  while (index < diff.length) {
    const line = diff[index]!;
    if (line.kind === "same") {
      rows.push({
        left: { line: line.oldLine!, text: line.text, kind: "same" },
        right: { line: line.newLine!, text: line.text, kind: "same" },
      });
      index++;
      continue;
    }
    const removed: DiffLine[] = [];
    const added: DiffLine[] = [];
    while (index < diff.length && diff[index]!.kind !== "same") {
      const change = diff[index]!;
      (change.kind === "removed" ? removed : added).push(change);
      index++;
    }
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      const left = removed[k];
      const right = added[k];
      rows.push({
        left: left ? { line: left.oldLine!, text: left.text, kind: "removed" } : null,
        right: right ? { line: right.newLine!, text: right.text, kind: "added" } : null,
      });
    }
  }
  return rows;
}

/** Counts of added and removed lines, for a summary like "+3 −1". */
export function diffStats(diff: DiffLine[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const line of diff) {
    if (line.kind === "added") added++;
    else if (line.kind === "removed") removed++;
  }
  return { added, removed };
}

export type FoldedRow = DiffRow | { fold: number };

/**
 * Hides long runs of unchanged rows, keeping `context` rows next to each change, the way code review
 * tools do; each hidden run becomes one `{ fold: count }` marker.
 */
export function foldUnchanged(rows: DiffRow[], context = 3): FoldedRow[] {
  const changed = rows.map((row) => row.left?.kind !== "same" || row.right?.kind !== "same");
  const keep = rows.map((_, index) => {
    for (let k = Math.max(0, index - context); k <= Math.min(rows.length - 1, index + context); k++)
      if (changed[k]) return true;
    return false;
  });
  const out: FoldedRow[] = [];
  let hidden = 0;
  rows.forEach((row, index) => {
    if (keep[index]) {
      if (hidden > 0) out.push({ fold: hidden });
      hidden = 0;
      out.push(row);
    } else hidden++;
  });
  if (hidden > 0) out.push({ fold: hidden });
  return out;
}
