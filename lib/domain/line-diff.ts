// Line diff of two texts by longest common subsequence, for comparing record versions side by side.

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

// Above this many cells the LCS table would cost too much memory; the middle is then shown as one
// replaced block, which is still a correct (if not minimal) diff.
const MAX_TABLE_CELLS = 16_000_000;

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
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }

  const out: DiffLine[] = [];
  for (let i = 0; i < start; i++) out.push({ kind: "same", text: a[i]!, oldLine: i + 1, newLine: i + 1 });
  out.push(...diffMiddle(a, b, start, endA, endB));
  for (let i = endA, j = endB; i < a.length; i++, j++) {
    out.push({ kind: "same", text: a[i]!, oldLine: i + 1, newLine: j + 1 });
  }
  return out;
}

function diffMiddle(a: string[], b: string[], start: number, endA: number, endB: number): DiffLine[] {
  const n = endA - start;
  const m = endB - start;
  const removed = (i: number): DiffLine => ({ kind: "removed", text: a[i]!, oldLine: i + 1 });
  const added = (j: number): DiffLine => ({ kind: "added", text: b[j]!, newLine: j + 1 });
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > MAX_TABLE_CELLS) {
    const out: DiffLine[] = [];
    for (let i = start; i < endA; i++) out.push(removed(i));
    for (let j = start; j < endB; j++) out.push(added(j));
    return out;
  }
  // lcs[i][j] = length of the LCS of a[start+i..endA) and b[start+j..endB), in one flat array.
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[start + i] === b[start + j]
          ? lcs[(i + 1) * width + j + 1]! + 1
          : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[start + i] === b[start + j]) {
      out.push({ kind: "same", text: a[start + i]!, oldLine: start + i + 1, newLine: start + j + 1 });
      i++;
      j++;
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
      // Removals before additions, so a changed line reads old-then-new.
      out.push(removed(start + i));
      i++;
    } else {
      out.push(added(start + j));
      j++;
    }
  }
  for (; i < n; i++) out.push(removed(start + i));
  for (; j < m; j++) out.push(added(start + j));
  return out;
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
