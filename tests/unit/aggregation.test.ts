import { describe, expect, it } from "vitest";
import {
  aggregate,
  cellStatsFromScores,
  computeWeights,
  DomainRuleError,
  voterOptionSumsFromScores,
  voterWeights,
  type AggregateResult,
  type CellStats,
  type ImportanceVector,
  type Scale,
  type WeightMode,
} from "@/lib/domain/aggregation";

// Every expected number below is worked out by hand in the comment beside it.

/** voterId → optionId → one value per criterion, in the criteria's order (null = abstain). */
type Ballots = Record<string, Record<string, (number | null)[]>>;

interface Decision {
  scale?: Scale;
  mode?: WeightMode;
  options: string[];
  criteria: { id: string; weight?: number }[];
  importances?: ImportanceVector[];
  ballots: Ballots;
  eligible?: number;
}

/** Runs a decision end to end through the reference helpers, as the server's queries would. */
function decide(decision: Decision): AggregateResult {
  const scale = decision.scale ?? { min: 0, max: 10 };
  const mode = decision.mode ?? "FIXED";
  const importances = decision.importances ?? [];
  const criteria = decision.criteria.map((c) => ({ id: c.id, weight: c.weight ?? 0 }));
  const { weights } = computeWeights(mode, criteria, importances);

  const scores = Object.entries(decision.ballots).flatMap(([voterId, byOption]) =>
    Object.entries(byOption).flatMap(([optionId, values]) =>
      criteria.map((criterion, index) => ({
        voterId,
        optionId,
        criterionId: criterion.id,
        value: values[index] ?? null,
      })),
    ),
  );
  const cells: CellStats[] = decision.options.flatMap((optionId) =>
    criteria.flatMap((criterion) => {
      const values = scores
        .filter((s) => s.optionId === optionId && s.criterionId === criterion.id)
        .map((s) => s.value);
      return values.length === 0
        ? []
        : [{ optionId, criterionId: criterion.id, ...cellStatsFromScores(values) }];
    }),
  );
  // `?? weights` mirrors the per-voter SQL, which weighs a voter with all-zero importances by the
  // aggregate weights; that rule is pinned against the real query in tests/integration/decisions.test.ts.
  const voterSums = voterOptionSumsFromScores(
    scores,
    scale,
    (voterId) =>
      voterWeights(
        mode,
        weights,
        importances.find((v) => v.voterId === voterId),
      ) ?? weights,
  );
  return aggregate({
    scale,
    options: decision.options.map((id) => ({ id, name: `Option ${id}` })),
    criteria,
    weights,
    cells,
    voterSums,
    eligible: decision.eligible ?? Object.keys(decision.ballots).length,
  });
}

const byOption = (result: AggregateResult, optionId: string) => {
  const option = result.options.find((o) => o.optionId === optionId);
  if (!option) throw new Error(`no option ${optionId}`);
  return option;
};
const cellOf = (result: AggregateResult, optionId: string, criterionId: string) => {
  const cell = result.cells.find((c) => c.optionId === optionId && c.criterionId === criterionId);
  if (!cell) throw new Error(`no cell ${optionId}/${criterionId}`);
  return cell;
};
const deltaOf = (result: AggregateResult, criterionId: string) =>
  result.sensitivity.find((s) => s.criterionId === criterionId)?.delta;

describe("cell statistics", () => {
  it("counts abstentions apart and describes the scores that remain", () => {
    // Scores 9, 7, 8: n 3, mean 24/3 = 8, median 8, population variance (1 + 1 + 0)/3 = 2/3.
    expect(cellStatsFromScores([9, null, 7, 8, null])).toEqual({
      n: 3,
      abstentions: 2,
      mean: 8,
      median: 8,
      stdev: Math.sqrt(2 / 3),
      min: 7,
      max: 9,
    });
  });

  it("takes the median of an even count as the mean of the two middle scores", () => {
    // Sorted 2, 4, 6, 8: median (4 + 6)/2 = 5; mean 20/4 = 5; variance (9 + 1 + 1 + 9)/4 = 5.
    const stats = cellStatsFromScores([2, 8, 4, 6]);
    expect(stats.median).toBe(5);
    expect(stats.mean).toBe(5);
    expect(stats.stdev).toBeCloseTo(Math.sqrt(5), 12);
  });

  it("leaves every statistic null when everyone abstained", () => {
    expect(cellStatsFromScores([null, null])).toEqual({
      n: 0,
      abstentions: 2,
      mean: null,
      median: null,
      stdev: null,
      min: null,
      max: null,
    });
  });
});

describe("weights", () => {
  it("normalizes FIXED raw weights to sum 1", () => {
    // 5 + 3 + 2 = 10 → 0.5, 0.3, 0.2.
    const { weights } = computeWeights(
      "FIXED",
      [
        { id: "c1", weight: 5 },
        { id: "c2", weight: 3 },
        { id: "c3", weight: 2 },
      ],
      [],
    );
    expect(weights).toEqual({ c1: 0.5, c2: 0.3, c3: 0.2 });
  });

  it("refuses FIXED weights that are all 0", () => {
    const call = () =>
      computeWeights(
        "FIXED",
        [
          { id: "c1", weight: 0 },
          { id: "c2", weight: 0 },
        ],
        [],
      );
    expect(call).toThrow(DomainRuleError);
    expect(call).toThrow(/above 0/);
  });

  it("refuses a negative FIXED weight and names the criterion's field", () => {
    try {
      computeWeights(
        "FIXED",
        [
          { id: "c1", weight: 2 },
          { id: "c2", weight: -1 },
        ],
        [],
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainRuleError);
      expect((error as DomainRuleError).path).toEqual(["criteria", 1, "weight"]);
    }
  });

  it("averages VOTED importances after normalizing each voter, leaving out all-zero voters", () => {
    // v1 (6, 2) → (0.75, 0.25); v2 (2, 2) → (0.5, 0.5); v3 (0, 0) left out.
    // W = ((0.75 + 0.5)/2, (0.25 + 0.5)/2) = (0.625, 0.375).
    const { weights } = computeWeights(
      "VOTED",
      [
        { id: "c1", weight: 0 },
        { id: "c2", weight: 0 },
      ],
      [
        { voterId: "v1", importances: { c1: 6, c2: 2 } },
        { voterId: "v2", importances: { c1: 2, c2: 2 } },
        { voterId: "v3", importances: { c1: 0, c2: 0 } },
      ],
    );
    expect(weights.c1).toBeCloseTo(0.625, 12);
    expect(weights.c2).toBeCloseTo(0.375, 12);
  });

  it("refuses an importance outside 0..10 and names the voter and criterion", () => {
    try {
      computeWeights("VOTED", [{ id: "c1", weight: 0 }], [{ voterId: "v1", importances: { c1: 11 } }]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainRuleError);
      expect((error as DomainRuleError).path).toEqual(["importances", "v1", "c1"]);
    }
  });

  it("weighs all criteria the same in VOTED mode when nobody gave an importance", () => {
    // Three criteria, no usable vector → 1/3 each.
    const { weights } = computeWeights(
      "VOTED",
      [
        { id: "c1", weight: 9 },
        { id: "c2", weight: 1 },
        { id: "c3", weight: 0 },
      ],
      [{ voterId: "v1", importances: { c1: 0, c2: 0, c3: 0 } }],
    );
    expect(weights).toEqual({ c1: 1 / 3, c2: 1 / 3, c3: 1 / 3 });
  });

  it("gives each voter the aggregate weights in FIXED mode and their own in VOTED mode", () => {
    const aggregateWeights = { c1: 0.625, c2: 0.375 };
    expect(voterWeights("FIXED", aggregateWeights, { voterId: "v1", importances: { c1: 1 } })).toEqual(
      aggregateWeights,
    );
    // (6, 2) → (6/8, 2/8).
    expect(voterWeights("VOTED", aggregateWeights, { voterId: "v1", importances: { c1: 6, c2: 2 } })).toEqual(
      {
        c1: 0.75,
        c2: 0.25,
      },
    );
    expect(
      voterWeights("VOTED", aggregateWeights, { voterId: "v3", importances: { c1: 0, c2: 0 } }),
    ).toBeNull();
  });
});

describe("worked example: 3 voters × 3 options × 3 criteria, FIXED weights 5:3:2", () => {
  // Scale 0..10, W = (0.5, 0.3, 0.2).
  //        A (c1 c2 c3)   B (c1 c2 c3)   C (c1 c2 c3)
  //   v1    9  5  6        6  8  5        5  7  9
  //   v2    8  4  7        5  6  6        3  6  8
  //   v3    7  6  5        7  7  7        4  5  7
  // Means: A (8, 5, 6), B (6, 7, 6), C (4, 6, 8) → ŝ A (.8, .5, .6), B (.6, .7, .6), C (.4, .6, .8).
  const result = decide({
    options: ["A", "B", "C"],
    criteria: [
      { id: "c1", weight: 5 },
      { id: "c2", weight: 3 },
      { id: "c3", weight: 2 },
    ],
    ballots: {
      v1: { A: [9, 5, 6], B: [6, 8, 5], C: [5, 7, 9] },
      v2: { A: [8, 4, 7], B: [5, 6, 6], C: [3, 6, 8] },
      v3: { A: [7, 6, 5], B: [7, 7, 7], C: [4, 5, 7] },
    },
    eligible: 4,
  });

  it("reports participation and the normalized weights", () => {
    expect(result.participation).toEqual({ eligible: 4, voted: 3 });
    expect(result.weights).toEqual([
      { criterionId: "c1", weight: 0.5 },
      { criterionId: "c2", weight: 0.3 },
      { criterionId: "c3", weight: 0.2 },
    ]);
  });

  it("describes each cell", () => {
    expect(result.cells).toHaveLength(9);
    // A/c1: 9, 8, 7 → mean 8, median 8, variance (1 + 0 + 1)/3 = 2/3, ŝ 8/10.
    const cell = cellOf(result, "A", "c1");
    expect(cell).toMatchObject({ n: 3, abstentions: 0, mean: 8, median: 8, min: 7, max: 9, disputed: false });
    expect(cell.stdev).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(cell.normalized).toBeCloseTo(0.8, 12);
    // Widest spread is 2 points (sd ≤ 0.82), under 0.25 × 10 = 2.5: nothing disputed.
    expect(result.cells.some((c) => c.disputed)).toBe(false);
  });

  it("totals and ranks the options", () => {
    // T(A) = .5·.8 + .3·.5 + .2·.6 = .40 + .15 + .12 = .67
    // T(B) = .5·.6 + .3·.7 + .2·.6 = .30 + .21 + .12 = .63
    // T(C) = .5·.4 + .3·.6 + .2·.8 = .20 + .18 + .16 = .54
    expect(result.options.map((o) => [o.optionId, o.rank, o.coverage, o.incomplete])).toEqual([
      ["A", 1, 1, false],
      ["B", 2, 1, false],
      ["C", 3, 1, false],
    ]);
    expect(byOption(result, "A").total).toBeCloseTo(0.67, 12);
    expect(byOption(result, "B").total).toBeCloseTo(0.63, 12);
    expect(byOption(result, "C").total).toBeCloseTo(0.54, 12);
    expect(result.winnerOptionIds).toEqual(["A"]);
  });

  it("counts Borda points from each voter's own totals, ties sharing the average position", () => {
    // v1: A .45+.15+.12 = .72; B .30+.24+.10 = .64; C .25+.21+.18 = .64 → A 1, B 2.5, C 2.5
    // v2: A .40+.12+.14 = .66; B .25+.18+.12 = .55; C .15+.18+.16 = .49 → A 1, B 2, C 3
    // v3: A .35+.18+.10 = .63; B .35+.21+.14 = .70; C .20+.15+.14 = .49 → B 1, A 2, C 3
    // Points 3 − position: A 2+2+1 = 5; B 0.5+1+2 = 3.5; C 0.5+0+0 = 0.5.
    expect(byOption(result, "A").borda).toBeCloseTo(5, 12);
    expect(byOption(result, "B").borda).toBeCloseTo(3.5, 12);
    expect(byOption(result, "C").borda).toBeCloseTo(0.5, 12);
    expect(result.flags).not.toContain("contested");
  });

  it("measures the voters' agreement with Kendall's W", () => {
    // Position sums A 1+1+2 = 4, B 2.5+2+1 = 5.5, C 2.5+3+3 = 8.5; mean 6.
    // S = 4 + 0.25 + 6.25 = 10.5; W = 12·10.5 / (9·(27 − 3)) = 126/216 = 7/12.
    expect(result.kendallW).toBeCloseTo(7 / 12, 12);
  });

  it("finds the exact weight change that lets another option catch the winner", () => {
    // Complete options move linearly: T'(o) = T(o) + δ·(ŝ(o,c) − T(o)) / (1 − W(c)).
    // c1 (1 − W = .5): slopes A .26, B −.06, C −.28.
    //   B: −.04 − .32δ = 0 → δ = −.125; C: −.13 − .54δ = 0 → δ = −.2407. Smallest −12.5 points.
    // c2 (1 − W = .7): slopes A −.17/.7, B .07/.7, C .06/.7.
    //   B: −.04 + (.24/.7)δ = 0 → δ = .028/.24 = 7/60; C: δ = .091/.23 = .3957. Smallest 35/3 points.
    //   Check at 7/60: W' = (5/12, 5/12, 1/6); T'(A) = T'(B) = (5/12)·1.3 + .1.
    // c3 (1 − W = .8): slopes A −.07/.8, B −.03/.8, C .26/.8.
    //   B: −.04 + .05δ = 0 → δ = .8 (the range's end); C: −.13 + (.33/.8)δ = 0 → δ = 52/165. → 1040/33 points.
    expect(deltaOf(result, "c1")).toBeCloseTo(-12.5, 9);
    expect(deltaOf(result, "c2")).toBeCloseTo(35 / 3, 9);
    expect(deltaOf(result, "c3")).toBeCloseTo(1040 / 33, 9);
    // Robustness min(12.5, 11.667, 31.52) = 35/3 ≥ 5: a robust winner, not flagged fragile.
    expect(result.robustness).toBeCloseTo(35 / 3, 9);
    expect(result.flags).toEqual([]);
  });
});

describe("VOTED weights", () => {
  // Scale 1..5, ŝ = (x − 1)/4. Importances: v1 (6, 2), v2 (2, 2), v3 (0, 0) → W = (.625, .375).
  //        X (c1 c2)   Y (c1 c2)
  //   v1    5  1        3  3
  //   v2    4  2        2  5
  //   v3    3  5        4  2
  const decision: Decision = {
    scale: { min: 1, max: 5 },
    mode: "VOTED",
    options: ["X", "Y"],
    criteria: [{ id: "c1" }, { id: "c2" }],
    importances: [
      { voterId: "v1", importances: { c1: 6, c2: 2 } },
      { voterId: "v2", importances: { c1: 2, c2: 2 } },
      { voterId: "v3", importances: { c1: 0, c2: 0 } },
    ],
    ballots: {
      v1: { X: [5, 1], Y: [3, 3] },
      v2: { X: [4, 2], Y: [2, 5] },
      v3: { X: [3, 5], Y: [4, 2] },
    },
  };
  const result = decide(decision);

  it("totals the options with the mean of the voters' normalized importances", () => {
    // Means X (4, 8/3) → ŝ (.75, 5/12); Y (3, 10/3) → ŝ (.5, 7/12).
    // T(X) = .625·.75 + .375·5/12 = .46875 + .15625 = .625
    // T(Y) = .625·.5 + .375·7/12 = .3125 + .21875 = .53125
    expect(byOption(result, "X").total).toBeCloseTo(0.625, 12);
    expect(byOption(result, "Y").total).toBeCloseTo(0.53125, 12);
    expect(result.winnerOptionIds).toEqual(["X"]);
  });

  // Weighing a voter who gave all zeros by the aggregate weights is the database's rule (results-sql.ts,
  // COALESCE to the aggregate weight), not lib/domain's: voterWeights only answers null for that voter.
  // The integration test "computes VOTED results in the database to hand-computed numbers, weighing an
  // all-zero voter by the aggregate weights" pins it; here `decide` stands in for the query.

  it("counts Borda points with each voter's own importances", () => {
    // v1 (.75, .25): X .75·1 + .25·0 = .75; Y .75·.5 + .25·.5 = .5 → X first.
    // v2 (.5, .5):   X .5·.75 + .5·.25 = .5; Y .5·.25 + .5·1 = .625 → Y first.
    // v3 (aggregate): X .6875, Y .5625 → X first.
    // Points 2 − position: X 1+0+1 = 2; Y 0+1+0 = 1. Position sums X 4, Y 5, mean 4.5, S = .5.
    // Kendall's W = 12·.5 / (9·(8 − 2)) = 6/54 = 1/9.
    expect(byOption(result, "X").borda).toBe(2);
    expect(byOption(result, "Y").borda).toBe(1);
    expect(result.kendallW).toBeCloseTo(1 / 9, 12);
    expect(result.flags).toEqual([]);
  });

  it("moves VOTED weights in the sensitivity analysis like any other", () => {
    // c1 (W .625, 1 − W .375): slopes X (.75 − .625)/.375 = 1/3, Y (.5 − .53125)/.375 = −1/12.
    // −.09375 − (5/12)δ = 0 → δ = −.225. Check: W' = (.4, .6) → X .3 + .25 = .55, Y .2 + .35 = .55.
    // c2 is the mirror image: +.225.
    expect(deltaOf(result, "c1")).toBeCloseTo(-22.5, 9);
    expect(deltaOf(result, "c2")).toBeCloseTo(22.5, 9);
    expect(result.robustness).toBeCloseTo(22.5, 9);
  });
});

describe("ties", () => {
  it("shares rank 1 between equal totals and gives the next option rank 3", () => {
    // W = (.5, .5). A ŝ (.6, .4) → .5; B (.4, .6) → .5; C (.2, .2) → .2.
    const result = decide({
      options: ["A", "B", "C"],
      criteria: [
        { id: "c1", weight: 1 },
        { id: "c2", weight: 1 },
      ],
      ballots: { v1: { A: [6, 4], B: [4, 6], C: [2, 2] } },
    });
    expect(result.options.map((o) => [o.optionId, o.rank])).toEqual([
      ["A", 1],
      ["B", 1],
      ["C", 3],
    ]);
    expect(result.winnerOptionIds).toEqual(["A", "B"]);
    // Already tied: δ = 0 for every criterion, robustness 0, and 0 < 5 makes the winner fragile too.
    expect(result.flags).toEqual(["tie", "fragile"]);
    expect(result.sensitivity).toEqual([
      { criterionId: "c1", delta: 0, catchingUpOptionId: "B" },
      { criterionId: "c2", delta: 0, catchingUpOptionId: "B" },
    ]);
    expect(result.robustness).toBe(0);
    // One voter, positions A 1.5, B 1.5, C 3 → points 1.5, 1.5, 0: the Borda winners match.
    expect(byOption(result, "A").borda).toBe(1.5);
    expect(byOption(result, "B").borda).toBe(1.5);
  });

  const tolerancePair = (gap: number) => {
    // One criterion (W 1), scale 0..10: means 5 and 5 + gap → totals .5 and .5 + gap/10; C at .2.
    const cells: CellStats[] = [
      {
        optionId: "A",
        criterionId: "c1",
        n: 1,
        abstentions: 0,
        mean: 5,
        median: 5,
        stdev: 0,
        min: 5,
        max: 5,
      },
      {
        optionId: "B",
        criterionId: "c1",
        n: 1,
        abstentions: 0,
        mean: 5 + gap,
        median: 5 + gap,
        stdev: 0,
        min: 5 + gap,
        max: 5 + gap,
      },
      {
        optionId: "C",
        criterionId: "c1",
        n: 1,
        abstentions: 0,
        mean: 2,
        median: 2,
        stdev: 0,
        min: 2,
        max: 2,
      },
    ];
    return aggregate({
      scale: { min: 0, max: 10 },
      options: [
        { id: "A", name: "A" },
        { id: "B", name: "B" },
        { id: "C", name: "C" },
      ],
      criteria: [{ id: "c1" }],
      weights: { c1: 1 },
      cells,
      voterSums: [
        { voterId: "v1", optionId: "A", weightedSum: 0.5, coverage: 1 },
        { voterId: "v1", optionId: "B", weightedSum: 0.5 + gap / 10, coverage: 1 },
        { voterId: "v1", optionId: "C", weightedSum: 0.2, coverage: 1 },
      ],
      eligible: 1,
    });
  };

  it("flags a tie when two totals are within 1e-9", () => {
    // Gap 5e-9 on the scale → 5e-10 in the total, inside 1e-9.
    const result = tolerancePair(5e-9);
    expect(result.options.map((o) => o.rank)).toEqual([1, 1, 3]);
    expect(result.flags).toContain("tie");
    expect(result.robustness).toBe(0);
  });

  it("does not flag a tie when two totals differ by more than 1e-9", () => {
    // Gap 2e-8 on the scale → 2e-9 in the total, outside 1e-9: B first, A second.
    const result = tolerancePair(2e-8);
    expect(result.options.map((o) => [o.optionId, o.rank])).toEqual([
      ["B", 1],
      ["A", 2],
      ["C", 3],
    ]);
    expect(result.flags).not.toContain("tie");
  });
});

describe("incomplete options", () => {
  // W = (.6, .4). Everyone abstained on B/c2; nobody scored D at all.
  const result = decide({
    options: ["A", "B", "D"],
    criteria: [
      { id: "c1", weight: 3 },
      { id: "c2", weight: 2 },
    ],
    ballots: {
      v1: { A: [7, 5], B: [9, null], D: [null, null] },
      v2: { A: [5, 7], B: [7, null], D: [null, null] },
    },
  });

  it("shows an all-abstain cell with n 0 and no statistics", () => {
    expect(cellOf(result, "B", "c2")).toEqual({
      optionId: "B",
      criterionId: "c2",
      n: 0,
      abstentions: 2,
      mean: null,
      median: null,
      stdev: null,
      min: null,
      max: null,
      normalized: null,
      disputed: false,
    });
  });

  it("totals an option over the cells it has and shows its coverage", () => {
    // A ŝ (.6, .6) → T .6, coverage 1. B: only c1, ŝ .8 → T .6·.8/.6 = .8, coverage .6.
    // D: coverage 0 → no total, ranks last.
    expect(result.options.map((o) => [o.optionId, o.rank, o.incomplete])).toEqual([
      ["B", 1, true],
      ["A", 2, false],
      ["D", 3, true],
    ]);
    expect(byOption(result, "B").total).toBeCloseTo(0.8, 12);
    expect(byOption(result, "B").coverage).toBeCloseTo(0.6, 12);
    expect(byOption(result, "A").total).toBeCloseTo(0.6, 12);
    expect(byOption(result, "D").total).toBeNull();
    expect(byOption(result, "D").coverage).toBe(0);
    expect(result.flags).toEqual(["incomplete"]);
  });

  it("ranks options a voter did not score at all last in that voter's Borda order", () => {
    // v1: B .9, A .6·.7 + .4·.5 = .62, D unscored → B 1, A 2, D 3.
    // v2: B .7, A .6·.5 + .4·.7 = .58 → B 1, A 2, D 3. Points B 4, A 2, D 0.
    // Position sums B 2, A 4, D 6; mean 4; S = 8; W = 12·8 / (4·24) = 1.
    expect(result.options.map((o) => o.borda)).toEqual([4, 2, 0]);
    expect(result.kendallW).toBeCloseTo(1, 12);
  });

  it("reports no sensitivity when no weight change lets anyone catch the winner", () => {
    // B's total rests on c1 alone (.8 whatever c1 weighs); A is .6 on both criteria, so .6 for any weights.
    expect(result.sensitivity).toEqual([
      { criterionId: "c1", delta: null, catchingUpOptionId: null },
      { criterionId: "c2", delta: null, catchingUpOptionId: null },
    ]);
    expect(result.robustness).toBeNull();
  });

  it("shares the last rank between options without a total", () => {
    // Two voters scored only B; A and D have no total → both rank 2.
    const sparse = decide({
      options: ["A", "B", "D"],
      criteria: [{ id: "c1", weight: 1 }],
      ballots: { v1: { B: [4] }, v2: { B: [6] } },
    });
    expect(sparse.options.map((o) => [o.optionId, o.rank])).toEqual([
      ["B", 1],
      ["A", 2],
      ["D", 2],
    ]);
    expect(sparse.flags).toEqual(["incomplete"]);
  });
});

describe("agreement and cross-checks", () => {
  it("leaves Kendall's W null with a single voter", () => {
    const result = decide({
      options: ["A", "B"],
      criteria: [{ id: "c1", weight: 1 }],
      ballots: { v1: { A: [8], B: [3] } },
    });
    expect(result.participation.voted).toBe(1);
    expect(result.kendallW).toBeNull();
  });

  it("leaves Kendall's W null with a single option", () => {
    const result = decide({
      options: ["A"],
      criteria: [{ id: "c1", weight: 1 }],
      ballots: { v1: { A: [8] }, v2: { A: [3] } },
    });
    expect(result.kendallW).toBeNull();
    expect(result.flags).not.toContain("contested");
  });

  it("flags a contested result when the Borda winner differs from the weighted-sum winner", () => {
    // One criterion. A: 10, 4, 4 → mean 6 → .6; B: 0, 5, 5 → mean 10/3 → .333. A wins on totals.
    // Borda: v1 prefers A, v2 and v3 prefer B → A 1, B 2: Borda winner B.
    // Position sums A 1+2+2 = 5, B 2+1+1 = 4; mean 4.5; S = .5; W = 6 / (9·6) = 1/9.
    const result = decide({
      options: ["A", "B"],
      criteria: [{ id: "c1", weight: 1 }],
      ballots: { v1: { A: [10], B: [0] }, v2: { A: [4], B: [5] }, v3: { A: [4], B: [5] } },
    });
    expect(result.winnerOptionIds).toEqual(["A"]);
    expect(byOption(result, "A").borda).toBe(1);
    expect(byOption(result, "B").borda).toBe(2);
    expect(result.flags).toEqual(["contested"]);
    expect(result.kendallW).toBeCloseTo(1 / 9, 12);
    // The only criterion weighs 1: there is no other weight to trade, so nothing can flip the winner.
    expect(result.sensitivity).toEqual([{ criterionId: "c1", delta: null, catchingUpOptionId: null }]);
    expect(result.robustness).toBeNull();
  });
});

describe("fragile winners", () => {
  it("flags a winner that a 2.94-point weight change would catch", () => {
    // W = (.5, .5). A: 10,10 | 0,0 → ŝ (1, 0) → T .5. B: 5,6 | 4,4 → ŝ (.55, .4) → T .475.
    // c1: slopes A (1 − .5)/.5 = 1, B (.55 − .475)/.5 = .15 → −.025 − .85δ = 0 → δ = −1/34 → −50/17 points.
    //   Check: W' = (16/34, 18/34) → A 16/34, B (16·.55 + 18·.4)/34 = (8.8 + 7.2)/34 = 16/34.
    // c2 mirrors c1: +50/17. Robustness 50/17 ≈ 2.94 < 5.
    const result = decide({
      options: ["A", "B"],
      criteria: [
        { id: "c1", weight: 1 },
        { id: "c2", weight: 1 },
      ],
      ballots: { v1: { A: [10, 0], B: [5, 4] }, v2: { A: [10, 0], B: [6, 4] } },
    });
    expect(byOption(result, "A").total).toBeCloseTo(0.5, 12);
    expect(byOption(result, "B").total).toBeCloseTo(0.475, 12);
    expect(deltaOf(result, "c1")).toBeCloseTo(-50 / 17, 9);
    expect(deltaOf(result, "c2")).toBeCloseTo(50 / 17, 9);
    expect(result.robustness).toBeCloseTo(50 / 17, 9);
    expect(result.flags).toEqual(["fragile"]);
    // Borda: v1 A .5 > B .45; v2 A .5 = B .3 + .2 = .5 → 1.5 each. A 1 + .5 = 1.5, B 0 + .5 = .5.
    // Position sums A 2.5, B 3.5; mean 3; S = .5; W = 6 / (4·6) = .25.
    expect(byOption(result, "A").borda).toBe(1.5);
    expect(byOption(result, "B").borda).toBe(0.5);
    expect(result.kendallW).toBeCloseTo(0.25, 12);
  });
});

describe("disputed cells", () => {
  it("flags a cell only when its standard deviation exceeds a quarter of the scale", () => {
    // Scale 0..10, threshold 2.5. A: 0, 5 → sd 2.5 (not above). B: 0, 6 → mean 3, sd 3 (above).
    const wide = decide({
      options: ["A", "B"],
      criteria: [{ id: "c1", weight: 1 }],
      ballots: { v1: { A: [0], B: [0] }, v2: { A: [5], B: [6] } },
    });
    expect(cellOf(wide, "A", "c1").stdev).toBe(2.5);
    expect(cellOf(wide, "A", "c1").disputed).toBe(false);
    expect(cellOf(wide, "B", "c1").disputed).toBe(true);

    // Scale 1..5, threshold .25·4 = 1. A: 1, 3 → sd 1 (not above). B: 1, 4 → sd 1.5 (above).
    const narrow = decide({
      scale: { min: 1, max: 5 },
      options: ["A", "B"],
      criteria: [{ id: "c1", weight: 1 }],
      ballots: { v1: { A: [1], B: [1] }, v2: { A: [3], B: [4] } },
    });
    expect(cellOf(narrow, "A", "c1").disputed).toBe(false);
    expect(cellOf(narrow, "B", "c1").disputed).toBe(true);
  });
});

describe("no votes", () => {
  it("has no winner, no robustness and every cell empty when nobody voted", () => {
    const result = decide({
      options: ["A", "B"],
      criteria: [{ id: "c1", weight: 1 }],
      ballots: {},
      eligible: 3,
    });
    expect(result.participation).toEqual({ eligible: 3, voted: 0 });
    expect(result.cells.map((c) => [c.n, c.abstentions, c.mean])).toEqual([
      [0, 0, null],
      [0, 0, null],
    ]);
    expect(result.options.map((o) => [o.total, o.rank])).toEqual([
      [null, 1],
      [null, 1],
    ]);
    expect(result.winnerOptionIds).toEqual([]);
    expect(result.sensitivity).toEqual([{ criterionId: "c1", delta: null, catchingUpOptionId: null }]);
    expect(result.robustness).toBeNull();
    expect(result.kendallW).toBeNull();
    expect(result.flags).toEqual(["incomplete"]);
  });
});

describe("input checks", () => {
  it("refuses a scale whose maximum is not above its minimum", () => {
    expect(() =>
      aggregate({
        scale: { min: 5, max: 5 },
        options: [{ id: "A", name: "A" }],
        criteria: [{ id: "c1" }],
        weights: { c1: 1 },
        cells: [],
        voterSums: [],
        eligible: 0,
      }),
    ).toThrow(DomainRuleError);
  });

  it("refuses weights that do not sum to 1", () => {
    expect(() =>
      aggregate({
        scale: { min: 0, max: 10 },
        options: [{ id: "A", name: "A" }],
        criteria: [{ id: "c1" }, { id: "c2" }],
        weights: { c1: 0.5, c2: 0.4 },
        cells: [],
        voterSums: [],
        eligible: 0,
      }),
    ).toThrow(DomainRuleError);
  });
});
