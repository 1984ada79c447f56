import { describe, expect, it } from "vitest";
import { normalizeRecordStatus, parseMadr } from "../../lib/domain/madr-parse";
import { generateRecord, type RecordInput } from "../../lib/domain/record";
import { recordFileName } from "../../lib/domain/slug";

function generated(overrides: Partial<RecordInput> = {}): RecordInput {
  return {
    number: 4,
    title: "Adopt PyTorch",
    status: "proposed",
    date: "2025-03-14",
    decisionMakers: ["Dana"],
    consulted: [],
    informed: [],
    options: [
      { id: "a", name: "PyTorch", description: "" },
      { id: "b", name: "TensorFlow", description: "" },
    ],
    criteria: [{ id: "c", name: "Ease of use", description: "" }],
    scale: { min: 0, max: 10 },
    weightMode: "VOTED",
    result: {
      participation: { eligible: 2, voted: 2 },
      weights: [{ criterionId: "c", weight: 1 }],
      cells: [
        {
          optionId: "a",
          criterionId: "c",
          n: 2,
          abstentions: 0,
          mean: 8,
          median: 8,
          stdev: 0,
          min: 8,
          max: 8,
          normalized: 0.8,
          disputed: false,
        },
        {
          optionId: "b",
          criterionId: "c",
          n: 2,
          abstentions: 0,
          mean: 6,
          median: 6,
          stdev: 1,
          min: 5,
          max: 7,
          normalized: 0.6,
          disputed: false,
        },
      ],
      options: [
        { optionId: "a", name: "PyTorch", total: 0.8, coverage: 1, rank: 1, borda: 2, incomplete: false },
        { optionId: "b", name: "TensorFlow", total: 0.6, coverage: 1, rank: 2, borda: 0, incomplete: false },
      ],
      winnerOptionIds: ["a"],
      flags: [],
      kendallW: 1,
      sensitivity: [{ criterionId: "c", delta: null, catchingUpOptionId: null }],
      robustness: null,
    },
    rationales: [],
    narrative: {
      context: "",
      justification: "",
      consequencesGood: "",
      consequencesBad: "",
      confirmation: "",
      moreInformation: "",
      chosenOptionId: null,
    },
    auditHeadHash: "00ff",
    decisionUrl: "https://verdict.example/d/4",
    ...overrides,
  };
}

describe("parseMadr round trip", () => {
  const cases: Partial<RecordInput>[] = [
    {},
    { number: 1, status: "accepted", date: "2024-02-29" },
    { number: 9, status: "superseded by ADR-0012", title: "Use TF | JAX <maybe> & *fast* #1 \\ `now`" },
    { number: 10000, status: "deprecated", title: "- 1. Entities like &lt; stay literal" },
    { status: "rejected", title: "Ünïcödé titles: “quoted” — fine" },
  ];
  for (const overrides of cases) {
    const input = generated(overrides);
    it(`reads back number, title, status and date of "${input.title}" (${input.status})`, () => {
      const markdown = generateRecord(input);
      const parsed = parseMadr(recordFileName(input.number, input.title), markdown);
      expect(parsed).toEqual({
        ok: true,
        record: {
          number: input.number,
          title: input.title,
          status: input.status,
          date: input.date,
          dateFrom: "text",
          supersededBy: input.status.startsWith("superseded") ? { number: 12, file: null } : null,
          notes: [],
          markdown,
        },
      });
    });
  }
});

describe("parseMadr", () => {
  it("reads a hand-written MADR 4 file with a plain heading and the number from the file name", () => {
    const text = [
      "---",
      "status: accepted # after review",
      "date: '2023-11-02'",
      "decision-makers: [Ann, Ben]",
      "---",
      "",
      "# Use Markdown Architectural Decision Records",
      "",
      "## Context and Problem Statement",
    ].join("\r\n");
    expect(parseMadr("docs/decisions/0002-use-madr.md", text)).toMatchObject({
      ok: true,
      record: {
        number: 2,
        title: "Use Markdown Architectural Decision Records",
        status: "accepted",
        date: "2023-11-02",
        markdown: text,
      },
    });
  });

  it("reads an adr-tools file: numbered heading, Date line and Status section", () => {
    const text = [
      "# 3. Record architecture decisions",
      "",
      "Date: 2016-02-12",
      "",
      "## Status",
      "",
      "Superseded by [5. Use MADR](0005-use-madr.md)",
      "",
      "## Context",
    ].join("\n");
    const parsed = parseMadr("0003-record-architecture-decisions.md", text);
    expect(parsed).toMatchObject({
      ok: true,
      record: {
        number: 3,
        title: "Record architecture decisions",
        status: "superseded by ADR-0005",
        date: "2016-02-12",
      },
    });
  });

  it("takes the number from the heading when the file name has none", () => {
    const parsed = parseMadr("adopt-pytorch.md", "---\nstatus: proposed\n---\n# ADR-0042: Adopt PyTorch\n");
    expect(parsed).toMatchObject({ ok: true, record: { number: 42, title: "Adopt PyTorch", date: null } });
  });

  it("invents neither a status nor a date for a file that states none", () => {
    expect(parseMadr("0001-x.md", "# A title\n")).toMatchObject({
      ok: true,
      record: { status: null, date: null, dateFrom: null },
    });
  });

  it("ignores headings inside code fences", () => {
    const text = "```md\n# ADR-0009: Not this\n```\n\n# The real title\n";
    expect(parseMadr("0001-real.md", text)).toMatchObject({ ok: true, record: { title: "The real title" } });
  });

  it("reports a missing heading at the first line of content", () => {
    const text = "---\nstatus: accepted\n---\n\nJust some text.\n";
    expect(parseMadr("0001-x.md", text)).toEqual({
      ok: false,
      errors: [{ file: "0001-x.md", line: 5, message: expect.stringContaining("missing title heading") }],
    });
  });

  it("keeps a custom status verbatim (MADR's \"…\", log4brains' draft, on hold)", () => {
    for (const status of ["maybe later", "On hold", "draft"]) {
      const text = `---\ndate: 2024-01-01\nstatus: "${status}"\n---\n# X\n`;
      expect(parseMadr("0001-x.md", text)).toMatchObject({ ok: true, record: { status } });
    }
  });

  it("leaves a date that is not a real YYYY-MM-DD date unknown, with a note naming its line", () => {
    for (const date of ["2025-02-30", "14.03.2025", "2025-3-14"]) {
      const parsed = parseMadr("0001-x.md", `---\nstatus: accepted\ndate: ${date}\n---\n# X\n`);
      expect(parsed).toMatchObject({
        ok: true,
        record: { date: null, notes: [expect.stringContaining(`line 3: "${date}"`)] },
      });
    }
  });

  it("reports front matter that is never closed on line 1", () => {
    const parsed = parseMadr("0001-x.md", "---\nstatus: accepted\n# ADR-0001: X\n");
    expect(parsed).toEqual({
      ok: false,
      errors: [{ file: "0001-x.md", line: 1, message: expect.stringContaining("never closed") }],
    });
  });

  it("reports a file name that is neither NNNN-title.md nor dated when the heading has no number either", () => {
    const parsed = parseMadr("notes/readme.md", "# Some notes\n");
    expect(parsed).toEqual({
      ok: false,
      errors: [{ file: "readme.md", line: 1, message: expect.stringContaining("NNNN-title.md") }],
    });
  });

  it("reports a heading number that contradicts the file name", () => {
    const parsed = parseMadr("0003-x.md", "\n# ADR-0004: X\n");
    expect(parsed).toEqual({
      ok: false,
      errors: [{ file: "0003-x.md", line: 2, message: expect.stringContaining("ADR-0004") }],
    });
  });

  it("reports every problem at once, in line order", () => {
    const parsed = parseMadr("draft.md", "---\ndate: 2025-13-01\nstatus: wip\n---\nno heading\n");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => [e.file, e.line])).toEqual([
      ["draft.md", 1],
      ["draft.md", 5],
    ]);
  });
});

describe("normalizeRecordStatus", () => {
  it("accepts the MADR statuses in any case and normalizes supersede references", () => {
    expect(normalizeRecordStatus("Accepted")).toBe("accepted");
    expect(normalizeRecordStatus("superseded by ADR-7")).toBe("superseded by ADR-0007");
    expect(normalizeRecordStatus("Superseded by [ADR-0012](0012-x.md)")).toBe("superseded by ADR-0012");
    expect(normalizeRecordStatus("Superseded by [Use JAX](0013-use-jax.md)")).toBe("superseded by ADR-0013");
  });

  it("rejects anything else", () => {
    expect(normalizeRecordStatus("draft")).toBeNull();
    expect(normalizeRecordStatus("superseded")).toBeNull();
    expect(normalizeRecordStatus("superseded by someone")).toBeNull();
  });
});
