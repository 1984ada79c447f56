import { describe, expect, it } from "vitest";
import { analyseSensitivity, type SensitivityOption } from "@/lib/domain/sensitivity";

// Inputs are normalized cell means ŝ (only cells with scores) and weights W summing to 1.
// Every expected δ is worked out by hand beside it, in percentage points.

const run = (
  weights: Record<string, number>,
  options: SensitivityOption[],
  winnerOptionIds: string[] = [options[0]?.optionId ?? ""],
) => analyseSensitivity({ criterionIds: Object.keys(weights), weights, options, winnerOptionIds });

const deltaOf = (result: ReturnType<typeof run>, criterionId: string) =>
  result.sensitivity.find((s) => s.criterionId === criterionId)?.delta;

describe("sensitivity of complete options (exact)", () => {
  it("solves the linear crossing exactly", () => {
    // W (.5, .5). A (1, 0) → .5; B (.55, .4) → .475.
    // c1: A slope (1 − .5)/.5 = 1, B (.55 − .475)/.5 = .15 → −.025 − .85δ = 0 → δ = −1/34 = −50/17 points.
    // c2: the same trade seen from the other side → +50/17.
    const result = run({ c1: 0.5, c2: 0.5 }, [
      { optionId: "A", normalized: { c1: 1, c2: 0 } },
      { optionId: "B", normalized: { c1: 0.55, c2: 0.4 } },
    ]);
    expect(deltaOf(result, "c1")).toBeCloseTo(-50 / 17, 10);
    expect(deltaOf(result, "c2")).toBeCloseTo(50 / 17, 10);
    expect(result.robustness).toBeCloseTo(50 / 17, 10);
  });

  it("counts a catch-up at the very end of the range", () => {
    // W (.5, .5). A (.8, .6) → .7; B (.8, .4) → .6.
    // c1: slopes A (.8 − .7)/.5 = .2, B (.8 − .6)/.5 = .4 → −.1 + .2δ = 0 → δ = .5 = 1 − W(c1):
    //   c1 alone decides and both score .8 there. c2: −.1 − .2δ = 0 → δ = −.5 = −W(c2), the same point.
    const result = run({ c1: 0.5, c2: 0.5 }, [
      { optionId: "A", normalized: { c1: 0.8, c2: 0.6 } },
      { optionId: "B", normalized: { c1: 0.8, c2: 0.4 } },
    ]);
    expect(deltaOf(result, "c1")).toBeCloseTo(50, 9);
    expect(deltaOf(result, "c2")).toBeCloseTo(-50, 9);
  });

  it("takes the nearest challenger when several could catch the winner, and names it", () => {
    // W (.5, .5). A (.9, .3) → .6; B (.3, .8) → .55; C (.2, .95) → .575.
    // c2 (raising it helps B and C): slopes A (.3 − .6)/.5 = −.6, B (.8 − .55)/.5 = .5, C (.95 − .575)/.5 = .75.
    //   B: −.05 + 1.1δ = 0 → δ = 1/22 (4.545 points); C: −.025 + 1.35δ = 0 → δ = 1/54 (1.852 points).
    const result = run({ c1: 0.5, c2: 0.5 }, [
      { optionId: "A", normalized: { c1: 0.9, c2: 0.3 } },
      { optionId: "B", normalized: { c1: 0.3, c2: 0.8 } },
      { optionId: "C", normalized: { c1: 0.2, c2: 0.95 } },
    ]);
    expect(deltaOf(result, "c2")).toBeCloseTo(100 / 54, 9);
    expect(deltaOf(result, "c1")).toBeCloseTo(-100 / 54, 9);
    // C, not B, is the one that gets there first, so C is the option named as catching up.
    expect(result.sensitivity.map((s) => s.catchingUpOptionId)).toEqual(["C", "C"]);
  });
});

describe("sensitivity of incomplete options (bisection)", () => {
  // W (.4, .4, .2). A (.7, .7, .7) complete → .7 for any weights.
  // B (.9, .4, —) has no score on c3 → (.4·.9 + .4·.4)/.8 = .65.
  const result = run({ c1: 0.4, c2: 0.4, c3: 0.2 }, [
    { optionId: "A", normalized: { c1: 0.7, c2: 0.7, c3: 0.7 } },
    { optionId: "B", normalized: { c1: 0.9, c2: 0.4 } },
  ]);

  it("finds the crossing of a ratio total to within 0.01 points, on the caught-up side", () => {
    // c1 raised by δ: W' = (.4 + δ, .4r, .2r), r = (.6 − δ)/.6.
    //   T(B) = ((.4 + δ)·.9 + .16r) / ((.4 + δ) + .4r) = .7 ⇔ .2(.4 + δ) = .12r ⇔ .08 + .2δ = .12 − .2δ ⇔ δ = .1.
    //   Check: W' = (.5, 1/3, 1/6) → T(B) = (.45 + .4/3) / (5/6) = .7.
    const c1 = deltaOf(result, "c1");
    expect(c1).toBeGreaterThanOrEqual(10 - 1e-9);
    expect(c1).toBeLessThanOrEqual(10 + 0.01);
  });

  it("searches downward too", () => {
    // c2 lowered by δ < 0: W' = (.4r, .4 + δ, .2r), r = (.6 − δ)/.6.
    //   T(B) = (.36r + .4(.4 + δ)) / (.4r + .4 + δ) = .7 ⇔ .08r = .12 + .3δ ⇔ .08 − (.4/3)δ = .12 + .3δ
    //   ⇔ δ = −.04 / (13/30) = −12/130 = −6/65 → −600/65 ≈ −9.2308 points.
    //   Check: W' = (6/13, 4/13, 3/13) → T(B) = (5.4 + 1.6)/10 = .7.
    const c2 = deltaOf(result, "c2");
    expect(c2).toBeLessThanOrEqual(-600 / 65 + 1e-9);
    expect(c2).toBeGreaterThanOrEqual(-600 / 65 - 0.01);
  });

  it("reports null for a criterion the challenger was not scored on", () => {
    // c3 scales B's two weights by the same factor, so T(B) stays .65 < .7.
    expect(deltaOf(result, "c3")).toBeNull();
    // Robustness min(10, 9.23) ≈ 9.23.
    expect(result.robustness).toBeCloseTo(600 / 65, 1);
  });
});

describe("edges", () => {
  it("reports null for the only criterion, which has no other weight to trade with", () => {
    const result = run({ c1: 1 }, [
      { optionId: "A", normalized: { c1: 0.9 } },
      { optionId: "B", normalized: { c1: 0.2 } },
    ]);
    expect(result.sensitivity).toEqual([{ criterionId: "c1", delta: null, catchingUpOptionId: null }]);
    expect(result.robustness).toBeNull();
  });

  it("measures a criterion at weight 1 through the zero-weight criteria instead", () => {
    // W (1, 0). A (.8, .2) → .8; B (.6, .9) → .6. c1 cannot be rescaled (null).
    // c2 raised by δ: T(A) = .8 − .6δ, T(B) = .6 + .3δ → .2 = .9δ → δ = 2/9 → 200/9 points.
    const result = run({ c1: 1, c2: 0 }, [
      { optionId: "A", normalized: { c1: 0.8, c2: 0.2 } },
      { optionId: "B", normalized: { c1: 0.6, c2: 0.9 } },
    ]);
    expect(deltaOf(result, "c1")).toBeNull();
    expect(deltaOf(result, "c2")).toBeCloseTo(200 / 9, 9);
    expect(result.sensitivity.map((s) => s.catchingUpOptionId)).toEqual([null, "B"]);
    expect(result.robustness).toBeCloseTo(200 / 9, 9);
  });

  it("gives 0 everywhere when the winner is already tied", () => {
    const result = run(
      { c1: 0.5, c2: 0.5 },
      [
        { optionId: "A", normalized: { c1: 0.6, c2: 0.4 } },
        { optionId: "B", normalized: { c1: 0.4, c2: 0.6 } },
      ],
      ["A", "B"],
    );
    expect(result.sensitivity).toEqual([
      { criterionId: "c1", delta: 0, catchingUpOptionId: "B" },
      { criterionId: "c2", delta: 0, catchingUpOptionId: "B" },
    ]);
    expect(result.robustness).toBe(0);
  });

  it("gives null everywhere when there is no winner", () => {
    const result = run({ c1: 1 }, [{ optionId: "A", normalized: {} }], []);
    expect(result.sensitivity).toEqual([{ criterionId: "c1", delta: null, catchingUpOptionId: null }]);
    expect(result.robustness).toBeNull();
  });

  it("ignores an option without a total even when a zero-weight criterion it was scored on gains weight", () => {
    // W (.5, .5, 0). A (.6, .6, —) → .6. Z scored only on c3 (weight 0): coverage 0, no total.
    // Raising c3 would give Z a total of 1 at any δ > 0; it is not a challenger, so every δ is null.
    const result = run({ c1: 0.5, c2: 0.5, c3: 0 }, [
      { optionId: "A", normalized: { c1: 0.6, c2: 0.6 } },
      { optionId: "Z", normalized: { c3: 1 } },
    ]);
    expect(result.sensitivity.map((s) => s.delta)).toEqual([null, null, null]);
    expect(result.robustness).toBeNull();
  });
});
