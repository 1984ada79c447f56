import { describe, expect, it } from "vitest";
import { generateRecord, type RecordInput } from "@/lib/domain/record";
import { escapeHtml, renderMarkdown, splitFrontMatter } from "@/lib/render-markdown";

const ALLOWED_TAGS = new Set(
  "h1 h2 h3 h4 h5 h6 p br hr blockquote pre code em strong del s sup sub kbd ul ol li a table thead tbody tr th td".split(
    " ",
  ),
);

// Every real tag in the output (user text arrives as &lt;…, so it never starts one) must be on the
// allowlist and carry no handler, no style and no link target other than http(s), mailto or a path.
function expectInert(html: string) {
  const tags = html.match(/<[a-zA-Z][^>]*>/g) ?? [];
  for (const tag of tags) {
    const name = /^<([a-zA-Z0-9]+)/.exec(tag)![1]!.toLowerCase();
    expect(ALLOWED_TAGS.has(name), `tag ${tag}`).toBe(true);
    expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
    expect(tag).not.toMatch(/\sstyle\s*=/i);
    const href = /\shref="([^"]*)"/.exec(tag)?.[1];
    if (href !== undefined) expect(href).toMatch(/^(?:https?:\/\/|mailto:|\/(?!\/))/i);
  }
  expect(html).not.toMatch(/<script/i);
}

describe("renderMarkdown", () => {
  it("renders ordinary Markdown: headings, emphasis, lists, tables, code and safe links", () => {
    const html = renderMarkdown(
      "# Title\n\nSome **bold** and *italic* text.\n\n- one\n- two\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n" +
        "```ts\nconst x = 1;\n```\n\n[docs](https://example.com/a?b=1) [mail](mailto:team@example.com) [in app](/projects/p1)",
    );
    expect(html).toContain("<h1>Title</h1>");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain('<th align="left">a</th>');
    expect(html).toContain('<code class="language-ts">');
    expect(html).toContain('<a href="https://example.com/a?b=1" rel="nofollow noopener noreferrer">docs</a>');
    expect(html).toContain('href="mailto:team@example.com"');
    expect(html).toContain('href="/projects/p1"');
  });

  it("makes every table focusable, since a wide one scrolls", () => {
    expect(renderMarkdown("| a |\n|---|\n| 1 |")).toContain('<table tabindex="0">');
    // A table typed as HTML stays visible text, as all raw HTML does: no element, so no tabindex of its own.
    const typed = renderMarkdown('<table tabindex="-1"><tr><td>1</td></tr></table>');
    expect(typed).not.toContain("<table");
  });

  it("shows a script tag as text instead of running it", () => {
    const html = renderMarkdown(
      "Before <script>window.__xss = 1</script> after\n\n<script>alert(1)</script>",
    );
    expectInert(html);
    expect(html).toContain("&lt;script&gt;");
  });

  it("never outputs an image, let alone one with an onerror handler", () => {
    for (const source of [
      '<img src=x onerror="window.__xss=1">',
      "text <img src=x onerror=alert(1)> text",
      '![x](x" onerror="alert(1))',
    ]) {
      const html = renderMarkdown(source);
      expectInert(html);
    }
    // A Markdown image becomes a plain link to it.
    expect(renderMarkdown("![diagram](https://example.com/d.png)")).toContain(
      '<a href="https://example.com/d.png" rel="nofollow noopener noreferrer">diagram</a>',
    );
  });

  it("drops javascript:, data: and other non-web link targets, however they are spelled", () => {
    const sources = [
      "[click](javascript:window.__xss=2)",
      "[x](JaVaScRiPt:alert(1))",
      "[x](&#106;avascript:alert(1))",
      "[x](javascript&colon;alert(1))",
      "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
      "[x](vbscript:msgbox(1))",
      "[x](//evil.example/path)",
      "<javascript:alert(1)>",
      "[ref]\n\n[ref]: javascript:alert(1)",
    ];
    for (const source of sources) {
      const html = renderMarkdown(source);
      expectInert(html);
      expect(html).not.toMatch(/href="[^"]*(?:javascript|data:|vbscript|evil)/i);
    }
  });

  it("keeps raw HTML anchors, iframes, styles and event handlers as visible text", () => {
    const sources = [
      '<a href="javascript:alert(1)">y</a>',
      '<iframe src="https://evil.example"></iframe>',
      "<style>body{display:none}</style>",
      '<div onclick="alert(1)" style="position:fixed">block</div>',
      '<svg onload="alert(1)"></svg>',
      '<details open ontoggle="alert(1)">x</details>',
      "<!-- comment --><b onmouseover=alert(1)>b</b>",
    ];
    for (const source of sources) {
      const html = renderMarkdown(source);
      expectInert(html);
      expect(html).toContain("&lt;");
    }
  });

  it("turns task list checkboxes into characters, not form controls", () => {
    const html = renderMarkdown("- [ ] todo\n- [x] done");
    expect(html).not.toContain("<input");
    expect(html).toContain("☐ todo");
    expect(html).toContain("☑ done");
  });

  it("shifts headings down on request so a record sits under the page's own heading", () => {
    expect(renderMarkdown("# A\n\n###### F", { headingOffset: 1 })).toBe("<h2>A</h2>\n<h6>F</h6>\n");
  });

  it("keeps every user-supplied field of a generated record inert", () => {
    const evil =
      '<img src=x onerror="window.__xss=1"> [click](javascript:window.__xss=2) <script>window.__xss=3</script>';
    const input: RecordInput = {
      number: 3,
      title: `Title ${evil}`,
      status: "proposed",
      date: "2026-01-02",
      context: `Context ${evil}`,
      decisionMakers: [`Maker ${evil}`],
      consulted: [],
      informed: [],
      options: [
        { id: "a", name: `Option ${evil}`, description: `Desc ${evil}` },
        { id: "b", name: "Plain", description: "" },
      ],
      criteria: [{ id: "c", name: `Criterion ${evil}`, description: evil }],
      scale: { min: 0, max: 10 },
      weightMode: "FIXED",
      result: {
        participation: { eligible: 1, voted: 1 },
        weights: [{ criterionId: "c", weight: 1 }],
        cells: [
          {
            optionId: "a",
            criterionId: "c",
            n: 1,
            abstentions: 0,
            mean: 9,
            median: 9,
            stdev: 0,
            min: 9,
            max: 9,
            normalized: 0.9,
            disputed: false,
          },
          {
            optionId: "b",
            criterionId: "c",
            n: 1,
            abstentions: 0,
            mean: 2,
            median: 2,
            stdev: 0,
            min: 2,
            max: 2,
            normalized: 0.2,
            disputed: false,
          },
        ],
        options: [
          {
            optionId: "a",
            name: `Option ${evil}`,
            total: 0.9,
            coverage: 1,
            rank: 1,
            borda: 1,
            incomplete: false,
          },
          { optionId: "b", name: "Plain", total: 0.2, coverage: 1, rank: 2, borda: 0, incomplete: false },
        ],
        winnerOptionIds: ["a"],
        flags: [],
        kendallW: null,
        sensitivity: [{ criterionId: "c", delta: null, catchingUpOptionId: null }],
        robustness: null,
      },
      rationales: [{ optionId: "a", criterionId: "c", voterName: `Voter ${evil}`, text: `Because ${evil}` }],
      narrative: {
        context: `Narrative ${evil}`,
        justification: `Justified ${evil}`,
        consequencesGood: evil,
        consequencesBad: evil,
        confirmation: evil,
        moreInformation: evil,
        chosenOptionId: null,
      },
      auditHeadHash: "abc123",
      decisionUrl: "javascript:alert(1)",
    };
    const html = renderMarkdown(generateRecord(input));
    expectInert(html);
    expect(html).toContain("&lt;img src=x onerror=");
    expect(html).toContain("window.__xss=2");
  });
});

describe("escapeHtml", () => {
  it("escapes the five characters that matter in HTML text and attributes", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });
});

describe("splitFrontMatter", () => {
  it("reads a record's front matter as data and returns the body", () => {
    const { fields, body } = splitFrontMatter(
      '---\nstatus: "superseded by ADR-0007"\ndate: 2026-01-02\ndecision-makers:\n  - "Ann \\"A\\" B"\nconsulted: []\n---\n\n# ADR-0001: T\n',
    );
    expect(fields).toEqual([
      { key: "status", values: ["superseded by ADR-0007"] },
      { key: "date", values: ["2026-01-02"] },
      { key: "decision-makers", values: ['Ann "A" B'] },
      { key: "consulted", values: [] },
    ]);
    expect(body).toBe("\n# ADR-0001: T\n");
  });

  it("leaves text without front matter alone", () => {
    expect(splitFrontMatter("# Title\n---\n")).toEqual({ fields: [], body: "# Title\n---\n" });
  });
});
