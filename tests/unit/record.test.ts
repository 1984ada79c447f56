import { describe, expect, it } from "vitest";
import {
  chosenOption,
  defaultNarrative,
  generateRecord,
  type RecordInput,
  type RecordNarrative,
  type RecordResult,
} from "../../lib/domain/record";
import { withReviewBy } from "../../lib/domain/review";
import { recordFileName, slugify } from "../../lib/domain/slug";

// Hand-computed example. Scale 0–10, FIXED raw weights 1 and 1, so W(flex) = W(prod) = 0.5.
// Scores (Ann, Ben, Cat):
//   PyTorch     flex 9, 8, 10 → mean 9, ŝ 0.9    prod 2, 4, 3  → mean 3, ŝ 0.3
//   TensorFlow  flex 7, 7, 4  → mean 6, ŝ 0.6    prod 9, 10, 8 → mean 9, ŝ 0.9
// T(PyTorch) = 0.5·0.9 + 0.5·0.3 = 0.60; T(TensorFlow) = 0.5·0.6 + 0.5·0.9 = 0.75.
// Own totals: Ann and Ben put TensorFlow first, Cat PyTorch (0.65 vs 0.60), so Borda 2 vs 1 and
// Kendall's W = 12·0.5 / (3²·(2³ − 2)) = 1/9.
// Sensitivity on flex: T(TF) − T(PT) = 0.15 − 0.9δ, zero at δ = 1/6 → +16.7 points; prod → −16.7.
function handComputedResult(): RecordResult {
  const cell = (optionId: string, criterionId: string, scores: number[]) => {
    const mean = scores.reduce((sum, s) => sum + s, 0) / scores.length;
    const variance = scores.reduce((sum, s) => sum + (s - mean) ** 2, 0) / scores.length;
    const sorted = [...scores].sort((a, b) => a - b);
    return {
      optionId,
      criterionId,
      n: scores.length,
      abstentions: 0,
      mean,
      median: sorted[1] ?? null,
      stdev: Math.sqrt(variance),
      min: sorted[0] ?? null,
      max: sorted[2] ?? null,
      normalized: mean / 10,
      disputed: false,
    };
  };
  return {
    participation: { eligible: 4, voted: 3 },
    weights: [
      { criterionId: "flex", weight: 0.5 },
      { criterionId: "prod", weight: 0.5 },
    ],
    cells: [
      cell("pt", "flex", [9, 8, 10]),
      cell("pt", "prod", [2, 4, 3]),
      cell("tf", "flex", [7, 7, 4]),
      cell("tf", "prod", [9, 10, 8]),
    ],
    options: [
      {
        optionId: "tf",
        name: "TensorFlow",
        total: 0.5 * 0.6 + 0.5 * 0.9,
        coverage: 1,
        rank: 1,
        borda: 2,
        incomplete: false,
      },
      {
        optionId: "pt",
        name: "PyTorch",
        total: 0.5 * 0.9 + 0.5 * 0.3,
        coverage: 1,
        rank: 2,
        borda: 1,
        incomplete: false,
      },
    ],
    winnerOptionIds: ["tf"],
    flags: [],
    kendallW: 1 / 9,
    sensitivity: [
      { criterionId: "flex", delta: 100 / 6, catchingUpOptionId: "pt" },
      { criterionId: "prod", delta: -100 / 6, catchingUpOptionId: "pt" },
    ],
    robustness: 100 / 6,
  };
}

function tiedResult(): RecordResult {
  const result = handComputedResult();
  return {
    ...result,
    options: result.options.map((o) => ({ ...o, total: 0.7, rank: 1, borda: 1.5 })),
    winnerOptionIds: ["pt", "tf"],
    flags: ["tie", "fragile"],
    sensitivity: result.sensitivity.map((s) => ({ ...s, delta: 0 })),
    robustness: 0,
  };
}

function contestedResult(): RecordResult {
  const result = handComputedResult();
  return {
    ...result,
    options: result.options.map((o) => ({ ...o, borda: o.optionId === "pt" ? 2 : 1 })),
    flags: ["contested"],
  };
}

const emptyNarrative: RecordNarrative = {
  context: "We train in two stacks today and want one.",
  justification: "",
  consequencesGood: "",
  consequencesBad: "",
  confirmation: "",
  moreInformation: "",
  chosenOptionId: null,
};

function recordInput(overrides: Partial<RecordInput> = {}): RecordInput {
  return {
    number: 1,
    title: "Which deep-learning framework do we standardize on?",
    status: "proposed",
    date: "2025-03-14",
    decisionMakers: ["Dana Lead"],
    consulted: ["Omar Owner"],
    informed: [],
    options: [
      { id: "pt", name: "PyTorch", description: "Dynamic graphs first" },
      { id: "tf", name: "TensorFlow", description: "" },
    ],
    criteria: [
      { id: "flex", name: "Flexibility", description: "Research and prototyping" },
      { id: "prod", name: "Production readiness", description: "" },
    ],
    scale: { min: 0, max: 10 },
    weightMode: "FIXED",
    result: handComputedResult(),
    rationales: [
      { optionId: "tf", criterionId: "prod", voterName: "Ann", text: "Serving is battle tested." },
      { optionId: "pt", criterionId: null, voterName: "Cat", text: "Far nicer to debug." },
    ],
    narrative: emptyNarrative,
    auditHeadHash: "9f2c4e1ab7d3",
    decisionUrl: "https://verdict.example/projects/p1/decisions/d1",
    ...overrides,
  };
}

const SECTIONS = [
  "# Which deep-learning framework do we standardize on?",
  "## Context and Problem Statement",
  "## Decision Drivers",
  "## Considered Options",
  "## Decision Outcome",
  "### Consequences",
  "### Confirmation",
  "## Pros and Cons of the Options",
  "## More Information",
];

function lines(markdown: string): string[] {
  return markdown.split("\n");
}

function frontMatterLines(markdown: string): string[] {
  const all = lines(markdown);
  expect(all[0]).toBe("---");
  const end = all.indexOf("---", 1);
  expect(end).toBeGreaterThan(0);
  return all.slice(1, end);
}

// Table cell separators: pipes not escaped with a backslash.
function columnCount(row: string): number {
  return row.split(/(?<!\\)\|/).length - 2;
}

describe("generateRecord", () => {
  it("writes front matter and the MADR 4 sections in order", () => {
    const markdown = generateRecord(recordInput());
    expect(frontMatterLines(markdown)).toEqual([
      'status: "proposed"',
      "date: 2025-03-14",
      "decision-makers:",
      '  - "Dana Lead"',
      "consulted:",
      '  - "Omar Owner"',
      "informed: []",
    ]);
    const positions = SECTIONS.map((heading) => lines(markdown).indexOf(heading));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(markdown.endsWith("\n")).toBe(true);
  });

  it("writes the review date bare after the date, and withReviewBy rewrites only that line", () => {
    const markdown = generateRecord(recordInput({ reviewBy: "2026-09-30" }));
    expect(frontMatterLines(markdown).slice(0, 3)).toEqual([
      'status: "proposed"',
      "date: 2025-03-14",
      "review-by: 2026-09-30",
    ]);
    const without = generateRecord(recordInput());
    expect(withReviewBy(without, "2026-09-30")).toBe(markdown);
    expect(withReviewBy(markdown, null)).toBe(without);
    expect(withReviewBy(markdown, "2027-01-31")).toBe(markdown.replace("2026-09-30", "2027-01-31"));
  });

  it("quotes a superseded status in the front matter", () => {
    const markdown = generateRecord(
      recordInput({ status: "superseded by ADR-0007", supersededBy: "ADR-0007" }),
    );
    expect(frontMatterLines(markdown)[0]).toBe('status: "superseded by ADR-0007"');
    expect(markdown).toContain("Superseded by ADR-0007.");
  });

  it("states the hand-computed weights, totals, ranks, Borda points and robustness", () => {
    const markdown = generateRecord(recordInput());
    expect(markdown).toContain("- Flexibility (weight 50.0%): Research and prototyping");
    expect(markdown).toContain("- Production readiness (weight 50.0%)");
    expect(markdown).toContain("| 1 | TensorFlow | 75.0 | 100.0% | 2 |");
    expect(markdown).toContain("| 2 | PyTorch | 60.0 | 100.0% | 1 |");
    expect(markdown).toContain('"TensorFlow" ranks 1 of 2 with a weighted total of 75.0 of 100.');
    expect(markdown).toContain("Robustness: 16.7 points");
    expect(markdown).toContain("| Flexibility | 50.0% | +16.7 points |");
    expect(markdown).toContain("| Production readiness | 50.0% | -16.7 points |");
    expect(markdown).toContain("Participation: 3 of 4 eligible members voted.");
    expect(markdown).toContain("(Kendall's W): 0.111");
    expect(markdown).toContain("Audit chain head hash at close: `9f2c4e1ab7d3`");
    expect(markdown).toContain(
      "Decision in Verdict: [the vote and its ballots](https://verdict.example/projects/p1/decisions/d1)",
    );
  });

  it("states the confidence sentence, the pivotal count and whether medians agree, never naming voters", () => {
    const result = {
      ...handComputedResult(),
      confidenceSentence: "TensorFlow wins in 83% of plausible variations",
      acceptabilitySamples: 10_000,
      pivotalVoters: { count: 1, voters: [{ userId: "u1", name: "Ann Secret" }] },
      medianWinnerOptionIds: ["pt"],
      flags: ["median_disagrees" as const],
    };
    const markdown = generateRecord(recordInput({ result }));
    const outcome = markdown.slice(markdown.indexOf("## Decision Outcome"), markdown.indexOf("### Consequences"));
    expect(outcome).toContain(
      "Confidence: TensorFlow wins in 83% of plausible variations (rank acceptability over 10,000 samples",
    );
    expect(outcome).toContain("- median_disagrees: ranked by each cell's median instead of its mean");
    const more = markdown.slice(markdown.indexOf("## More Information"));
    expect(more).toContain("Pivotal voters: 1 of 3 voters would change the winner by not voting.");
    expect(more).toContain('Winner by median scores instead of means: "PyTorch", which differs from the winner by means');
    expect(markdown).not.toContain("Ann Secret");

    const agreeing = generateRecord(recordInput({ result: { ...result, pivotalVoters: { count: 0 }, medianWinnerOptionIds: ["tf"], flags: [] } }));
    expect(agreeing).toContain("Pivotal voters: none; leaving out any single ballot keeps the same winner.");
    expect(agreeing).toContain('Winner by median scores instead of means: "TensorFlow", the same.');
    // A record from before these figures existed says nothing about them.
    expect(generateRecord(recordInput())).not.toMatch(/Confidence:|Pivotal voters|median scores/);
  });

  it("says how far the confidence figure moved FIXED weights: the lead's band, or not at all", () => {
    const result = { ...handComputedResult(), confidenceSentence: "TensorFlow wins in 83% of plausible variations", acceptabilitySamples: 10_000 };
    expect(generateRecord(recordInput({ result, weightBand: 0.35 }))).toContain(
      "(rank acceptability over 10,000 samples that vary each weight by up to ±35 % of its set value and redraw the mean scores within their uncertainty).",
    );
    expect(generateRecord(recordInput({ result, weightBand: 0 }))).toContain(
      "samples that keep the weights as set and redraw the mean scores within their uncertainty).",
    );
    // VOTED weights vary with the voters' importances; no band applies.
    expect(generateRecord(recordInput({ result, weightMode: "VOTED", weightBand: null }))).toContain(
      "samples that redraw the weights and mean scores within their uncertainty).",
    );
  });

  it("names the clear winner with a generated reason when the lead has written none", () => {
    const markdown = generateRecord(recordInput());
    expect(markdown).toContain(
      'Chosen option: "TensorFlow", because it has the highest weighted total (75.0 of 100), 15.0 points ' +
        'ahead of "PyTorch" (60.0), and scores best of all options on Production readiness.',
    );
    expect(markdown).toContain("Flags: none.");
  });

  it("uses the lead's justification for the winner", () => {
    const markdown = generateRecord(
      recordInput({ narrative: { ...emptyNarrative, justification: "serving at scale matters most to us" } }),
    );
    expect(markdown).toContain('Chosen option: "TensorFlow", because serving at scale matters most to us.');
  });

  it("derives pros and cons from each option's strongest and weakest criteria, with the mean on the scale", () => {
    const markdown = generateRecord(recordInput());
    const pytorch = markdown.slice(markdown.indexOf("### PyTorch"), markdown.indexOf("### TensorFlow"));
    expect(pytorch).toContain("Dynamic graphs first");
    expect(pytorch).toContain(
      "- Good, because it scores a mean of 9.0 on the 0–10 scale for Flexibility (3 votes)",
    );
    expect(pytorch).toContain(
      '- Bad, because it scores a mean of 3.0 on the 0–10 scale for Production readiness, behind "TensorFlow" (9.0) (3 votes)',
    );
    const tensorflow = markdown.slice(
      markdown.indexOf("### TensorFlow"),
      markdown.indexOf("## More Information"),
    );
    expect(tensorflow.indexOf("- Good, because it scores a mean of 9.0")).toBeLessThan(
      tensorflow.indexOf("- Neutral, because it scores a mean of 6.0 on the 0–10 scale for Flexibility"),
    );
  });

  it("calls a score clearly behind the best option a con, not neutral (3.8 of 10 against 7.0)", () => {
    const result = handComputedResult();
    result.cells = result.cells.map((c) =>
      c.optionId === "pt" && c.criterionId === "prod" ? { ...c, mean: 3.8, normalized: 0.38 } : c.optionId === "tf" && c.criterionId === "prod" ? { ...c, mean: 7, normalized: 0.7 } : c,
    );
    const markdown = generateRecord(recordInput({ result }));
    expect(markdown).toContain(
      '- Bad, because it scores a mean of 3.8 on the 0–10 scale for Production readiness, behind "TensorFlow" (7.0) (3 votes)',
    );
    // The same 3.8 with no option far ahead stays neutral.
    const close = handComputedResult();
    close.cells = close.cells.map((c) =>
      c.criterionId === "prod" ? { ...c, mean: c.optionId === "pt" ? 3.8 : 4.5, normalized: c.optionId === "pt" ? 0.38 : 0.45 } : c,
    );
    expect(generateRecord(recordInput({ result: close }))).toContain(
      "- Neutral, because it scores a mean of 3.8 on the 0–10 scale for Production readiness (3 votes)",
    );
  });

  it("quotes voter rationales under their option, attributed by name", () => {
    const markdown = generateRecord(recordInput());
    const tensorflow = markdown.slice(markdown.indexOf("### TensorFlow"));
    // A reason about one criterion sits under that criterion's pro or con.
    expect(tensorflow).toContain(
      "- Good, because it scores a mean of 9.0 on the 0–10 scale for Production readiness (3 votes)\n" +
        "  - “Serving is battle tested.” — Ann",
    );
    const pytorch = markdown.slice(markdown.indexOf("### PyTorch"), markdown.indexOf("### TensorFlow"));
    expect(pytorch).toContain("- “Far nicer to debug.” — Cat, overall");
  });

  it("turns narrative consequences into Good and Bad bullets and keeps narrative Markdown intact", () => {
    const markdown = generateRecord(
      recordInput({
        narrative: {
          ...emptyNarrative,
          context: "We run **two** stacks:\n\n- training\n- serving",
          consequencesGood: "one stack to maintain\n- Good, because hiring is easier",
          consequencesBad: "research code needs porting",
          confirmation: "Review after the Q3 migration.",
        },
      }),
    );
    expect(markdown).toContain("We run **two** stacks:\n\n- training\n- serving");
    expect(markdown).toContain(
      "### Consequences\n\n- Good, because one stack to maintain\n- Good, because hiring is easier\n" +
        "- Bad, because research code needs porting",
    );
    expect(markdown).toContain("### Confirmation\n\nReview after the Q3 migration.");
  });

  it("says plainly that no option is chosen on a tie, and claims no chosen option", () => {
    const markdown = generateRecord(recordInput({ result: tiedResult() }));
    expect(markdown).toContain(
      'No option is chosen yet. The vote ended in a tie: "PyTorch" and "TensorFlow" share rank 1 with ' +
        "70.0 of 100 each. No option is chosen until a lead picks one and records why.",
    );
    expect(markdown).not.toMatch(/chosen option/i);
    expect(markdown).toContain("- tie: options with equal weighted totals share a rank");
    expect(markdown).toContain("- fragile: moving one criterion's weight by less than 5 points");
    expect(markdown).toContain("Robustness: 0.0 points");
    expect(markdown).toContain("| 1 | PyTorch | 70.0 | 100.0% | 1.5 |");
  });

  it("says plainly that no option is chosen on a contested result, and claims no chosen option", () => {
    const markdown = generateRecord(recordInput({ result: contestedResult() }));
    expect(markdown).toContain("No option is chosen yet. The result is contested:");
    expect(markdown).toContain('the weighted totals put "TensorFlow" first, but the Borda count');
    expect(markdown).toContain('puts "PyTorch" first.');
    expect(markdown).toContain("No option is chosen until a lead picks one and records why.");
    expect(markdown).not.toMatch(/chosen option/i);
  });

  it("states the lead's pick after a tie together with their justification", () => {
    const markdown = generateRecord(
      recordInput({
        result: tiedResult(),
        narrative: {
          ...emptyNarrative,
          chosenOptionId: "pt",
          justification: "our researchers already use it",
        },
      }),
    );
    expect(markdown).toContain('Chosen option: "PyTorch", because our researchers already use it.');
    expect(markdown).toContain(
      'A lead picked this option after the vote ended in a tie between "PyTorch" and "TensorFlow".',
    );
    expect(markdown).not.toContain("No option is chosen");
  });

  it("says so when a lead picks an option other than the clear winner", () => {
    const markdown = generateRecord(
      recordInput({ narrative: { ...emptyNarrative, chosenOptionId: "pt", justification: "licensing" } }),
    );
    expect(markdown).toContain('Chosen option: "PyTorch", because licensing.');
    expect(markdown).toContain(
      'A lead picked this option over "TensorFlow", which has the highest weighted total (75.0 of 100).',
    );
    expect(markdown).toContain('"PyTorch" ranks 2 of 2 with a weighted total of 60.0 of 100.');
  });

  it("reports incomplete options with their coverage and lists disputed cells", () => {
    const result = handComputedResult();
    result.options = result.options.map((o) =>
      o.optionId === "tf" ? { ...o, coverage: 0.625, incomplete: true } : o,
    );
    result.flags = ["incomplete"];
    result.cells = result.cells.map((c) =>
      c.optionId === "pt" && c.criterionId === "prod"
        ? { ...c, stdev: 3.2, min: 0, max: 9, disputed: true }
        : c,
    );
    const markdown = generateRecord(recordInput({ result }));
    expect(markdown).toContain("over the 62.5% of the criteria weight on which it was scored");
    expect(markdown).toContain("| 1 | TensorFlow | 75.0 | 62.5% | 2 |");
    expect(markdown).toContain("- incomplete: some options were not scored on every criterion");
    expect(markdown).toContain(
      '- "PyTorch" on Production readiness: mean 3.0, standard deviation 3.2, scores from 0 to 9 (3 votes)',
    );
    expect(markdown).toContain("(3 votes; disputed, standard deviation 3.2)");
  });

  it("links the records it supersedes", () => {
    const markdown = generateRecord(recordInput({ supersedes: ["ADR-0003", "12"] }));
    expect(markdown).toContain("Supersedes ADR-0003.\nSupersedes ADR-0012.");
  });

  it("keeps a newline in the title from injecting a heading", () => {
    const markdown = generateRecord(
      recordInput({ title: "Pick a framework\n# Injected\n\n## Decision Drivers" }),
    );
    const headings = lines(markdown).filter((line) => /^#\s/.test(line));
    expect(headings).toEqual(["# Pick a framework \\# Injected \\#\\# Decision Drivers"]);
    expect(lines(markdown).filter((line) => line === "## Decision Drivers")).toHaveLength(1);
  });

  it("leaves HTML in option names, criteria, rationales and voter names inert", () => {
    const markdown = generateRecord(
      recordInput({
        options: [
          { id: "pt", name: "<script>alert(1)</script>", description: "<img src=x onerror=alert(2)>" },
          { id: "tf", name: "TensorFlow", description: "" },
        ],
        criteria: [
          { id: "flex", name: "<b>Flexibility</b>", description: "" },
          { id: "prod", name: "Production readiness", description: "" },
        ],
        rationales: [{ optionId: "pt", criterionId: null, voterName: "<i>Eve</i>", text: "</p><iframe>" }],
      }),
    );
    expect(markdown).not.toMatch(/<(script|img|b|i|iframe|\/p)\b/i);
    expect(markdown).toContain("### &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(markdown).toContain("- “&lt;/p&gt;&lt;iframe&gt;” — &lt;i&gt;Eve&lt;/i&gt;, overall");
  });

  it("escapes pipes in names so table rows keep their columns", () => {
    const markdown = generateRecord(
      recordInput({
        options: [
          { id: "pt", name: "PyTorch | 2.x", description: "" },
          { id: "tf", name: "TensorFlow", description: "" },
        ],
        criteria: [
          { id: "flex", name: "Speed | Flexibility", description: "" },
          { id: "prod", name: "Production readiness", description: "" },
        ],
      }),
    );
    const tableRows = lines(markdown).filter((line) => line.startsWith("|"));
    const resultRows = tableRows.filter((row) => columnCount(row) === 5);
    const sensitivityRows = tableRows.filter((row) => columnCount(row) === 3);
    expect(resultRows.length + sensitivityRows.length).toBe(tableRows.length);
    expect(resultRows).toContain("| 2 | PyTorch \\| 2.x | 60.0 | 100.0% | 1 |");
    expect(sensitivityRows).toContain("| Speed \\| Flexibility | 50.0% | +16.7 points |");
  });

  it("keeps names with quotes, colons and newlines inside one YAML value each", () => {
    const markdown = generateRecord(
      recordInput({
        status: 'accepted"\nstatus: rejected',
        decisionMakers: ['Eve "the ML" Ops: infra', "Mallory\n# injected: true", "Back\\slash"],
      }),
    );
    const front = frontMatterLines(markdown);
    for (const line of front) expect(line).toMatch(/^[a-z-]+:( .*)?$|^ {2}- ".*"$/);
    expect(front.filter((line) => line.startsWith("status:"))).toEqual([
      'status: "accepted\\"\\nstatus: rejected"',
    ]);
    // The quoted scalars use only escapes that JSON shares with YAML, so JSON reads them back exactly.
    const names = front.filter((line) => line.startsWith("  - ")).map((line) => JSON.parse(line.slice(4)));
    expect(names).toEqual([
      'Eve "the ML" Ops: infra',
      "Mallory\n# injected: true",
      "Back\\slash",
      "Omar Owner",
    ]);
  });

  it("does not link a decision URL that is not a web address", () => {
    const markdown = generateRecord(recordInput({ decisionUrl: "javascript:alert(1)" }));
    expect(markdown).not.toContain("](javascript:");
    expect(markdown).not.toContain("Decision in Verdict");
  });

  it("leaves the back-link out when the app has no public address", () => {
    expect(generateRecord(recordInput({ decisionUrl: null }))).not.toContain("Decision in Verdict");
  });

  it("produces the same text for the same input", () => {
    expect(generateRecord(recordInput())).toBe(generateRecord(recordInput()));
  });
});

describe("chosenOption", () => {
  it("takes the single weighted winner when Borda agrees", () => {
    expect(chosenOption(recordInput())).toEqual({ optionId: "tf", reason: "winner" });
  });

  it("chooses nothing on a tie or a contested result", () => {
    expect(chosenOption(recordInput({ result: tiedResult() }))).toEqual({
      optionId: null,
      reason: "undecided",
    });
    expect(chosenOption(recordInput({ result: contestedResult() }))).toEqual({
      optionId: null,
      reason: "undecided",
    });
  });

  it("takes the lead's pick, and calls it the winner only when it is the clear winner", () => {
    const pick = (chosenOptionId: string, result = handComputedResult()) =>
      chosenOption(recordInput({ result, narrative: { ...emptyNarrative, chosenOptionId } }));
    expect(pick("pt", tiedResult())).toEqual({ optionId: "pt", reason: "lead-choice" });
    expect(pick("tf", contestedResult())).toEqual({ optionId: "tf", reason: "lead-choice" });
    expect(pick("tf")).toEqual({ optionId: "tf", reason: "winner" });
    expect(pick("pt")).toEqual({ optionId: "pt", reason: "lead-choice" });
  });

  it("ignores a pick that is not one of the decision's options", () => {
    const input = recordInput({
      result: tiedResult(),
      narrative: { ...emptyNarrative, chosenOptionId: "gone" },
    });
    expect(chosenOption(input)).toEqual({ optionId: null, reason: "undecided" });
  });
});

describe("defaultNarrative", () => {
  it("drafts context, reasons, consequences and confirmation for a clear winner", () => {
    const draft = defaultNarrative(recordInput({ context: "Two stacks today." }));
    expect(draft.context).toBe("Two stacks today.");
    expect(draft.justification).toContain("it has the highest weighted total (75.0 of 100)");
    expect(draft.consequencesGood).toBe(
      "Production readiness is among its strongest drivers (mean 9.0 on the 0–10 scale)",
    );
    expect(draft.consequencesBad).toContain(
      "Flexibility is among its weakest drivers (mean 6.0 on the 0–10 scale)",
    );
    expect(draft.confirmation).toContain('Confirm that "TensorFlow" holds up on Flexibility');
    expect(draft.chosenOptionId).toBeNull();
  });

  it("leaves the reasons blank when the vote is tied, for the lead to write", () => {
    const draft = defaultNarrative(recordInput({ result: tiedResult() }));
    expect(draft.justification).toBe("");
    expect(draft.consequencesGood).toBe("");
    expect(draft.consequencesBad).toBe("");
    expect(draft.context).toContain(
      "The team scored 2 options on 2 weighted criteria, each on the 0–10 scale.",
    );
  });
});

describe("recordFileName", () => {
  it("pads the number and kebab-cases the title", () => {
    expect(recordFileName(7, "Use PyTorch for training & serving!")).toBe(
      "0007-use-pytorch-for-training-serving.md",
    );
    expect(recordFileName(12345, "Scale out")).toBe("12345-scale-out.md");
  });

  it("folds accents and special letters to ASCII", () => {
    expect(recordFileName(3, "Évaluer la qualité des données — Straße, Øresund")).toBe(
      "0003-evaluer-la-qualite-des-donnees-strasse-oresund.md",
    );
  });

  it("never produces an empty slug", () => {
    expect(recordFileName(1, "")).toBe("0001-decision.md");
    expect(recordFileName(1, "🚀 ??? 中文")).toBe("0001-decision.md");
  });

  it("cuts long titles at a word boundary within 60 characters", () => {
    const slug = slugify(
      "Which deep-learning framework do we standardize on for training and serving at scale?",
    );
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toBe("which-deep-learning-framework-do-we-standardize-on-for");
    expect(slugify("a".repeat(80))).toBe("a".repeat(60));
  });

  it("refuses a negative or fractional number", () => {
    expect(() => recordFileName(-1, "x")).toThrow(RangeError);
    expect(() => recordFileName(1.5, "x")).toThrow(RangeError);
  });
  it("lists the cited discussion comments in More Information, with authors, dates and links", () => {
    const markdown = generateRecord(
      recordInput({
        citedComments: [
          { authorName: "Aisha *Khan*", date: "2026-11-30", text: "Serving latency\nmatters more than [training](javascript:x) speed.", url: "/projects/p1/decisions/d1#comment-c1" },
          { authorName: "Ben", date: "2026-12-01", text: "x".repeat(250), url: "/projects/p1/decisions/d1#comment-c2" },
        ],
      }),
    );
    const more = markdown.slice(markdown.indexOf("## More Information"));
    expect(more).toContain(
      "Cited from the discussion:\n\n- Aisha \\*Khan\\* (2026-11-30): “Serving latency matters more than \\[training\\](javascript:x) speed.” ([comment](/projects/p1/decisions/d1#comment-c1))",
    );
    expect(more).toContain(`- Ben (2026-12-01): “${"x".repeat(199)}…” ([comment](/projects/p1/decisions/d1#comment-c2))`);
    expect(generateRecord(recordInput())).not.toContain("Cited from the discussion");
  });
});
