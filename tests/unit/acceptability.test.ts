import { describe, expect, it } from "vitest";
import {
  acceptabilitySentence,
  rankAcceptability,
  type AcceptabilityCell,
  type AcceptabilityInput,
  type AcceptabilityResult,
  type WeightUncertainty,
} from "@/lib/domain/acceptability";
import { cellStatsFromScores, DomainRuleError, type ImportanceVector } from "@/lib/domain/aggregation";

// Exact answers (0, 1) are asserted exactly. Estimated ones are worked out by hand in the comment beside
// them and asserted within about four Monte Carlo standard errors: √(p(1 − p)/10 000) ≤ 0.005.

/** A cell from its voters' scores, with the histogram the bootstrap reads. */
function cell(optionId: string, criterionId: string, scores: number[]): AcceptabilityCell {
  const histogram = [...new Set(scores)].map((value) => ({
    value,
    count: scores.filter((score) => score === value).length,
  }));
  return { optionId, criterionId, ...cellStatsFromScores(scores), histogram };
}

function run(
  options: string[],
  criteria: string[],
  weights: number[],
  cells: AcceptabilityCell[],
  weightUncertainty: WeightUncertainty = { mode: "FIXED" },
  extra: Partial<AcceptabilityInput> = {},
): AcceptabilityResult {
  return rankAcceptability({
    scale: { min: 0, max: 10 },
    options: options.map((id) => ({ id, name: id })),
    criteria: criteria.map((id) => ({ id })),
    weights: Object.fromEntries(criteria.map((id, j) => [id, weights[j] ?? 0])),
    weightUncertainty,
    cells,
    seed: 2026,
    ...extra,
  });
}

const byId = (result: AcceptabilityResult, id: string) => {
  const option = result.options.find((o) => o.optionId === id);
  if (!option) throw new Error(`no option ${id}`);
  return option;
};

describe("rankAcceptability: dominance is certain whatever the weights", () => {
  // Strong beats Weak on every criterion, in every voter's scores: no weights and no resample of the
  // voters can make Weak win. Odd beats Weak on c1 only, and loses to Strong everywhere.
  // Blank has no scores at all: no total, so it ranks last (4th) every time.
  const cells = [
    cell("Strong", "c1", [9, 10, 9]),
    cell("Strong", "c2", [8, 9, 9]),
    cell("Strong", "c3", [7, 8, 10]),
    cell("Weak", "c1", [2, 3, 4]),
    cell("Weak", "c2", [5, 6, 7]),
    cell("Weak", "c3", [1, 6, 6]),
    cell("Odd", "c1", [6, 6, 6]),
    cell("Odd", "c2", [0, 1, 0]),
    cell("Odd", "c3", [4, 4, 5]),
  ];
  const options = ["Weak", "Strong", "Odd", "Blank"];
  const criteria = ["c1", "c2", "c3"];

  it.each<[string, WeightUncertainty]>([
    ["FIXED ±20 %", { mode: "FIXED" }],
    ["FIXED ±90 %", { mode: "FIXED", band: 0.9 }],
    [
      "VOTED, 3 voters bootstrapped",
      {
        mode: "VOTED",
        importances: [
          { voterId: "a", importances: { c1: 10, c2: 0, c3: 0 } },
          { voterId: "b", importances: { c1: 0, c2: 10, c3: 1 } },
          { voterId: "c", importances: { c1: 1, c2: 1, c3: 10 } },
        ],
      },
    ],
  ])("%s: the dominating option always ranks 1st, the dominated one never does", (_, uncertainty) => {
    const result = run(options, criteria, [0.5, 0.3, 0.2], cells, uncertainty);
    expect(byId(result, "Strong").rankProbabilities).toEqual([1, 0, 0, 0]);
    expect(byId(result, "Strong").soleWinProbability).toBe(1);
    expect(byId(result, "Weak").winProbability).toBe(0);
    expect(byId(result, "Blank").rankProbabilities).toEqual([0, 0, 0, 1]);
    expect(result.winnerOptionIds).toEqual(["Strong"]);
    expect(result.winnerConfidence).toBe(1);
    // Every option holds exactly one rank per sample.
    for (const option of result.options) {
      expect(option.rankProbabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
  });
});

describe("rankAcceptability: probabilities worked by hand", () => {
  it("bootstraps a cell with few scores: its mean takes each resample's value equally often", () => {
    // A was scored 0 and 10: the four equally likely resamples (0,0) (0,10) (10,0) (10,10) have means
    // 0, 5, 5, 10. B's unanimous 6 never moves. A wins only on the mean 10: P = 1/4; B wins 3/4.
    const result = run(["A", "B"], ["c"], [1], [cell("A", "c", [0, 10]), cell("B", "c", [6, 6])]);
    expect(Math.abs(byId(result, "A").winProbability - 0.25)).toBeLessThan(0.02);
    expect(byId(result, "A").winProbability + byId(result, "B").winProbability).toBe(1);
  });

  it("counts a tie as a shared first rank for both options", () => {
    // As above with B unanimous at 5: A's mean is 5 half the time, a tie (both rank 1), 10 a quarter of
    // the time (A alone), 0 a quarter (B alone). So each is ranked 1st in 3/4 and alone in 1/4.
    const result = run(["A", "B"], ["c"], [1], [cell("A", "c", [0, 10]), cell("B", "c", [5, 5])]);
    for (const id of ["A", "B"]) {
      const option = byId(result, id);
      expect(Math.abs(option.winProbability - 0.75)).toBeLessThan(0.02);
      expect(Math.abs(option.soleWinProbability - 0.25)).toBeLessThan(0.02);
      expect(option.rankProbabilities[0]! + option.rankProbabilities[1]!).toBeCloseTo(1, 12);
    }
    expect(result.winnerOptionIds).toEqual(["A", "B"]);
    expect(result.winnerConfidence).toBeNull();
  });

  it("draws a well-scored cell's mean from its sampling distribution, standard error s/√n", () => {
    // A: 5 scores 4, 4, 6, 8, 8 → mean 6, population variance (4+4+0+4+4)/5 = 3.2, sample variance 4,
    // standard error √(4/5) = 0.894. B unanimous 5. P(A wins) = Φ((6 − 5)/0.894) = Φ(1.118) = 0.868.
    // (Using the population figure, 0.8, would give Φ(1.25) = 0.894; without the √n, Φ(0.5) = 0.691.)
    const result = run(
      ["A", "B"],
      ["c"],
      [1],
      [cell("A", "c", [4, 4, 6, 8, 8]), cell("B", "c", [5, 5, 5, 5, 5])],
    );
    expect(Math.abs(byId(result, "A").winProbability - 0.8682)).toBeLessThan(0.014);
  });

  it("moves FIXED weights within a band relative to each weight", () => {
    // A = (10, 0), B = (0, 10), unanimous; weights 0.55 and 0.45, each times x, y uniform on [0.8, 1.2].
    // A wins when 0.55x > 0.45y, i.e. y < 11x/9, which fails only in the corner x < 0.9818,
    // y > 11x/9: a triangle of area ½ · 0.18182 · 0.22222 = 0.020202 out of 0.16, so P(B) = 0.12626
    // and P(A) = 0.87374. (An absolute band of ±0.2 would give 1 − 0.045/0.16 = 0.719.)
    const cells = [
      cell("A", "c1", [10, 10, 10, 10, 10]),
      cell("A", "c2", [0, 0, 0, 0, 0]),
      cell("B", "c1", [0, 0, 0, 0, 0]),
      cell("B", "c2", [10, 10, 10, 10, 10]),
    ];
    const banded = run(["A", "B"], ["c1", "c2"], [0.55, 0.45], cells, { mode: "FIXED", band: 0.2 });
    expect(Math.abs(byId(banded, "A").winProbability - 0.87374)).toBeLessThan(0.014);
    const exact = run(["A", "B"], ["c1", "c2"], [0.55, 0.45], cells, { mode: "FIXED", band: 0 });
    expect(byId(exact, "A").winProbability).toBe(1);
    // A lead less sure of the weights, ±50 %: x, y uniform on [0.5, 1.5]. B wins above y = 11x/9, for
    // x < 1.5 · 9/11 = 1.22727: ∫ from 0.5 to 1.22727 of (1.5 − 11x/9) dx = 1.09091 − 0.76768 = 0.32323,
    // so the same close winner's confidence falls to 0.67677.
    const wide = run(["A", "B"], ["c1", "c2"], [0.55, 0.45], cells, { mode: "FIXED", band: 0.5 });
    expect(Math.abs(byId(wide, "A").winProbability - 0.67677)).toBeLessThan(0.019);
    expect(wide.winnerConfidence).toBeLessThan(banded.winnerConfidence!);
  });

  it("with a band of 0 samples only the cell means, as if the weights were certain", () => {
    // A = (scores 4 4 6 8 8 on c1, unanimous 5 on c2), B = (unanimous 5, unanimous 4); W = (½, ½).
    // A − B = ½(m − 5) + ½(5 − 4) > 0 when A's c1 mean m > 4. m is normal with mean 6 and standard
    // error √(4/5) = 0.8944 (sample variance (4+4+0+4+4)/4 = 4), so P(A) = Φ(2/0.8944) = Φ(2.236) = 0.9873.
    const cells = [
      cell("A", "c1", [4, 4, 6, 8, 8]),
      cell("A", "c2", [5, 5, 5, 5, 5]),
      cell("B", "c1", [5, 5, 5, 5, 5]),
      cell("B", "c2", [4, 4, 4, 4, 4]),
    ];
    const exactWeights = run(["A", "B"], ["c1", "c2"], [0.5, 0.5], cells, { mode: "FIXED", band: 0 });
    expect(Math.abs(byId(exactWeights, "A").winProbability - 0.9873)).toBeLessThan(0.005);
    // Letting c2's weight shrink (it is where B loses) makes B's comeback likelier.
    const banded = run(["A", "B"], ["c1", "c2"], [0.5, 0.5], cells, { mode: "FIXED", band: 0.9 });
    expect(byId(banded, "A").winProbability).toBeLessThan(byId(exactWeights, "A").winProbability);
  });

  it("moves VOTED weights together, as the voters' importances vary together", () => {
    // Five voters split 10 points between c1 and c2: shares of c1 are .6 .6 .6 .4 .8 (c2 the rest).
    // W = (0.6, 0.4). Sample variance of c1's share (0+0+0+.04+.04)/4 = 0.02, so its mean has standard
    // error √(0.02/5) = 0.0632, and c2's share moves by exactly the opposite amount. A = (10, 0),
    // B = (0, 10): A wins when W1 > W2, 0.2 + 2·0.0632·z > 0, P = Φ(1.5811) = 0.9431.
    // (Drawing the two weights independently would give Φ(2.236) = 0.9873.)
    const importances: ImportanceVector[] = [
      [6, 4],
      [6, 4],
      [6, 4],
      [4, 6],
      [8, 2],
    ].map(([c1, c2], v) => ({ voterId: `v${v}`, importances: { c1: c1!, c2: c2! } }));
    const cells = [
      cell("A", "c1", [10, 10, 10, 10, 10]),
      cell("A", "c2", [0, 0, 0, 0, 0]),
      cell("B", "c1", [0, 0, 0, 0, 0]),
      cell("B", "c2", [10, 10, 10, 10, 10]),
    ];
    const result = run(["A", "B"], ["c1", "c2"], [0.6, 0.4], cells, { mode: "VOTED", importances });
    expect(Math.abs(byId(result, "A").winProbability - 0.9431)).toBeLessThan(0.01);
  });

  it("bootstraps the voters' weights when fewer than five gave importances", () => {
    // Two voters, all on c1 or all on c2: resampled pairs give weights (1,0), (0,1) or (½,½) twice.
    // A = (10, 0) beats B = (0, 9) under (1,0) and (½,½) (5 > 4.5), loses under (0,1): P(A) = 3/4.
    const importances: ImportanceVector[] = [
      { voterId: "x", importances: { c1: 10, c2: 0 } },
      { voterId: "y", importances: { c1: 0, c2: 10 } },
    ];
    const cells = [
      cell("A", "c1", [10, 10, 10, 10, 10]),
      cell("A", "c2", [0, 0, 0, 0, 0]),
      cell("B", "c1", [0, 0, 0, 0, 0]),
      cell("B", "c2", [9, 9, 9, 9, 9]),
    ];
    const result = run(["A", "B"], ["c1", "c2"], [0.5, 0.5], cells, { mode: "VOTED", importances });
    expect(Math.abs(byId(result, "A").winProbability - 0.75)).toBeLessThan(0.02);
  });
});

describe("rankAcceptability: reproducible", () => {
  const cells = [cell("A", "c", [4, 4, 6, 8, 8]), cell("B", "c", [3, 5, 5, 6, 7])];

  it("gives identical figures for the same seed and slightly different ones for another", () => {
    const first = run(["A", "B"], ["c"], [1], cells, { mode: "FIXED" }, { seed: 11, samples: 2000 });
    const again = run(["A", "B"], ["c"], [1], cells, { mode: "FIXED" }, { seed: 11, samples: 2000 });
    const other = run(["A", "B"], ["c"], [1], cells, { mode: "FIXED" }, { seed: 12, samples: 2000 });
    expect(again).toEqual(first);
    expect(other.options[0]!.winProbability).not.toBe(first.options[0]!.winProbability);
    expect(Math.abs(other.options[0]!.winProbability - first.options[0]!.winProbability)).toBeLessThan(0.05);
  });

  it("refuses a sample count, band or histogram it cannot honour", () => {
    const bad =
      (extra: Partial<AcceptabilityInput>, uncertainty: WeightUncertainty = { mode: "FIXED" }) =>
      () =>
        run(["A", "B"], ["c"], [1], cells, uncertainty, extra);
    expect(bad({ samples: 0 })).toThrow(DomainRuleError);
    expect(bad({ samples: 1.5 })).toThrow(DomainRuleError);
    expect(bad({}, { mode: "FIXED", band: 1 })).toThrow(DomainRuleError);
    expect(() =>
      run(["A"], ["c"], [1], [{ ...cell("A", "c", [1, 2]), histogram: [{ value: 1, count: 1 }] }]),
    ).toThrow(/add up/);
  });
});

describe("acceptabilitySentence", () => {
  const result = (options: [string, number, number][]): AcceptabilityResult => ({
    samples: 10_000,
    seed: 1,
    winnerOptionIds: [],
    winnerConfidence: null,
    options: options.map(([name, win, sole]) => ({
      optionId: name,
      name,
      rankProbabilities: [],
      winProbability: win,
      soleWinProbability: sole,
    })),
  });

  it("names the most likely winner and how often it wins", () => {
    expect(
      acceptabilitySentence(
        result([
          ["TensorFlow", 0.09, 0.09],
          ["PyTorch", 0.91, 0.91],
        ]),
      ),
    ).toBe("PyTorch wins in 91% of plausible variations");
  });

  it("says how often a win is shared", () => {
    expect(
      acceptabilitySentence(
        result([
          ["PyTorch", 0.8, 0.75],
          ["TensorFlow", 0.25, 0.2],
        ]),
      ),
    ).toBe("PyTorch wins in 80% of plausible variations (sharing the win in 5%)");
  });

  it("names every option level at the top", () => {
    expect(
      acceptabilitySentence(
        result([
          ["A", 0.75, 0.25],
          ["B", 0.75, 0.25],
        ]),
      ),
    ).toBe("A and B each win in 75% of plausible variations");
    expect(
      acceptabilitySentence(
        result([
          ["A", 1, 0],
          ["B", 1, 0],
          ["C", 1, 0],
        ]),
      ),
    ).toBe("A, B and C share the win in 100% of plausible variations");
  });

  it("never rounds an uncertain win up to 100% or down to 0%", () => {
    expect(
      acceptabilitySentence(
        result([
          ["A", 0.996, 0.996],
          ["B", 0.004, 0.004],
        ]),
      ),
    ).toBe("A wins in over 99% of plausible variations");
    expect(
      acceptabilitySentence(
        result([
          ["A", 0.5, 0.496],
          ["B", 0.5, 0.496],
        ]),
      ),
    ).toBe("A and B each win in 50% of plausible variations");
    expect(
      acceptabilitySentence(
        result([
          ["A", 0.7, 0.697],
          ["B", 0.3, 0.297],
        ]),
      ),
    ).toBe("A wins in 70% of plausible variations (sharing the win in under 1%)");
  });

  it("says so when no option has a total", () => {
    expect(acceptabilitySentence(result([["A", 0, 0]]))).toBe("No option has a total yet.");
  });
});
