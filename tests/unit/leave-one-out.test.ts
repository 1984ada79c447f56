import { describe, expect, it } from "vitest";
import {
  cellStatsFromScores,
  computeWeights,
  type CellStats,
  type WeightMode,
} from "@/lib/domain/aggregation";
import { leaveOneOut, medianWinner, type VoterBallot } from "@/lib/domain/leave-one-out";

// Every expected winner below is worked out by hand in the comment beside it. Scale 0–10 throughout,
// so a normalized mean is the mean / 10.

/** voterId → optionId → one score per criterion, in the criteria's order (null = abstain). */
type Votes = Record<string, Record<string, (number | null)[]>>;

function ballotsOf(
  votes: Votes,
  criteria: string[],
  importances: Record<string, Record<string, number>> = {},
) {
  return Object.entries(votes).map(([voterId, byOption]): VoterBallot => ({
    voterId,
    scores: Object.entries(byOption).flatMap(([optionId, values]) =>
      criteria.map((criterionId, j) => ({ optionId, criterionId, value: values[j] ?? null })),
    ),
    importances: importances[voterId],
  }));
}

/** The cell statistics over all voters, as the database would return them. */
function cellsOf(ballots: VoterBallot[]): CellStats[] {
  const byCell = new Map<string, (number | null)[]>();
  for (const ballot of ballots) {
    for (const score of ballot.scores) {
      const key = JSON.stringify([score.optionId, score.criterionId]);
      byCell.set(key, [...(byCell.get(key) ?? []), score.value]);
    }
  }
  return [...byCell].map(([key, values]) => {
    const [optionId, criterionId] = JSON.parse(key) as [string, string];
    return { optionId, criterionId, ...cellStatsFromScores(values) };
  });
}

function run(
  votes: Votes,
  options: string[],
  criteria: { id: string; weight: number }[],
  mode: WeightMode = "FIXED",
  importances: Record<string, Record<string, number>> = {},
) {
  const ballots = ballotsOf(
    votes,
    criteria.map((c) => c.id),
    importances,
  );
  return leaveOneOut({
    scale: { min: 0, max: 10 },
    mode,
    options: options.map((id) => ({ id })),
    criteria,
    cells: cellsOf(ballots),
    ballots,
  });
}

describe("leaveOneOut", () => {
  it("finds exactly the one voter whose ballot decides the winner", () => {
    // One criterion. A: 8, 6, 4 → mean 6; B: 5, 5, 9 → mean 6.33: B wins.
    // Without v1: A (6+4)/2 = 5, B (5+9)/2 = 7 → B.  Without v2: A 6, B 7 → B.
    // Without v3: A (8+6)/2 = 7, B 5 → A. Only v3 is pivotal.
    const result = run(
      { v1: { A: [8], B: [5] }, v2: { A: [6], B: [5] }, v3: { A: [4], B: [9] } },
      ["A", "B"],
      [{ id: "c", weight: 1 }],
    );
    expect(result.winnerOptionIds).toEqual(["B"]);
    expect(result.pivotal).toEqual([{ voterId: "v3", winnerOptionIdsWithout: ["A"] }]);
    expect(result.pivotalCount).toBe(1);
  });

  it("finds nobody pivotal when every voter agrees on the order", () => {
    const result = run(
      { v1: { A: [9], B: [2] }, v2: { A: [7], B: [3] }, v3: { A: [6], B: [5] } },
      ["A", "B"],
      [{ id: "c", weight: 1 }],
    );
    expect(result).toEqual({ winnerOptionIds: ["A"], pivotal: [], pivotalCount: 0 });
  });

  it("judges an option whose only score was the left-out voter's by the coverage that remains", () => {
    // Weights ½, ½. A: c1 scored by v1 alone (10), c2 by v1 6 and v2 8. B: both cells 5 and 7.
    // All: A = ½·1 + ½·0.7 = 0.85, B = ½·0.6 + ½·0.6 = 0.6 → A.
    // Without v1: A has only c2 = 0.8 (coverage ½, total 0.8), B = 0.7 → A still.
    // (Counting A's emptied cell as 0 would give A 0.4 and wrongly make v1 pivotal.)
    // Without v2: A = ½·1 + ½·0.6 = 0.8, B = 0.5 → A. Nobody is pivotal.
    const result = run(
      { v1: { A: [10, 6], B: [5, 5] }, v2: { A: [null, 8], B: [7, 7] } },
      ["A", "B"],
      [
        { id: "c1", weight: 1 },
        { id: "c2", weight: 1 },
      ],
    );
    expect(result.winnerOptionIds).toEqual(["A"]);
    expect(result.pivotal).toEqual([]);
  });

  it("in VOTED mode takes the voter's importances out of the weights too, and a new tie counts", () => {
    // Everyone scores A = (10, 0) and B = (0, 10), so only the weights differ with a voter left out.
    // Shares: v1 (1, 0), v2 (0, 1), v3 (0.6, 0.4). All: W = (1.6/3, 1.4/3) = (0.533, 0.467) → A.
    // Without v1: W = (0.3, 0.7) → B.  Without v2: (0.8, 0.2) → A.  Without v3: (0.5, 0.5) → A and B tie.
    const scores = { A: [10, 0], B: [0, 10] };
    const result = run(
      { v1: scores, v2: scores, v3: scores },
      ["A", "B"],
      [
        { id: "c1", weight: 0 },
        { id: "c2", weight: 0 },
      ],
      "VOTED",
      { v1: { c1: 10, c2: 0 }, v2: { c1: 0, c2: 10 }, v3: { c1: 6, c2: 4 } },
    );
    expect(result.winnerOptionIds).toEqual(["A"]);
    expect(result.pivotal).toEqual([
      { voterId: "v1", winnerOptionIdsWithout: ["B"] },
      { voterId: "v3", winnerOptionIdsWithout: ["A", "B"] },
    ]);
  });

  it("weighs equally once the only voter with importances is left out", () => {
    // v1 alone gave importances (c1 only): W = (1, 0) → A (10 vs 0 on c1). v2 gave none.
    // Without v1 nobody gave any: equal weights, and the remaining scores are v2's: A = (4, 0),
    // B = (0, 9): A 0.2, B 0.45 → B. Without v2: W unchanged, A 10 vs B 0 on c1 → A.
    const result = run(
      { v1: { A: [10, 0], B: [0, 10] }, v2: { A: [4, 0], B: [0, 9] } },
      ["A", "B"],
      [
        { id: "c1", weight: 0 },
        { id: "c2", weight: 0 },
      ],
      "VOTED",
      { v1: { c1: 10, c2: 0 } },
    );
    expect(result.pivotal).toEqual([{ voterId: "v1", winnerOptionIdsWithout: ["B"] }]);
  });
});

describe("medianWinner", () => {
  const criteria = [{ id: "c", weight: 1 }];
  const compare = (votes: Votes) => {
    const ballots = ballotsOf(votes, ["c"]);
    return medianWinner({
      scale: { min: 0, max: 10 },
      options: [{ id: "A" }, { id: "B" }],
      criteria,
      weights: computeWeights("FIXED", criteria, []).weights,
      cells: cellsOf(ballots),
    });
  };

  it("flags a mean winner that one low score made", () => {
    // A: 0, 9, 9 → mean 6, median 9.  B: 7, 7, 7 → mean 7, median 7.  Means pick B, medians A.
    expect(compare({ v1: { A: [0], B: [7] }, v2: { A: [9], B: [7] }, v3: { A: [9], B: [7] } })).toEqual({
      meanWinnerOptionIds: ["B"],
      medianWinnerOptionIds: ["A"],
      medianDisagrees: true,
    });
  });

  it("stays quiet when medians and means agree", () => {
    // A: 8, 9 → mean and median 8.5.  B: 2, 7 → 4.5.  Both pick A.
    expect(compare({ v1: { A: [8], B: [2] }, v2: { A: [9], B: [7] } })).toEqual({
      meanWinnerOptionIds: ["A"],
      medianWinnerOptionIds: ["A"],
      medianDisagrees: false,
    });
  });
});
