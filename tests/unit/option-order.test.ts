import { describe, expect, it } from "vitest";
import { fnv1a32, voterOptionOrder } from "@/lib/domain/option-order";

const options = ["pytorch", "tensorflow", "jax", "mxnet", "paddle"];

describe("voterOptionOrder", () => {
  it("gives one voter the same order every time, a permutation of the options", () => {
    const first = voterOptionOrder(options, "decision-1", "voter-a");
    expect(voterOptionOrder(options, "decision-1", "voter-a")).toEqual(first);
    expect([...first].sort()).toEqual([...options].sort());
    expect(options).toEqual(["pytorch", "tensorflow", "jax", "mxnet", "paddle"]);
  });

  it("gives different voters, and one voter on different decisions, different orders", () => {
    const orders = new Set(
      ["voter-a", "voter-b", "voter-c", "voter-d"].map((voter) =>
        voterOptionOrder(options, "decision-1", voter).join(),
      ),
    );
    expect(orders.size).toBeGreaterThan(1);
    const decisions = new Set(
      ["d1", "d2", "d3", "d4"].map((decision) => voterOptionOrder(options, decision, "voter-a").join()),
    );
    expect(decisions.size).toBeGreaterThan(1);
  });

  it("puts each option first about equally often across many voters", () => {
    const firsts = new Map<string, number>();
    for (let v = 0; v < 5000; v++) {
      const first = voterOptionOrder(options, "decision-1", `voter-${v}`)[0]!;
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    // 1000 expected each; ±15% is far outside chance for a fair shuffle (σ ≈ 28).
    for (const option of options) expect(firsts.get(option)).toBeGreaterThan(850);
    for (const option of options) expect(firsts.get(option)).toBeLessThan(1150);
  });

  it("leaves zero or one option as it is", () => {
    expect(voterOptionOrder([], "d", "v")).toEqual([]);
    expect(voterOptionOrder(["only"], "d", "v")).toEqual(["only"]);
  });
});

describe("fnv1a32", () => {
  it("matches the published FNV-1a test vectors", () => {
    expect(fnv1a32("")).toBe(0x811c9dc5);
    expect(fnv1a32("a")).toBe(0xe40c292c);
    expect(fnv1a32("foobar")).toBe(0xbf9cf968);
  });
});
