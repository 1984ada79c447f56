import { describe, expect, it } from "vitest";
import { computeWeights } from "@/lib/domain/aggregation";
import { importanceShares, SHARE_ONE, votedWeightsFromShares } from "@/lib/domain/tally";

describe("importance shares (the maintained VOTED weights)", () => {
  it("are each voter's normalized importances as integers over 2^60, rounded half up", () => {
    expect(SHARE_ONE).toBe(1152921504606846976n);
    expect(importanceShares(["a", "b"], { a: 1, b: 3 })).toEqual([2n ** 58n, 3n * 2n ** 58n]);
    // 2^60 / 3 = 384307168202282325.33…, 2 × 2^60 / 3 = 768614336404564650.67…
    expect(importanceShares(["a", "b"], { a: 1, b: 2 })).toEqual([384307168202282325n, 768614336404564651n]);
  });

  it("are the same for importances in the same proportion, as pairwise ones in 1/1024 steps are", () => {
    expect(importanceShares(["a", "b"], { a: 0.5, b: 0.25 })).toEqual(importanceShares(["a", "b"], { a: 2, b: 1 }));
    expect(importanceShares(["a", "b"], { a: 10, b: 5 + 1 / 1024 })).toEqual(importanceShares(["a", "b"], { a: 10240, b: 5121 }));
  });

  it("leave out a voter who gave every criterion 0, and ignore criteria not listed", () => {
    expect(importanceShares(["a", "b"], { a: 0, b: 0 })).toBeNull();
    expect(importanceShares(["a"], { a: 4, stale: 6 })).toEqual([SHARE_ONE]);
  });

  it("give the weights computeWeights gives, and equal weights with no contributing voter", () => {
    const ids = ["a", "b", "c"];
    const vectors = [{ a: 1, b: 3, c: 0 }, { a: 1, b: 1, c: 2 }, { a: 7, b: 0, c: 3 }];
    const sums: Record<string, bigint> = { a: 0n, b: 0n, c: 0n };
    for (const vector of vectors) importanceShares(ids, vector)!.forEach((share, i) => (sums[ids[i]!]! += share));
    const weights = votedWeightsFromShares(ids, sums, vectors.length);
    const reference = computeWeights("VOTED", ids.map((id) => ({ id, weight: 1 })), vectors.map((importances, i) => ({ voterId: `v${i}`, importances }))).weights;
    for (const id of ids) expect(weights[id]).toBeCloseTo(reference[id]!, 15);
    // (1/4 + 1/4 + 7/10) / 3 for a: 0.4 exactly as a fraction, to the last bits of a double.
    expect(weights.a).toBeCloseTo(0.4, 15);
    expect(votedWeightsFromShares(ids, {}, 0)).toEqual({ a: 1 / 3, b: 1 / 3, c: 1 / 3 });
  });
});
