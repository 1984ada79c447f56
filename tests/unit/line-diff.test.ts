import { describe, expect, it } from "vitest";
import {
  diffLines,
  diffStats,
  foldUnchanged,
  sideBySide,
  splitLines,
  type DiffLine,
} from "@/lib/domain/line-diff";

const compact = (diff: DiffLine[]) =>
  diff.map((d) => `${d.kind === "same" ? " " : d.kind === "added" ? "+" : "-"}${d.text}`);

// Rebuilds both texts from a diff: the old text from same+removed lines, the new from same+added.
function sides(diff: DiffLine[]) {
  return {
    before: diff.filter((d) => d.kind !== "added").map((d) => d.text),
    after: diff.filter((d) => d.kind !== "removed").map((d) => d.text),
  };
}

describe("splitLines", () => {
  it("treats a final newline as the end of the last line and normalizes CRLF", () => {
    expect(splitLines("")).toEqual([]);
    expect(splitLines("a\nb\n")).toEqual(["a", "b"]);
    expect(splitLines("a\r\nb")).toEqual(["a", "b"]);
    expect(splitLines("a\n\n")).toEqual(["a", ""]);
  });
});

describe("diffLines", () => {
  it("marks every line the same for equal texts", () => {
    const diff = diffLines("one\ntwo\n", "one\ntwo\n");
    expect(compact(diff)).toEqual([" one", " two"]);
    expect(diff[1]).toEqual({ kind: "same", text: "two", oldLine: 2, newLine: 2 });
  });

  it("finds a changed line in the middle as a removal followed by an addition", () => {
    const diff = diffLines("a\nb\nc\n", "a\nB\nc\n");
    expect(compact(diff)).toEqual([" a", "-b", "+B", " c"]);
    expect(diff[1]).toMatchObject({ oldLine: 2 });
    expect(diff[2]).toMatchObject({ newLine: 2 });
    expect(diff[3]).toEqual({ kind: "same", text: "c", oldLine: 3, newLine: 3 });
  });

  it("keeps the longest common subsequence (the textbook ABCBDAB / BDCABA case has LCS length 4)", () => {
    const before = "A\nB\nC\nB\nD\nA\nB";
    const after = "B\nD\nC\nA\nB\nA";
    const diff = diffLines(before, after);
    expect(diff.filter((d) => d.kind === "same")).toHaveLength(4);
    expect(sides(diff)).toEqual({ before: splitLines(before), after: splitLines(after) });
    expect(diffStats(diff)).toEqual({ added: 2, removed: 3 });
  });

  it("numbers lines on both sides across insertions and deletions", () => {
    const diff = diffLines("keep\ndrop\nkeep2\n", "new\nkeep\nkeep2\nend\n");
    expect(compact(diff)).toEqual(["+new", " keep", "-drop", " keep2", "+end"]);
    expect(diff.map((d) => [d.oldLine ?? null, d.newLine ?? null])).toEqual([
      [null, 1],
      [1, 2],
      [2, null],
      [3, 3],
      [null, 4],
    ]);
  });

  it("handles empty texts on either side", () => {
    expect(compact(diffLines("", "x\ny"))).toEqual(["+x", "+y"]);
    expect(compact(diffLines("x\ny", ""))).toEqual(["-x", "-y"]);
    expect(diffLines("", "")).toEqual([]);
  });

  it("always rebuilds both texts exactly, whatever the edit (randomized)", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let trial = 0; trial < 200; trial++) {
      const vocabulary = ["a", "b", "c", "d", ""];
      const make = () =>
        Array.from(
          { length: Math.floor(random() * 12) },
          () => vocabulary[Math.floor(random() * vocabulary.length)]!,
        );
      const before = make();
      const after = make();
      const diff = diffLines(before.join("\n"), after.join("\n"));
      const rebuilt = sides(diff);
      expect(rebuilt.before).toEqual(splitLines(before.join("\n")));
      expect(rebuilt.after).toEqual(splitLines(after.join("\n")));
    }
  });
});

describe("sideBySide", () => {
  it("puts removed lines against the added lines that replace them, and pads the longer run", () => {
    const rows = sideBySide(diffLines("a\nold1\nold2\nz", "a\nnew1\nz"));
    expect(rows).toEqual([
      { left: { line: 1, text: "a", kind: "same" }, right: { line: 1, text: "a", kind: "same" } },
      { left: { line: 2, text: "old1", kind: "removed" }, right: { line: 2, text: "new1", kind: "added" } },
      { left: { line: 3, text: "old2", kind: "removed" }, right: null },
      { left: { line: 4, text: "z", kind: "same" }, right: { line: 3, text: "z", kind: "same" } },
    ]);
  });

  it("shows a pure insertion with a blank left side", () => {
    expect(sideBySide(diffLines("a", "a\nb"))).toEqual([
      { left: { line: 1, text: "a", kind: "same" }, right: { line: 1, text: "a", kind: "same" } },
      { left: null, right: { line: 2, text: "b", kind: "added" } },
    ]);
  });
});

describe("foldUnchanged", () => {
  const text = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`);

  it("keeps the given context around each change and folds the rest", () => {
    const before = text(20);
    const after = [...before];
    after[9] = "changed";
    const folded = foldUnchanged(sideBySide(diffLines(before.join("\n"), after.join("\n"))), 2);
    expect(folded[0]).toEqual({ fold: 7 });
    expect(folded.slice(1, 6).map((row) => ("fold" in row ? "fold" : row.left?.text))).toEqual([
      "line 8",
      "line 9",
      "line 10",
      "line 11",
      "line 12",
    ]);
    expect(folded[6]).toEqual({ fold: 8 });
    expect(folded).toHaveLength(7);
  });

  it("folds nothing when every row is near a change, and everything when nothing changed", () => {
    expect(foldUnchanged(sideBySide(diffLines("a\nb", "a\nc")), 3).some((row) => "fold" in row)).toBe(false);
    expect(foldUnchanged(sideBySide(diffLines("a\nb\nc", "a\nb\nc")), 1)).toEqual([{ fold: 3 }]);
  });
});

describe("diffLines on very different long texts", () => {
  it("falls back to one replaced block between the common head and tail, and stays a correct diff", () => {
    const before = ["title", ...Array.from({ length: 3000 }, (_, i) => `old ${i}`), "end"].join("\n");
    const after = ["title", ...Array.from({ length: 3000 }, (_, i) => `new ${i}`), "end"].join("\n");
    const diff = diffLines(before, after);
    expect(diff.map((line) => line.kind)).toEqual([
      "same",
      ...Array<string>(3000).fill("removed"),
      ...Array<string>(3000).fill("added"),
      "same",
    ]);
    expect(diff.at(-1)).toEqual({ kind: "same", text: "end", oldLine: 3002, newLine: 3002 });
  });
});
