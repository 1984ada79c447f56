import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { nonRecordReason, parseMadr } from "../../lib/domain/madr-parse";
import { formatRecord, recordBody, recordsIndex, splitEvidence, type RecordFacts } from "../../lib/domain/record-formats";
import { dateInFileName, numberInFileName, recordFileName, slugify } from "../../lib/domain/slug";

const FIXTURES = join(__dirname, "../fixtures/adr");
const read = (path: string) => readFileSync(join(FIXTURES, path), "utf8");

describe("file names", () => {
  it("cuts a long title at the last word boundary, never mid-word", () => {
    const slug = slugify("Move every scheduled training job from the old cron host to the managed workflow service");
    expect(slug).toBe("move-every-scheduled-training-job-from-the-old-cron-host-to");
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(recordFileName(7, "Use PyTorch")).toBe("0007-use-pytorch.md");
  });

  it("tells numbered names from log4brains' dated ones", () => {
    expect(numberInFileName("0007-use-pytorch.md")).toBe(7);
    expect(numberInFileName("20240311-keep-flags.md")).toBeNull();
    expect(dateInFileName("20240311-keep-flags.md")).toBe("2024-03-11");
    expect(dateInFileName("20241340-not-a-date.md")).toBeNull();
  });

  it("skips an ADR folder's index and templates with a reason, and keeps record files", () => {
    expect(nonRecordReason("index.md")).toMatch(/index/);
    expect(nonRecordReason("README.md")).toMatch(/index/);
    expect(nonRecordReason("adr-template.md")).toMatch(/template/);
    expect(nonRecordReason("template.md")).toMatch(/template/);
    expect(nonRecordReason("0008-example-badge.png")).toMatch(/Markdown/);
    expect(nonRecordReason("0001-use-CC0-or-MIT-as-license.md")).toBeNull();
    expect(nonRecordReason("20240311-keep-flags.md")).toBeNull();
  });
});

describe("parsing real record forms", () => {
  it("reads every record of MADR's own decision log without inventing a status or a date", () => {
    const folder = "madr/docs/decisions";
    const names = readdirSync(join(FIXTURES, folder)).filter((n) => nonRecordReason(n) === null);
    expect(names).toHaveLength(19);
    for (const name of names) {
      const parsed = parseMadr(name, read(`${folder}/${name}`));
      expect(parsed.ok, name).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.record.number).toBe(Number(name.slice(0, 4)));
      expect(parsed.record.date).toBeNull();
      expect(parsed.record.title).not.toMatch(/^\d/);
    }
    const onHold = parseMadr("0003-provide-own-madr-tools.md", read(`${folder}/0003-provide-own-madr-tools.md`));
    expect(onHold).toMatchObject({ ok: true, record: { status: "on hold", title: "Write Own MADR Tooling" } });
    const plain = parseMadr("0002-do-not-use-numbers-in-headings.md", read(`${folder}/0002-do-not-use-numbers-in-headings.md`));
    expect(plain).toMatchObject({ ok: true, record: { status: null } });
  });

  it("reads log4brains' list form: dated name, supersede link by file, a draft with HTML comments", () => {
    const folder = "log4brains/docs/adr";
    const old = parseMadr(
      "20240311-keep-feature-flags-in-the-database.md",
      read(`${folder}/20240311-keep-feature-flags-in-the-database.md`),
    );
    expect(old).toMatchObject({
      ok: true,
      record: {
        number: null,
        title: "Keep feature flags in the database",
        date: "2024-03-11",
        dateFrom: "text",
        supersededBy: { number: null, file: "20240902-move-feature-flags-to-a-flag-service.md" },
      },
    });
    const draft = parseMadr(
      "20241120-try-server-sent-events-for-the-dashboard.md",
      read(`${folder}/20241120-try-server-sent-events-for-the-dashboard.md`),
    );
    expect(draft).toMatchObject({ ok: true, record: { status: "draft", date: "2024-11-20", dateFrom: "file-name" } });
  });

  it("reads the older MADR list form with * bullets", () => {
    const text = "# Use Plain JUnit5\n\n* Status: accepted\n* Deciders: Ann, Ben\n* Date: 2020-01-20\n\n## Context\n";
    expect(parseMadr("0005-use-plain-junit5.md", text)).toMatchObject({
      ok: true,
      record: { number: 5, status: "accepted", date: "2020-01-20" },
    });
  });

  it("reads adr-tools records: the first Status line, with a Supersedes line below it", () => {
    const folder = "nygard/doc/adr";
    expect(parseMadr("0002-deploy-with-shell-scripts.md", read(`${folder}/0002-deploy-with-shell-scripts.md`))).toMatchObject({
      ok: true,
      record: {
        number: 2,
        title: "Deploy with shell scripts",
        status: "superseded by ADR-0003",
        supersededBy: { number: 3, file: "0003-deploy-with-a-container-pipeline.md" },
      },
    });
    expect(
      parseMadr("0003-deploy-with-a-container-pipeline.md", read(`${folder}/0003-deploy-with-a-container-pipeline.md`)),
    ).toMatchObject({ ok: true, record: { status: "accepted", supersededBy: null } });
    expect(parseMadr("0004-pause-the-mobile-client.md", read(`${folder}/0004-pause-the-mobile-client.md`))).toMatchObject({
      ok: true,
      record: { status: "On hold", date: null },
    });
  });
});

const GENERATED = [
  "---",
  'status: "accepted"',
  "date: 2026-03-02",
  "decision-makers:",
  '  - "Dana Lead"',
  "consulted: []",
  "informed: []",
  "---",
  "",
  "# Standardize on PyTorch",
  "",
  "## Context and Problem Statement",
  "",
  "Two stacks are one too many.",
  "",
  "## Decision Outcome",
  "",
  'Chosen option: "PyTorch", because it leads.',
  "",
  "### Consequences",
  "",
  "- Good, because one stack",
  "",
  "## More Information",
  "",
  "Result of the vote, ranked by weighted total:",
  "",
  "| Rank | Option |",
  "| ---: | --- |",
  "| 1 | PyTorch |",
  "",
  "Participation: 3 of 4 eligible members voted.",
  "",
  "Audit chain head hash at close: `abc`",
  "",
  "Supersedes [ADR-0002](0002-use-tensorflow.md).",
  "",
].join("\n");

const FACTS: RecordFacts = {
  number: 7,
  title: "Standardize on PyTorch",
  status: "accepted",
  date: "2026-03-02",
  deciders: ["Dana Lead"],
  fileName: "0007-standardize-on-pytorch.md",
  supersedes: [{ key: "ADR-0002", number: 2, title: "Use TensorFlow", fileName: "0002-use-tensorflow.md" }],
  supersededBy: null,
};

describe("export variants", () => {
  it("gives MADR back byte for byte", () => {
    expect(formatRecord(GENERATED, FACTS, "madr")).toBe(GENERATED);
  });

  it("writes the adr-tools form: numbered title first, Date, a Status section with the supersede link", () => {
    const text = formatRecord(GENERATED, FACTS, "nygard");
    expect(text.split("\n").slice(0, 9)).toEqual([
      "# 7. Standardize on PyTorch",
      "",
      "Date: 2026-03-02",
      "",
      "## Status",
      "",
      "Accepted",
      "",
      "Supersedes [2. Use TensorFlow](0002-use-tensorflow.md)",
    ]);
    expect(text).toContain("## Context\n\nTwo stacks are one too many.");
    expect(text).toContain("## Decision\n\nChosen option:");
    expect(text).not.toMatch(/^---$/m);
    expect(text).not.toContain("Supersedes [ADR-0002]");
    // adr-tools' graph reads "<verb> [..](<number>…)" lines of the Status section.
    expect(text).toMatch(/^Supersedes \[.*\]\(0*2.*\)$/m);
  });

  it("writes the log4brains form: a Status/Deciders/Date list and a Links section", () => {
    const text = formatRecord(GENERATED, FACTS, "log4brains");
    expect(text.startsWith("# Standardize on PyTorch\n\n- Status: accepted\n- Deciders: Dana Lead\n- Date: 2026-03-02\n\n")).toBe(true);
    expect(text).toContain("## Links\n\n- Supersedes [0002-use-tensorflow](0002-use-tensorflow.md)\n");
    const superseded = formatRecord(
      GENERATED,
      { ...FACTS, status: "superseded by ADR-0009", supersedes: [], supersededBy: { key: "ADR-0009", number: 9, title: "Use JAX", fileName: "0009-use-jax.md" } },
      "log4brains",
    );
    expect(superseded).toContain("- Status: superseded by [0009-use-jax](0009-use-jax.md)");
  });

  it("states an unknown status and date as unknown in the adr-tools form, and leaves them out for log4brains", () => {
    const facts = { ...FACTS, status: null, date: null, supersedes: [] };
    expect(formatRecord(GENERATED, facts, "nygard")).toContain("Date: unknown\n\n## Status\n\nUnknown\n");
    expect(formatRecord(GENERATED, facts, "log4brains")).not.toMatch(/- (Status|Date):/);
  });

  it("drops metadata lines of any source form from the body", () => {
    const body = recordBody("# 2. X\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n");
    expect(body).toEqual(["## Context", "Why."]);
  });

  it("lists every record in index.md with a link to its file", () => {
    const index = recordsIndex("ML Platform", [
      { number: 1, title: "Use PyTorch", status: "accepted", date: "2026-01-02", fileName: "0001-use-pytorch.md" },
      { number: 2, title: "Flags | DB", status: null, date: null, fileName: "20240311-flags.md" },
    ]);
    expect(index).toContain("| [ADR-0001](0001-use-pytorch.md) | Use PyTorch | accepted | 2026-01-02 |");
    expect(index).toContain("| [ADR-0002](20240311-flags.md) | Flags \\| DB | unknown | unknown |");
  });

  it("moves the evidence tables to an appendix and links it", () => {
    const split = splitEvidence(GENERATED, "evidence/0007-standardize-on-pytorch.md", "Standardize on PyTorch")!;
    expect(split.record).toContain("[its appendix](evidence/0007-standardize-on-pytorch.md)");
    expect(split.record).not.toContain("| Rank | Option |");
    expect(split.record).toContain("Audit chain head hash at close: `abc`");
    expect(split.appendix).toContain("| 1 | PyTorch |");
    expect(split.appendix).toContain("Participation: 3 of 4");
    expect(splitEvidence("# Imported\n\nText.\n", "x.md", "Imported")).toBeNull();
  });
});

describe("deciders", () => {
  it("reads them from MADR front matter or a log4brains list line", async () => {
    const { decisionMakersOf } = await import("../../lib/domain/record-formats");
    expect(decisionMakersOf(GENERATED)).toEqual(["Dana Lead"]);
    expect(decisionMakersOf("# T\n\n- Status: accepted\n- Deciders: Ines Duarte, Kofi Mensah <!-- optional -->\n\n## Context\n")).toEqual([
      "Ines Duarte",
      "Kofi Mensah",
    ]);
  });
});
