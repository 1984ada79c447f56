import { describe, expect, it } from "vitest";
import { DomainRuleError } from "@/lib/domain/aggregation";
import {
  importancesFromWeights,
  analysePairwiseMatrix,
  inconsistencyWarning,
  pairwiseWeights,
  type PairwiseJudgement,
} from "@/lib/domain/pairwise";

/** Upper-triangle judgements from a full matrix, as a form would send them. */
function judgementsOf(ids: string[], matrix: number[][]): PairwiseJudgement[] {
  return ids.flatMap((rowId, i) =>
    ids.slice(i + 1).map((columnId, offset) => ({ rowId, columnId, value: matrix[i]![i + 1 + offset]! })),
  );
}

describe("pairwiseWeights", () => {
  it("gives the published weights and consistency of the textbook 'choosing a leader' example", () => {
    // Wikipedia, "Analytic hierarchy process – leader example": Experience, Education, Charisma, Age.
    // Published priorities .547, .127, .270, .056. Checked independently with numpy.linalg.eig:
    // w = (0.54757, 0.12656, 0.26995, 0.05593), λmax = 4.11842, CI = 0.11842/3 = 0.03947,
    // CR = 0.03947/0.90 = 0.0439 (the article's 0.044): consistent enough, no warning. The article's
    // .547 for Experience is the eigenvector's 0.54757 cut rather than rounded, hence "within 0.001".
    const ids = ["experience", "education", "charisma", "age"];
    const matrix = [
      [1, 4, 3, 7],
      [1 / 4, 1, 1 / 3, 3],
      [1 / 3, 3, 1, 5],
      [1 / 7, 1 / 3, 1 / 5, 1],
    ];
    const result = pairwiseWeights(ids, judgementsOf(ids, matrix));
    const published = { experience: 0.547, education: 0.127, charisma: 0.27, age: 0.056 };
    for (const [id, weight] of Object.entries(published)) {
      expect(Math.abs(result.weights[id]! - weight)).toBeLessThan(0.001);
    }
    expect(result.weights.experience).toBeCloseTo(0.5475692, 6);
    expect(result.weights.education).toBeCloseTo(0.1265553, 6);
    expect(result.weights.charisma).toBeCloseTo(0.2699499, 6);
    expect(result.weights.age).toBeCloseTo(0.0559256, 6);
    expect(result.lambdaMax).toBeCloseTo(4.118418, 6);
    expect(result.consistencyIndex).toBeCloseTo(0.0394727, 6);
    expect(result.consistencyRatio).toBeCloseTo(0.0438585, 6);
    expect(result.warning).toBeNull();
  });

  it("recovers the exact ratios of a consistent matrix, with λmax = n and ratio 0", () => {
    // a_ij = w_i / w_j for w ∝ (4, 2, 1): weights 4/7, 2/7, 1/7 and A·w = 3·w.
    const result = pairwiseWeights(
      ["a", "b", "c"],
      [
        { rowId: "a", columnId: "b", value: 2 },
        { rowId: "a", columnId: "c", value: 4 },
        { rowId: "b", columnId: "c", value: 2 },
      ],
    );
    expect(result.weights.a).toBeCloseTo(4 / 7, 12);
    expect(result.weights.b).toBeCloseTo(2 / 7, 12);
    expect(result.weights.c).toBeCloseTo(1 / 7, 12);
    expect(result.lambdaMax).toBeCloseTo(3, 12);
    expect(result.consistencyRatio).toBe(0);
    expect(result.warning).toBeNull();
  });

  it("accepts a pair judged in either orientation", () => {
    // "c is 4 times less important than a" said as c-versus-a = 1/4 … or a-versus-c = 4: same matrix.
    const result = pairwiseWeights(
      ["a", "b", "c"],
      [
        { rowId: "b", columnId: "a", value: 1 / 2 },
        { rowId: "c", columnId: "a", value: 1 / 4 },
        { rowId: "b", columnId: "c", value: 2 },
      ],
    );
    expect(result.weights.a).toBeCloseTo(4 / 7, 12);
    expect(result.weights.c).toBeCloseTo(1 / 7, 12);
  });

  it("warns about inconsistent judgements and names the comparison to revisit", () => {
    // w ∝ (8, 4, 2, 1) makes every judgement a_ij = w_i / w_j: 2, 4, 8 / 2, 4 / 2. Reverse one,
    // a_14 = 1/8 instead of 8. numpy.linalg.eig: λmax = 6.73465, CI = 2.73465/3 = 0.91155,
    // CR = 0.91155/0.90 = 1.0128; w = (0.2176, 0.3017, 0.1508, 0.3299), and |ln(a_ij·w_j/w_i)| is
    // largest, 1.663, for (1, 4). The others imply a_12·a_24 = 2·4 = 8 and a_13·a_34 = 4·2 = 8.
    const ids = ["speed", "cost", "safety", "fun"];
    const matrix = [
      [1, 2, 4, 1 / 8],
      [1 / 2, 1, 2, 4],
      [1 / 4, 1 / 2, 1, 2],
      [8, 1 / 4, 1 / 2, 1],
    ];
    const result = pairwiseWeights(ids, judgementsOf(ids, matrix));
    expect(result.lambdaMax).toBeCloseTo(6.734648, 5);
    expect(result.consistencyRatio).toBeCloseTo(1.012832, 5);
    expect(result.weights.speed).toBeCloseTo(0.217612, 5);
    expect(result.warning).toEqual({ rowId: "speed", columnId: "fun", given: 1 / 8, suggested: 8 });
    const names: Record<string, string> = { speed: "Speed", fun: "Fun" };
    expect(inconsistencyWarning(result, (id) => names[id] ?? id)).toBe(
      "These comparisons contradict each other (consistency ratio 1.01, above 0.10). " +
        "The least consistent is Speed versus Fun: you rated it 1/8, the other comparisons suggest about 8.",
    );
  });

  it("does not warn at a consistency ratio of 0.10 or below", () => {
    // The leader example above (CR 0.044) has no warning; here a mildly uneven 3 × 3:
    // a_12 = 2, a_23 = 2, a_13 = 3 (4 would be consistent). numpy: λmax = 3.00920, CR = 0.0079.
    const result = pairwiseWeights(
      ["a", "b", "c"],
      [
        { rowId: "a", columnId: "b", value: 2 },
        { rowId: "b", columnId: "c", value: 2 },
        { rowId: "a", columnId: "c", value: 3 },
      ],
    );
    expect(result.consistencyRatio).toBeCloseTo(0.0079, 4);
    expect(result.warning).toBeNull();
    expect(inconsistencyWarning(result, (id) => id)).toBeNull();
  });

  it("has no consistency to measure with two criteria", () => {
    const result = pairwiseWeights(["a", "b"], [{ rowId: "a", columnId: "b", value: 9 }]);
    expect(result.weights.a).toBeCloseTo(0.9, 12);
    expect(result.weights.b).toBeCloseTo(0.1, 12);
    expect(result.consistencyRatio).toBe(0);
    expect(result.warning).toBeNull();
  });

  it("refuses judgements off the scale, missing or repeated pairs, and too few or many criteria", () => {
    const twoOf = (value: number) => () =>
      pairwiseWeights(["a", "b"], [{ rowId: "a", columnId: "b", value }]);
    expect(twoOf(1.5)).toThrow(DomainRuleError);
    expect(twoOf(10)).toThrow(DomainRuleError);
    expect(twoOf(0)).toThrow(DomainRuleError);
    expect(twoOf(1 / 3)).not.toThrow();
    expect(twoOf(0.333333333333)).not.toThrow();
    expect(() => pairwiseWeights(["a", "b", "c"], [{ rowId: "a", columnId: "b", value: 2 }])).toThrow(
      /Compare a with c/,
    );
    expect(() =>
      pairwiseWeights(
        ["a", "b"],
        [
          { rowId: "a", columnId: "b", value: 2 },
          { rowId: "b", columnId: "a", value: 1 / 2 },
        ],
      ),
    ).toThrow(/only once/);
    expect(() => pairwiseWeights(["a", "b"], [{ rowId: "a", columnId: "a", value: 1 }])).toThrow(
      DomainRuleError,
    );
    expect(() => pairwiseWeights(["a"], [])).toThrow(/between 2 and 10/);
    const eleven = Array.from({ length: 11 }, (_, i) => `c${i}`);
    expect(() => pairwiseWeights(eleven, [])).toThrow(/between 2 and 10/);
  });
});

describe("analysePairwiseMatrix", () => {
  it("refuses a matrix that is not reciprocal", () => {
    expect(() =>
      analysePairwiseMatrix([
        [1, 3],
        [3, 1],
      ]),
    ).toThrow(/reciprocal/);
  });
});

describe("importancesFromWeights", () => {
  it("gives the heaviest criterion 10 and the others in proportion", () => {
    expect(importancesFromWeights([0.5, 0.25, 0.25])).toEqual([10, 5, 5]);
  });

  it("rounds to multiples of 1/1024, never to zero", () => {
    // 10 · 0.1 / 0.6 = 1.6667 → 1706.67 / 1024 → 1707 / 1024; 10 · 0.00001 / 0.6 → 0.17 steps → 1 step.
    expect(importancesFromWeights([0.6, 0.3, 0.1])).toEqual([10, 5, 1707 / 1024]);
    expect(importancesFromWeights([0.6, 0.39999, 0.00001])).toEqual([10, 6826 / 1024, 1 / 1024]);
  });

  it("sums exactly in any order, so normalizing them is the same everywhere", () => {
    const values = importancesFromWeights([0.31, 0.07, 0.22, 0.4, 0.0123]);
    const forward = values.reduce((s, v) => s + v, 0);
    const backward = [...values].reverse().reduce((s, v) => s + v, 0);
    expect(forward).toBe(backward);
    expect(forward * 1024).toBe(Math.round(forward * 1024));
  });
});
