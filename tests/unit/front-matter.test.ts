// A record's front matter, written for other tools to read and read back from imported files.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readFrontMatter, writeFrontMatter } from "@/lib/domain/front-matter";

const fields = {
  status: "superseded by ADR-0007",
  date: "2026-03-01",
  "decision-makers": ["Priya"],
  consulted: [],
  informed: [],
};

describe("writeFrontMatter", () => {
  it("quotes the status, writes the date bare and lists people one per line", () => {
    expect(writeFrontMatter({ ...fields, consulted: ["Ken", "Lena"] })).toBe(
      [
        "---",
        'status: "superseded by ADR-0007"',
        "date: 2026-03-01",
        "decision-makers:",
        '  - "Priya"',
        "consulted:",
        '  - "Ken"',
        '  - "Lena"',
        "informed: []",
        "---",
      ].join("\n"),
    );
  });

  it("escapes characters that strict or older YAML readers would reject or take as line breaks", () => {
    const name = "A\u0085B\u2028C\u0090D";
    const text = writeFrontMatter({ ...fields, "decision-makers": [name] });
    expect(text).toContain('  - "A\\u0085B\\u2028C\\u0090D"');
    expect(parse(text.slice(4, -3))["decision-makers"]).toEqual([name]);
  });
});

describe("readFrontMatter", () => {
  it("reads quoted, single-quoted and commented values with their file lines, keys in any case", () => {
    const lines = ["---", "title: x", "Status: 'accepted' # after review", 'date: "2026-03-01"', "---", "# Body"];
    const front = readFrontMatter(lines, ["status", "date"]);
    expect(Object.fromEntries(front.fields)).toEqual({
      status: { value: "accepted", line: 3 },
      date: { value: "2026-03-01", line: 4 },
    });
    expect(front.bodyStart).toBe(5);
    expect(front.problems).toEqual([]);
  });

  it("reports broken YAML on the file line where it breaks", () => {
    const front = readFrontMatter(["---", "date: 2026-03-01", 'status: "accepted', "---"], ["status"]);
    expect(front.problems).toEqual([{ line: 3, message: expect.stringContaining("not valid YAML") }]);
  });
});
